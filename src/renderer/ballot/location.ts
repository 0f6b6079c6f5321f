// What the ballot page's address says: the meeting (?m=) and the voter code (#c=), which stays in
// the fragment so it never reaches the server's logs, and leaves the address bar once read.
import { parseAnyDocName } from '../../shared/doc/names'
import { isIdString } from '../../shared/domain/ids'
import { surveyAddressOf, type SurveyAddress } from '../../shared/phoneSurvey'

export interface BallotAddress {
  /** The meeting's id (or, from an older slip, its document name), or null when the address names no meeting. */
  meeting: string | null
  /** The code as it came in the fragment (not yet checked), or null. */
  code: string | null
}

function param(query: string, name: string): string | null {
  const q = query.replace(/^[?#]/, '')
  if (q === '') return null
  for (const pair of q.split('&')) {
    const i = pair.indexOf('=')
    const key = i < 0 ? pair : pair.slice(0, i)
    if (key !== name) continue
    try {
      return decodeURIComponent((i < 0 ? '' : pair.slice(i + 1)).replace(/\+/g, ' '))
    } catch {
      return null
    }
  }
  return null
}

export function readBallotAddress(search: string, hash: string): BallotAddress {
  const m = param(search, 'm')
  const parsed = m === null ? null : parseAnyDocName(m)
  const c = param(hash, 'c')
  return { meeting: parsed?.kind === 'meeting' || isIdString(m) ? m : null, code: c === null || c.trim() === '' ? null : c }
}

/** A satisfaction survey's address (?s=<survey>&y=<year>&k=<council key>), or null (shared/phoneSurvey.ts). */
export function readSurveyAddress(search: string): SurveyAddress | null {
  const year = param(search, 'y')
  return surveyAddressOf({ survey: param(search, 's'), year: year !== null && /^\d{4}$/.test(year) ? Number(year) : null, council: param(search, 'k') })
}

/**
 * A code as it is being typed, upper-cased and grouped in fours ("7KQM-2X9P-4H"), at most 16
 * characters: easier to compare with the slip. Letters the code cannot hold (O, I, L, U) are
 * left for normaliseVoterCode to correct or refuse, so the field shows what was typed.
 */
export function groupTyped(input: string): string {
  const chars = input.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 16)
  return (chars.match(/.{1,4}/g) ?? []).join('-')
}

/** Only the last group of a code, for a screen a neighbour may see ("code ending W3CD"). */
export const maskCode = (canonical: string): string => canonical.slice(-4)

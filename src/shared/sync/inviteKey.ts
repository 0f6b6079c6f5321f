// The inviting code: how a device that can invite makes another read-write device of the same
// council an inviting device. It is the council's secret itself, named as such:
//
//   YSK1.<councilId>.<secret>
//
// Whoever holds it has full authority over the council on its server: they can make read-write
// and read-only join codes, revoke codes, and change the council's key. So it is shown only when
// asked for, never kept in the list of issued codes, and meant to be typed or scanned in the same
// room. The app accepts it only on a device already joined read-write to that council whose own
// code was made from this very secret (so a pasted code for another council, or an old key, is
// refused with a reason); that check protects against mistakes, not against someone who has the
// code, who could use the secret directly.
import { isIdString } from '../domain/ids'
import { isCouncilSecret } from './joinCode'

const PREFIX = 'YSK1'
const FIND = /YSK1\.[0-9a-fA-F-]{36}\.[A-Za-z0-9_-]{43}/

export interface InviteKey {
  councilId: string
  secret: string
}

/** The inviting code of a council. Throws on a malformed id or secret (a bug in the caller). */
export function formatInviteKey({ councilId, secret }: InviteKey): string {
  if (!isIdString(councilId) || !isCouncilSecret(secret)) throw new Error('formatInviteKey: malformed council id or secret')
  return `${PREFIX}.${councilId}.${secret}`
}

/** Finds an inviting code in pasted text (alone or inside a message); null if there is none. */
export function parseInviteKey(text: string): InviteKey | null {
  if (typeof text !== 'string' || text.length > 4000) return null
  const found = FIND.exec(text)
  if (!found) return null
  const [, councilId, secret] = found[0].split('.') as [string, string, string]
  return isIdString(councilId) && isCouncilSecret(secret) ? { councilId, secret } : null
}

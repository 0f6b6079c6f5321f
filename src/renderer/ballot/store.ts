// What the page keeps across a reload, in sessionStorage (this tab only, gone when it closes): the
// code, so a reload works after the code left the address bar, and the last receipt, so a
// reload shows it again. The language the resident chose is kept in localStorage.
import { normaliseReceipt, normaliseVoterCode } from '../../shared/domain/voterCode'
import { isLanguage, type Language } from './messages'

export interface StoredReceipt {
  /** The canonical code that cast it: another code on the same phone does not show it. */
  code: string
  voteId: string
  receipt: string
}

export interface BallotStore {
  code(): string | null
  setCode(code: string | null): void
  receipt(): StoredReceipt | null
  setReceipt(receipt: StoredReceipt): void
}

/** Storage can be missing or throw (private browsing in old Safari): the page works without it. */
function safe(get: () => Storage): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const attempt = <T>(fn: (s: Storage) => T, fallback: T): T => {
    try {
      return fn(get())
    } catch {
      return fallback
    }
  }
  return {
    getItem: (k) => attempt((s) => s.getItem(k), null),
    setItem: (k, v) => attempt((s) => s.setItem(k, v), undefined),
    removeItem: (k) => attempt((s) => s.removeItem(k), undefined),
  }
}

export function sessionBallotStore(meeting: string, storage = safe(() => window.sessionStorage)): BallotStore {
  const codeKey = `yishi-ballot/code/${meeting}`
  const receiptKey = `yishi-ballot/receipt/${meeting}`
  return {
    code: () => normaliseVoterCode(storage.getItem(codeKey)),
    setCode: (code) => (code === null ? storage.removeItem(codeKey) : storage.setItem(codeKey, code)),
    receipt() {
      try {
        const r = JSON.parse(storage.getItem(receiptKey) ?? 'null') as Partial<StoredReceipt> | null
        const receipt = normaliseReceipt(r?.receipt)
        const code = normaliseVoterCode(r?.code)
        return r && receipt && code && typeof r.voteId === 'string' ? { code, voteId: r.voteId, receipt } : null
      } catch {
        return null
      }
    },
    setReceipt: (r) => storage.setItem(receiptKey, JSON.stringify(r)),
  }
}

const LANGUAGE_KEY = 'yishi-ballot/language'
const local = safe(() => window.localStorage)

export function storedLanguage(): Language | null {
  const v = local.getItem(LANGUAGE_KEY)
  return isLanguage(v) ? v : null
}

export const storeLanguage = (language: Language): void => local.setItem(LANGUAGE_KEY, language)

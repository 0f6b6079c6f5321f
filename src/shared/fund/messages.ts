// The words for a refusal or a conflict of the fund rules, with their figures in yuan: the rules
// carry amounts in fen, the person reads "¥1,234.56". One place, so every screen says it the same.
import type { DecisionRefusal } from './decision'
import type { LedgerConflict, LedgerRefusal } from './ledger'
import { formatYuan } from './money'

type Translate = (key: string, options?: Record<string, unknown>) => string

/** Every number of a refusal or conflict is an amount in fen (counts are not carried in them). */
function figures(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) out[k] = typeof x === 'number' ? formatYuan(x) : x
  return out
}

/** A refusal of the ledger, the decision, the screening or the path (their `reason` codes), in the person's language. */
export const fundRefusalText = (t: Translate, r: LedgerRefusal | DecisionRefusal | { reason: string }): string => t(`fund:refusal.${r.reason}`, figures(r))

/** A conflict the merged ledger shows, in the person's language. */
export const fundConflictText = (t: Translate, c: LedgerConflict): string => t(`fund:conflict.${c.kind}`, figures(c))

// The printed record and 纪要 of a vote that was put right: a cancelled vote, a re-vote, and the
// corrections printed after the announced result (which stays, unchanged). Used by layout.ts.
import type { Block } from './blocks'
import type { VoteEntry } from './types'

/** What layout.ts's formatter offers that these blocks need. */
export interface FixFmt {
  t: (key: string, options?: Record<string, unknown>) => string
  time: (iso: string) => string
}

const para = (text: string): Block => ({ kind: 'paragraph', text, indent: false })

/** A cancelled vote: who, when, why; there is no result to print. */
export function cancelledBlocks(f: FixFmt, v: VoteEntry): Block[] {
  const c = v.cancelled
  return c ? [para(f.t('documents:record.vote.cancelled', { by: c.by, at: f.time(c.at), reason: c.reason }))] : []
}

/** A re-vote names the earlier vote it repeats (by its number among the motion's votes). */
export function revoteBlocks(f: FixFmt, v: VoteEntry, votes: readonly VoteEntry[]): Block[] {
  const r = v.revoteOf
  if (!r) return []
  const n = votes.findIndex((x) => x.id === r.voteId) + 1
  return [para(f.t('documents:record.vote.revoteOf', { n: n > 0 ? n : '?', by: r.by, at: f.time(r.at), reason: r.reason }))]
}

/** After the announced result: each correction with its counts and outcome; the last one stands. */
export function correctionBlocks(f: FixFmt, v: VoteEntry): Block[] {
  const list = v.corrections ?? []
  if (!list.length) return []
  const { t } = f
  const blocks: Block[] = [para(t('documents:record.vote.announcedStays'))]
  list.forEach((c, i) => {
    const r = c.result
    blocks.push(para(t('documents:record.vote.correction', { n: i + 1, by: c.by, at: f.time(c.at), reason: c.reason })))
    blocks.push({
      kind: 'table',
      header: [t('votes:counts.for'), t('votes:counts.against'), t('votes:counts.abstain'), t('documents:record.vote.base'), t('documents:record.vote.outcome')],
      rows: [[String(c.counts.for), String(c.counts.against), String(c.counts.abstain), t('documents:record.vote.baseValue', { base: t(`votes:denominator.${r.denominator}`), of: r.threshold.of }), t(`votes:outcome.${r.outcome}`)]],
    })
    const reason = r.reasons[0]
    if (reason) blocks.push(para(t(`votes:reason.${reason.code}`, reason.params)))
  })
  blocks.push(para(t('documents:record.vote.correctionStands', { n: list.length })))
  return blocks
}

/** The 纪要's outcome sentence of a vote, with its correction (or its being a re-vote) said after the announced one. */
export function fixedSentence(f: FixFmt, v: VoteEntry, announced: string): string {
  const last = v.corrections?.at(-1)
  const base = v.revoteOf ? announced + f.t('documents:summary.vote.revote', { reason: v.revoteOf.reason }) : announced
  if (!last) return base
  const c = last.counts
  return f.t('documents:summary.vote.corrected', { announced: base, reason: last.reason, for: c.for, against: c.against, abstain: c.abstain, outcome: last.result.outcome })
}

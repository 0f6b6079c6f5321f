// The street office's side: open bundles (each verified before anything is kept), decide on one,
// and sign the opinion with this device's key so the council can import it.
import { decodeBundle, verifyBundle, type Bundle } from '../../../shared/minutes/bundle'
import { decodeFundBundle } from '../../../shared/fund/bundle'
import { decodeMattersBundle } from '../../../shared/matters/bundle'
import { createReview, encodeReview, type ChecklistItem } from '../../../shared/minutes/review'
import type { AppEnv } from '../../kit/env'
import type { ReviewRow } from '../../data/db'
import { deviceKey } from '../../data/deviceKey'

export type OpenResult = { fileName: string; ok: true; bundleHash: string; again: boolean } | { fileName: string; ok: false; reason: string }

/** The largest file opened at all: far above a year of minutes; larger is refused unread. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024

/**
 * Opens bundle files one by one: a file that fails to decode or verify is reported with its reason
 * and never kept; a verified one is kept (once, however often it is opened).
 */
export async function openBundles(env: AppEnv, files: readonly { name: string; size: number; text: () => Promise<string> }[]): Promise<OpenResult[]> {
  const out: OpenResult[] = []
  for (const f of files) {
    if (f.size > MAX_FILE_BYTES) {
      out.push({ fileName: f.name, ok: false, reason: 'tooLarge' })
      continue
    }
    const text = await f.text()
    const decoded = decodeBundle(text)
    if (!decoded.ok) {
      // A fund-year or matters-year filing dropped here is opened by its own card (FundReview, MattersReview): say so, not "wrong format".
      const filing = decoded.error !== 'wrongFormat' ? null : decodeFundBundle(text).ok ? 'fundFiling' : decodeMattersBundle(text).ok ? 'mattersFiling' : null
      out.push({ fileName: f.name, ok: false, reason: filing ?? decoded.error })
      continue
    }
    const verified = await verifyBundle(decoded.bundle)
    if (!verified.ok) {
      out.push({ fileName: f.name, ok: false, reason: verified.reason })
      continue
    }
    const b = decoded.bundle
    const hash = b.annexSeal.hash
    const existing = await env.db.reviews.get(hash)
    if (!existing) {
      const row: ReviewRow = {
        bundleHash: hash,
        text,
        fileName: f.name,
        councilName: b.sealed.record.council.name,
        meetingTitle: b.sealed.record.meeting.title,
        meetingStartsAt: b.sealed.record.meeting.startsAt,
        openedAt: env.now(),
        decision: null,
        reviewFile: null,
        decidedAt: null,
      }
      await env.db.reviews.add(row)
    }
    out.push({ fileName: f.name, ok: true, bundleHash: hash, again: !!existing })
  }
  return out
}

export function bundleOf(row: ReviewRow): Bundle | null {
  const d = decodeBundle(row.text)
  return d.ok ? d.bundle : null
}

/** Signs the reviewer's decision and keeps the signed file with the bundle. */
export async function decide(
  env: AppEnv,
  row: ReviewRow,
  input: { decision: 'accepted' | 'returned'; comments: string; reviewer: string; office: string; checklist: ChecklistItem[] },
): Promise<void> {
  const bundle = bundleOf(row)
  if (!bundle) throw new Error('bundle unreadable')
  const now = env.now()
  const key = await deviceKey(env.db, now)
  const file = await createReview({ bundle, ...input, reviewedAt: now }, key.keyPair)
  await env.db.reviews.update(row.bundleHash, { decision: input.decision, reviewFile: encodeReview(file), decidedAt: now })
}

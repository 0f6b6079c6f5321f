// The requests-and-matters year file for the street office (yishi.matters-bundle/1, issue 18 item 5,
// the 台账 the street office inspects): the year's records as the document holds them (requests with
// their outcomes and replies, matters with their path step entries, follow-ups with milestones and
// notes, result notices with objections, attachments) and every referenced file by hash (the bytes
// travel apart), signed at export by the device's Ed25519 key like the fund-year file
// (minutes/signedFile.ts). The review recomputes requests, paths and follow-ups from these records
// with the council's own rules, so a file cannot carry a verdict of its own.
import { canonicalJson } from '../doc/canonical'
import type { Attachment } from '../doc/mattersFollowUp'
import { isIsoDate, isInstant, type IsoDate } from '../domain/dates'
import type { FileRef } from '../files/fileRef'
import type { DecodeError } from '../minutes/bundle'
import { decodeSignedFile, isObj, sealFile, verifySignedFile, type FileSeal, type SignedFileFailure } from '../minutes/signedFile'
import type { Objection, PublicNotice } from '../minutes/types'
import type { KeyPairLike } from '../minutes/webCrypto'
import { mattersFindings, snapshotOfMattersFile, type MattersFinding, type MattersYearSnapshot } from './checks'
import type { FollowUp, FollowUpNote, Milestone } from './followUp'
import type { Matter } from './matter'
import type { StepEntry } from './matterPath'
import type { OutcomeEntry, ReplyEntry, ResidentRequest } from './requests'

export const MATTERS_BUNDLE_FORMAT = 'yishi.matters-bundle/1'
/** A year of a large community's requests and matters is well under this. */
export const MAX_MATTERS_BUNDLE_CHARS = 16 * 1024 * 1024

/** The year's records as read from its document (doc/mattersFile.ts). */
export interface MattersFile {
  council: { id: string; name: string }
  year: number
  requests: ResidentRequest[]
  /** What became of each request (merged, declined, a matter), every entry as recorded. */
  outcomes: OutcomeEntry[]
  /** Replies (回音) to whoever asked. */
  replies: ReplyEntry[]
  matters: Matter[]
  /** Every step entry of every matter's path (those that do not stand too: the review says why). */
  steps: StepEntry[]
  followUps: FollowUp[]
  milestones: Milestone[]
  notes: FollowUpNote[]
  resultNotices: (PublicNotice & { matterId: string })[]
  objections: (Objection & { matterId: string })[]
  /** Which record each attached file belongs to. */
  attachments: Attachment[]
  /** Every file the records refer to (attachments, steps' scans), once per hash: hash, name, type, size. */
  files: FileRef[]
  /** The exporting device's day: what "overdue" and "still within its time" are measured on. */
  exportedOn: IsoDate
  /** ISO instant of the export. */
  submittedAt: string
}

export interface MattersBundle {
  format: typeof MATTERS_BUNDLE_FORMAT
  file: MattersFile
  seal: FileSeal
}

export type MattersBundleVerification = { ok: true } | { ok: false; reason: SignedFileFailure }

const LISTS = ['requests', 'outcomes', 'replies', 'matters', 'steps', 'followUps', 'milestones', 'notes', 'resultNotices', 'objections', 'attachments', 'files'] as const

function fileShapeOk(f: unknown): f is MattersFile {
  if (!isObj(f) || !isObj(f.council) || typeof f.council.id !== 'string' || typeof f.council.name !== 'string') return false
  if (!Number.isInteger(f.year) || !isInstant(f.submittedAt) || !isIsoDate(f.exportedOn)) return false
  return LISTS.every((k) => Array.isArray(f[k]) && (f[k] as unknown[]).every(isObj))
}

export async function createMattersBundle(file: MattersFile, key: KeyPairLike): Promise<MattersBundle> {
  return {
    format: MATTERS_BUNDLE_FORMAT,
    ...(await sealFile(file, fileShapeOk, key, 'createMattersBundle')),
  }
}

export const encodeMattersBundle = (b: MattersBundle): string => canonicalJson(b)

export type MattersDecodeResult = { ok: true; bundle: MattersBundle } | { ok: false; error: DecodeError }

/** Reads a file: size, JSON, format and shape; the hash and signature are verifyMattersBundle's. */
export function decodeMattersBundle(text: unknown): MattersDecodeResult {
  const d = decodeSignedFile(text, MATTERS_BUNDLE_FORMAT, MAX_MATTERS_BUNDLE_CHARS, fileShapeOk)
  return d.ok ? { ok: true, bundle: d.value as MattersBundle } : d
}

/** Checks a bundle from its content alone: shape, the hash of the file, the signature. Never throws. */
export const verifyMattersBundle = (b: unknown): Promise<MattersBundleVerification> => verifySignedFile(b, MATTERS_BUNDLE_FORMAT, fileShapeOk)

export type MattersReviewResult =
  | {
      ok: true
      bundle: MattersBundle
      findings: MattersFinding[]
      snapshot: MattersYearSnapshot
    }
  | { ok: false; reason: DecodeError | SignedFileFailure }

/** What the street office's review shows for a file: refused with its reason, or verified with the year's findings. */
export async function reviewMattersBundle(text: unknown): Promise<MattersReviewResult> {
  const decoded = decodeMattersBundle(text)
  if (!decoded.ok) return { ok: false, reason: decoded.error }
  const verified = await verifyMattersBundle(decoded.bundle)
  if (!verified.ok) return verified
  try {
    const snapshot = snapshotOfMattersFile(decoded.bundle.file)
    return {
      ok: true,
      bundle: decoded.bundle,
      snapshot,
      findings: mattersFindings(snapshot),
    }
  } catch {
    // Signed but not records these rules can read (another program's file, a damaged export).
    return { ok: false, reason: 'malformed' }
  }
}

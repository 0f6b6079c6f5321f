// The fund-year file for the street office (yishi.fund-bundle/1, issue 19 step 8): the year's own
// records as the document holds them (proposals and their screening with replies, the negative and
// priority lists, the per-project decisions, every step with its 公示 (disclosure), contracts,
// acceptance and satisfaction sheets, the ledger with its vouchers, every referenced file by hash),
// signed at export by the device's Ed25519 key like the minutes' bundle. The review recomputes the
// year's figures and checks from these records with the same pure rules the council's screens use,
// so a bundle cannot carry figures of its own. A hostile or damaged file is an error value.
import { canonicalJson } from '../doc/canonical'
import { isInstant } from '../domain/dates'
import type { FileRef } from '../files/fileRef'
import type { DecodeError } from '../minutes/bundle'
import { decodeSignedFile, isObj, sealFile, signedFileBytes, verifySignedFile, type FileSeal, type SignedFileFailure } from '../minutes/signedFile'
import type { KeyPairLike } from '../minutes/webCrypto'
import { fundYearFindings, type FundFinding } from './checks'
import { resolveDecisions, type DecisionEntry } from './decision'
import { resolveFundPath, type FundStepEntry } from './fundPath'
import type { Acceptance, Implementation, SatisfactionEntry } from './implementation'
import { resolveLedger } from './ledger'
import { resolveProposals, type ListItem, type Proposal, type ScreeningEntry } from './proposals'
import type { FundYearSnapshot } from './year'

export const FUND_BUNDLE_FORMAT = 'yishi.fund-bundle/1'
/** A year of a large community's fund records is well under this. */
export const MAX_FUND_BUNDLE_CHARS = 16 * 1024 * 1024

export interface FundReply {
  id: string
  proposalId: string
  on: string
  how: string
  what: string
  at: string
  by: string
}

/** The year's records as read from its document (doc/fundFile.ts). */
export interface FundFile {
  council: { id: string; name: string }
  year: number
  proposals: Proposal[]
  screenings: ScreeningEntry[]
  replies: FundReply[]
  negativeList: ListItem[]
  priorityList: ListItem[]
  decisions: DecisionEntry[]
  /** Every ledger entry (income, commitments, payments with their vouchers, corrections). */
  ledger: unknown[]
  /** The five steps of each project, each with its 公示 (disclosure) and scanned record. */
  steps: FundStepEntry[]
  /** Contracts: who implements each approved project, for how much. */
  implementations: Implementation[]
  acceptances: (Acceptance & { id: string; at: string; by: string })[]
  satisfaction: SatisfactionEntry[]
  /** Every file the records refer to (vouchers' receipts, steps' scans), by hash; the files travel apart. */
  files: FileRef[]
  /** ISO instant of the export. */
  submittedAt: string
}

/** SHA-256 and Ed25519 over the file's canonical bytes (minutes/signedFile.ts, shared with the matters' year file). */
export type FundSeal = FileSeal

export interface FundBundle {
  format: typeof FUND_BUNDLE_FORMAT
  file: FundFile
  seal: FundSeal
}

export type FundBundleFailure = SignedFileFailure
export type FundBundleVerification = { ok: true } | { ok: false; reason: FundBundleFailure }

/** The bytes hashed and signed: UTF-8 of the file's canonical JSON (RFC 8785). */
export const fundFileBytes = (file: FundFile): Uint8Array => signedFileBytes(file)

export async function createFundBundle(file: FundFile, key: KeyPairLike): Promise<FundBundle> {
  const sealed = await sealFile(file, fileShapeOk, key, 'createFundBundle')
  return { format: FUND_BUNDLE_FORMAT, ...sealed }
}

export const encodeFundBundle = (b: FundBundle): string => canonicalJson(b)

const LISTS = ['proposals', 'screenings', 'replies', 'negativeList', 'priorityList', 'decisions', 'ledger', 'steps', 'implementations', 'acceptances', 'satisfaction', 'files'] as const

function fileShapeOk(f: unknown): f is FundFile {
  if (!isObj(f) || !isObj(f.council) || typeof f.council.id !== 'string' || typeof f.council.name !== 'string') return false
  if (!Number.isInteger(f.year) || !isInstant(f.submittedAt)) return false
  return LISTS.every((k) => Array.isArray(f[k]) && (f[k] as unknown[]).every(isObj))
}

export type FundDecodeResult = { ok: true; bundle: FundBundle } | { ok: false; error: DecodeError }

/** Reads a file: size, JSON, format and shape; the hash and signature are verifyFundBundle's. */
export function decodeFundBundle(text: unknown): FundDecodeResult {
  const d = decodeSignedFile(text, FUND_BUNDLE_FORMAT, MAX_FUND_BUNDLE_CHARS, fileShapeOk)
  return d.ok ? { ok: true, bundle: d.value as FundBundle } : d
}

/** Checks a bundle from its content alone: shape, the hash of the file, the signature. Never throws. */
export const verifyFundBundle = (b: unknown): Promise<FundBundleVerification> => verifySignedFile(b, FUND_BUNDLE_FORMAT, fileShapeOk)

/** The year recomputed from the file's records with the council's own rules (the resolvers). */
export function snapshotOfFile(f: FundFile): FundYearSnapshot {
  const ledgerNoBudgets = resolveLedger(f.ledger, new Map())
  const decisions = resolveDecisions(f.decisions, ledgerNoBudgets.income.total)
  const byProject = <T extends { projectId: string }>(list: readonly T[]) => new Map(list.filter((x) => decisions.budgets.has(x.projectId)).map((x) => [x.projectId, x]))
  // The earliest acceptance stands, as on the council's screens (doc/fundProjects.ts readAcceptance).
  const acceptances = [...f.acceptances].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1))
  return {
    year: f.year,
    proposals: resolveProposals(f.proposals, f.screenings),
    negativeList: f.negativeList,
    priorityList: f.priorityList,
    decisions,
    ledger: resolveLedger(f.ledger, decisions.budgets),
    paths: new Map([...decisions.budgets.keys()].map((id) => [id, resolveFundPath(id, f.steps)])),
    implementations: byProject(f.implementations),
    acceptances: byProject(acceptances),
    replied: new Set(f.replies.map((r) => r.proposalId)),
  }
}

export type FundReviewResult = { ok: true; bundle: FundBundle; findings: FundFinding[]; snapshot: FundYearSnapshot } | { ok: false; reason: DecodeError | FundBundleFailure }

/** What the street office's review shows for a file: refused with its reason, or verified with the year's findings. */
export async function reviewFundBundle(text: unknown): Promise<FundReviewResult> {
  const decoded = decodeFundBundle(text)
  if (!decoded.ok) return { ok: false, reason: decoded.error }
  const verified = await verifyFundBundle(decoded.bundle)
  if (!verified.ok) return verified
  try {
    const snapshot = snapshotOfFile(decoded.bundle.file)
    return { ok: true, bundle: decoded.bundle, snapshot, findings: fundYearFindings(snapshot) }
  } catch {
    // Signed but not records these rules can read (another program's file, a damaged export).
    return { ok: false, reason: 'malformed' }
  }
}

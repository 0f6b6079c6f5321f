// Backing up and restoring this device's data. The backup holds every council in the catalogue:
// its council document, every meeting and campaign document the council lists, its register of
// households (council/<id>/households) and the matters and fund year documents it lists, as Yjs
// updates; the attached files those year documents refer to (their bytes, by hash; a file this
// device does not have is listed as missing); and the settings that are safe to carry;
// made with a passphrase, also the council keys sealed under it (backupKeys.ts). The restore
// merges a checked backup into the current documents (a CRDT merge, so nothing newer is lost) and
// the projector brings back the catalogue rows and meeting lists. Documents go through the
// DocStore, so ones already open stay open and see the merge at once. The file format is
// shared/backup/format.ts.
import * as Y from 'yjs'
import { BackupError, backupFiles, backupUpdates, type BackupContent, type BackupCouncil, type BackupDoc, type BackupFile, type BackupSetting } from '../../shared/backup/format'
import { campaignIds, indexedYears, meetingIds, readCouncil } from '../../shared/doc/council'
import { readFundFileRefs } from '../../shared/doc/fundRead'
import { readAllFileRefs } from '../../shared/doc/mattersFollowUp'
import { backupDocName } from '../../shared/backup/shape'
import { campaignDocName, councilDocName, fundDocName, householdsDocName, meetingDocName, mattersDocName } from '../../shared/doc/names'
import { ORIGIN_IMPORT } from '../../shared/doc/schema'
import { isIdString, type CouncilId } from '../../shared/domain/ids'
import { isLanguage } from '../../shared/i18n/languages'
import { toBase64Url } from '../../shared/sync/joinCode'
import { sealKeys, type CouncilKey } from '../../shared/backup/sealedKeys'
import { collectKeys, installKeys, type InstalledKeys } from '../data/backupKeys'
import { readBlob, storeRestored } from '../data/blobs'
import type { DocStore } from './docs'
import type { Projector } from './projector'
import type { YishiDb } from '../data/db'

/** The part of the app's environment (app/env.tsx AppEnv) a backup reads. */
export interface BackupEnv {
  db: YishiDb
  docs: DocStore
  now: () => string
}

/** The part of the app's environment a restore writes through. */
export interface RestoreEnv extends BackupEnv {
  projector: Projector
}

export interface CollectOptions {
  /** A document that cannot be opened (damaged) is left out of the backup and reported here. */
  onUnreadable?: (name: string, error: unknown) => void
  /** Seals this device's council keys into the backup under this passphrase (sealedKeys.ts). */
  passphrase?: string
}

export interface RestoreResult {
  /** Documents merged. */
  docs: number
  /** Councils whose council document was merged (each is back in the catalogue). */
  councils: number
  /** Documents left as they are because this device may not write them (read-only, newer schema). */
  skipped: string[]
  /** The council keys put back, when the backup's keys were opened with their passphrase. */
  keys: InstalledKeys | null
}

/**
 * The settings a backup carries, each with the check a restored value must pass. Only what is
 * safe on a USB stick: `pendingSecret:<councilId>` rows (a council secret, syncSettings.ts) must
 * never leave the device, so this is a list of what may go rather than of what may not. A new
 * setting travels in backups once it is listed here.
 */
const CARRIED_SETTINGS: ReadonlyMap<string, (value: unknown) => boolean> = new Map([['language', isLanguage]])

/** Documents opened at once: each load is a y-indexeddb read, and these run side by side. */
const PARALLEL = 6

/**
 * Everything a backup holds, in a stable order: councils by id, each council's document followed
 * by its meetings' documents by id, then its households document. A document with nothing in it
 * (a meeting this device has only heard of from a synced council, the register of a council that
 * has none) is left out.
 */
export async function collectBackup(env: BackupEnv, appVersion: string, options: CollectOptions = {}): Promise<BackupContent> {
  const rows = (await env.db.councils.toArray()).filter((r) => isIdString(r.id)).sort((a, b) => cmp(a.id, b.id))
  const councils: BackupCouncil[] = []
  const docs: BackupDoc[] = []
  // The hashes of the files the year documents refer to.
  const refs = new Set<string>()
  for (const row of rows) {
    const councilId = row.id as CouncilId
    const name = councilDocName(councilId)
    const read = await readDoc(env.docs, name, options, (doc) => ({
      update: stateOf(doc),
      meetings: meetingIds(doc),
      campaigns: campaignIds(doc),
      title: readCouncil(doc)?.name ?? row.name,
      years: [...indexedYears(doc, 'matters').map((y) => mattersDocName(councilId, y)), ...indexedYears(doc, 'fund').map((y) => fundDocName(councilId, y))],
    }))
    if (read === null || read.update === null) continue
    const names = [...read.meetings].sort(cmp).map((id) => meetingDocName(councilId, id))
    const meetings = await pool(names, async (n) => {
      const update = await readDoc(env.docs, n, options, stateOf)
      return update ? { name: n, update } : null
    })
    const kept = meetings.filter((m): m is BackupDoc => m !== null)
    const campaignNames = [...read.campaigns].sort(cmp).map((id) => campaignDocName(councilId, id))
    const campaigns = (
      await pool(campaignNames, async (n) => {
        const update = await readDoc(env.docs, n, options, stateOf)
        return update ? { name: n, update } : null
      })
    ).filter((c): c is BackupDoc => c !== null)
    const householdsName = householdsDocName(councilId)
    const households = await readDoc(env.docs, householdsName, options, stateOf)
    councils.push({ id: councilId, name: read.title, meetings: kept.length })
    docs.push({ name, update: read.update }, ...kept, ...campaigns)
    if (households) docs.push({ name: householdsName, update: households })
    docs.push(...(await collectYears(env, read.years, options, refs)))
  }
  const content: BackupContent = { createdAt: env.now(), appVersion, councils, docs, local: { settings: await carriedSettings(env.db) } }
  const { files, missing } = await collectFiles(env.db, refs)
  if (files.length) content.files = files
  if (missing.length) content.missingFiles = missing
  if (options.passphrase) {
    const keys = await collectKeys(env.db)
    if (keys.length) content.keys = await sealKeys(keys, options.passphrase)
  }
  return content
}

/** The matters and fund year documents (names from the council's year index), noting the files they refer to. */
async function collectYears(env: BackupEnv, names: readonly string[], options: CollectOptions, refs: Set<string>): Promise<BackupDoc[]> {
  const read = await pool(names, async (n) => {
    const got = await readDoc(env.docs, n, options, (doc) => ({ update: stateOf(doc), refs: n.includes('/fund/') ? readFundFileRefs(doc) : readAllFileRefs(doc) }))
    if (!got?.update) return null
    for (const r of got.refs) refs.add(r.hash)
    return { name: n, update: got.update }
  })
  return read.filter((d): d is BackupDoc => d !== null)
}

/** The bytes of each referred file by hash, in hash order; the ones this device lacks, listed as missing. */
async function collectFiles(db: YishiDb, refs: ReadonlySet<string>): Promise<{ files: BackupFile[]; missing: string[] }> {
  const files: BackupFile[] = []
  const missing: string[] = []
  for (const hash of [...refs].sort(cmp)) {
    const bytes = await readBlob(db, hash)
    if (bytes) files.push({ hash, data: toBase64Url(bytes) })
    else missing.push(hash)
  }
  return { files, missing }
}

/**
 * Merges a backup into this device's data. Every update and every attached file is checked first
 * (backupUpdates and backupFiles throw BackupError before the first is applied, so bad content
 * changes nothing); the files are stored by hash (storeRestored checks each again), waiting to be
 * sent to the servers of the councils that refer to them; then each document
 * is merged with ORIGIN_IMPORT and stored, meetings (and registers of households) before their
 * council so an interrupted restore never lists meetings it has not brought back; the projector
 * rewrites the catalogue row of each council and the list row of each meeting. A setting this device already has keeps
 * its value. Merging is idempotent: after a failure (reported once the other documents are
 * merged), restoring the same backup again is safe.
 */
export async function restoreBackup(env: RestoreEnv, content: BackupContent, keys: readonly CouncilKey[] | null = null): Promise<RestoreResult> {
  const updates = backupUpdates(content)
  const files = await backupFiles(content)
  const owners = fileOwners(content, updates)
  for (const f of files) {
    try {
      await storeRestored(env.db, f.hash, f.bytes, owners.get(f.hash) ?? [], env.now())
    } catch {
      // Checked above; only a store that changed the bytes could get here. Nothing is merged then.
      throw new BackupError('badFile')
    }
  }
  const entries = content.docs.map((d, i) => ({ name: d.name, update: updates[i]!, council: backupDocName(d.name)?.kind === 'council' }))
  const skipped: string[] = []
  const failures: unknown[] = []
  const merge = async (e: { name: string; update: Uint8Array }): Promise<boolean> => {
    try {
      const handle = await env.docs.acquire(e.name)
      if (handle.readOnly) {
        skipped.push(e.name)
        return false
      }
      Y.applyUpdate(handle.doc, e.update, ORIGIN_IMPORT)
      // Asked for explicitly: the projector projects a document when it is first opened (here,
      // before the merge), and one already open was attached long ago.
      env.projector.project(handle)
      await env.docs.whenStored(e.name)
      return true
    } catch (error) {
      failures.push(error)
      return false
    } finally {
      // A failed acquire still holds a reference.
      await env.docs.release(e.name)
    }
  }
  const meetings = await pool(entries.filter((e) => !e.council), merge)
  const councils = await pool(entries.filter((e) => e.council), merge)
  await restoreSettings(env.db, content.local.settings)
  // Keys after the documents: a key restored for a council whose document failed is still the
  // council's key, and restoring the same backup again is as safe for keys as for documents.
  const installed = keys ? await installKeys(env.db, keys) : null
  await env.projector.flush()
  if (failures.length) throw failures[0]
  const merged = (list: boolean[]) => list.filter(Boolean).length
  return { docs: merged(meetings) + merged(councils), councils: merged(councils), skipped, keys: installed }
}

/** For each attached file, the councils whose year documents (in the backup) refer to it. */
function fileOwners(content: BackupContent, updates: readonly Uint8Array[]): Map<string, string[]> {
  const owners = new Map<string, string[]>()
  content.docs.forEach((d, i) => {
    const name = backupDocName(d.name)
    if (name?.kind !== 'matters' && name?.kind !== 'fund') return
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, updates[i]!)
      for (const r of name.kind === 'fund' ? readFundFileRefs(doc) : readAllFileRefs(doc)) {
        const list = owners.get(r.hash) ?? []
        if (!list.includes(name.councilId)) owners.set(r.hash, [...list, name.councilId])
      }
    } finally {
      doc.destroy()
    }
  })
  return owners
}

async function restoreSettings(db: YishiDb, settings: readonly BackupSetting[]): Promise<void> {
  const wanted = settings.filter((s) => CARRIED_SETTINGS.get(s.key)?.(s.value) === true)
  if (!wanted.length) return
  await db.transaction('rw', db.settings, async () => {
    for (const s of wanted) {
      // This device's own settings win: a restore brings back data, not someone else's preferences.
      if ((await db.settings.get(s.key)) === undefined) await db.settings.put({ key: s.key, value: s.value })
    }
  })
}

async function carriedSettings(db: YishiDb): Promise<BackupSetting[]> {
  const rows = await db.settings.toArray()
  return rows
    .filter((r) => CARRIED_SETTINGS.get(r.key)?.(r.value) === true)
    .map((r) => ({ key: r.key, value: r.value }))
    .sort((a, b) => cmp(a.key, b.key))
}

/** The document's whole state, or null if it holds nothing. */
function stateOf(doc: Y.Doc): string | null {
  return doc.store.clients.size === 0 ? null : toBase64Url(Y.encodeStateAsUpdate(doc))
}

/** Opens the document, reads it, gives it back; null if it cannot be opened. */
async function readDoc<T>(docs: DocStore, name: string, options: CollectOptions, read: (doc: Y.Doc) => T): Promise<T | null> {
  try {
    return read((await docs.acquire(name)).doc)
  } catch (error) {
    options.onUnreadable?.(name, error)
    return null
  } finally {
    await docs.release(name)
  }
}

/** Runs `fn` over `items`, PARALLEL at a time; results in the order of `items`. */
async function pool<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker))
  return out
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

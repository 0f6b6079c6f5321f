// What a backup's content must look like (exact keys, names in the grammar of doc/names.ts,
// canonical base64url, counts that agree), and the check that each update is a whole Yjs update
// of the document its name says. Pure: Yjs, no DOM, no Node.
//
// A backup holds, per council: its council document, its meetings' and campaigns' documents, its
// register of households and its matters and fund year documents (all but meetings are counted in
// no BackupCouncil field: they are listed in `docs` alone).
import * as Y from 'yjs'
import { isInstant } from '../domain/dates'
import { isIdString } from '../domain/ids'
import { parseAnyDocName, type AnyDocName } from '../doc/names'
import { SCHEMA_VERSION } from '../doc/schema'
import { fromBase64Url } from '../sync/joinCode'
import type { BackupContent } from './format'
import { isCanonicalBase64Url, isObjectWithKeys } from './checks'
import { isSealedKeys } from './sealedKeys'
import { checkFilesShape } from './files'

export { isCanonicalBase64Url, isObjectWithKeys }

const CONTENT_KEYS = ['appVersion', 'councils', 'createdAt', 'docs', 'local'] as const
// A backup made with a passphrase also holds the council keys, sealed (sealedKeys.ts); one whose
// documents refer to attached files holds their bytes and lists the ones it lacks (files.ts).
const OPTIONAL_KEYS = ['keys', 'files', 'missingFiles'] as const
const COUNCIL_KEYS = ['id', 'meetings', 'name'] as const
const DOC_KEYS = ['name', 'update'] as const
const LOCAL_KEYS = ['settings'] as const
const SETTING_KEYS = ['key', 'value'] as const

const MAX_APP_VERSION = 64
// The app keeps council names to 120 characters (domain/council.ts); the summary only shows this
// one, so a longer name is tolerated up to a bound, not trusted.
const MAX_COUNCIL_NAME = 1_000
const MAX_SETTINGS = 1_000
const MAX_SETTING_KEY = 200

/** The documents a backup may hold, by name: every kind of a council's documents. */
export type BackupDocName = AnyDocName

/** A council's, meeting's, campaign's or households document's name, parsed; null for any other name. */
export function backupDocName(name: string): BackupDocName | null {
  return parseAnyDocName(name)
}

/** null if the content has the exact shape of BackupContent, else why not. */
export function checkContentShape(value: unknown): 'malformed' | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'malformed'
  const optional = OPTIONAL_KEYS.filter((k) => Object.prototype.hasOwnProperty.call(value, k))
  if (!isObjectWithKeys(value, [...CONTENT_KEYS, ...optional])) return 'malformed'
  const whole = value as Record<(typeof CONTENT_KEYS)[number] | (typeof OPTIONAL_KEYS)[number], unknown>
  if (optional.some((k) => whole[k] === undefined)) return 'malformed'
  if (optional.includes('keys') && !isSealedKeys(whole.keys)) return 'malformed'
  if (checkFilesShape(whole.files, whole.missingFiles) !== null) return 'malformed'
  const { createdAt, appVersion, councils, docs, local } = whole
  if (!isInstant(createdAt)) return 'malformed'
  if (typeof appVersion !== 'string' || appVersion.length === 0 || appVersion.length > MAX_APP_VERSION) return 'malformed'
  if (!Array.isArray(councils) || !Array.isArray(docs)) return 'malformed'

  // Meeting documents counted per council; every document belongs to a listed council.
  const meetings = new Map<string, number>()
  for (const c of councils as unknown[]) {
    if (!isObjectWithKeys(c, COUNCIL_KEYS) || !isIdString(c.id) || meetings.has(c.id)) return 'malformed'
    if (typeof c.name !== 'string' || c.name.length > MAX_COUNCIL_NAME) return 'malformed'
    if (typeof c.meetings !== 'number' || !Number.isSafeInteger(c.meetings) || c.meetings < 0) return 'malformed'
    meetings.set(c.id, 0)
  }
  const names = new Set<string>()
  const councilDocs = new Set<string>()
  for (const d of docs as unknown[]) {
    if (!isObjectWithKeys(d, DOC_KEYS) || typeof d.name !== 'string' || !isCanonicalBase64Url(d.update)) return 'malformed'
    const parsed = backupDocName(d.name)
    if (parsed === null || names.has(d.name)) return 'malformed'
    names.add(d.name)
    const count = meetings.get(parsed.councilId)
    if (count === undefined) return 'malformed'
    if (parsed.kind === 'council') councilDocs.add(parsed.councilId)
    else if (parsed.kind === 'meeting') meetings.set(parsed.councilId, count + 1)
  }
  for (const c of councils as { id: string; meetings: number }[]) {
    if (!councilDocs.has(c.id) || meetings.get(c.id) !== c.meetings) return 'malformed'
  }

  if (!isObjectWithKeys(local, LOCAL_KEYS) || !Array.isArray(local.settings) || local.settings.length > MAX_SETTINGS) return 'malformed'
  const keys = new Set<string>()
  for (const s of local.settings as unknown[]) {
    if (!isObjectWithKeys(s, SETTING_KEYS) || s.value === undefined) return 'malformed'
    if (typeof s.key !== 'string' || s.key.length === 0 || s.key.length > MAX_SETTING_KEY || keys.has(s.key)) return 'malformed'
    keys.add(s.key)
  }
  return null
}

/**
 * The updates of (shape-checked) content as bytes, or null if any is not a whole Yjs update of
 * the document its name says. Each is applied to an empty scratch document, not merely decoded:
 * a damaged update can throw after partly applying (architecture.md 3a), and this is where that
 * must happen, never on the user's documents.
 */
export function checkUpdates(content: BackupContent): Uint8Array[] | null {
  const checked = checkUpdatesWhy(content)
  return Array.isArray(checked) ? checked : null
}

/**
 * As checkUpdates, saying why not: 'newerSchema' when a document was written by a newer Yishi
 * (its meta.schemaVersion is above ours). Merging such a document would turn this device's
 * editable copy read-only, stored and synced to every device (issue 16), so the whole file is
 * refused before anything is merged.
 */
export function checkUpdatesWhy(content: BackupContent): Uint8Array[] | 'badUpdate' | 'newerSchema' {
  const out: Uint8Array[] = []
  let newer = false
  for (const d of content.docs) {
    const bytes = fromBase64Url(d.update)
    const parsed = backupDocName(d.name)
    const verdict = bytes === null || parsed === null ? 'bad' : checkUpdateOf(bytes, parsed)
    if (verdict === 'bad' || bytes === null) return 'badUpdate'
    if (verdict === 'newer') newer = true
    out.push(bytes)
  }
  // Damage is reported first: a damaged file is damaged whatever version wrote it.
  return newer ? 'newerSchema' : out
}

function checkUpdateOf(update: Uint8Array, name: BackupDocName): 'ok' | 'bad' | 'newer' {
  const scratch = new Y.Doc()
  try {
    Y.applyUpdate(scratch, update)
    // A state taken with encodeStateAsUpdate is self-contained: anything left pending refers to
    // updates the file does not have.
    if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) return 'bad'
    // The document must say it is the one its name says (the projector would refuse it otherwise,
    // and merging it would overwrite the real document's ids by client-id order).
    const meta = scratch.getMap<unknown>('meta')
    if (meta.get('kind') !== name.kind || meta.get('councilId') !== name.councilId) return 'bad'
    if (name.kind === 'meeting' && meta.get('meetingId') !== name.meetingId) return 'bad'
    if (name.kind === 'campaign' && meta.get('campaignId') !== name.campaignId) return 'bad'
    if ((name.kind === 'matters' || name.kind === 'fund') && meta.get('year') !== name.year) return 'bad'
    const version = meta.get('schemaVersion')
    return typeof version === 'number' && version > SCHEMA_VERSION ? 'newer' : 'ok'
  } catch {
    // A root of another type (getMap throws) or bytes that do not decode.
    return 'bad'
  } finally {
    scratch.destroy()
  }
}

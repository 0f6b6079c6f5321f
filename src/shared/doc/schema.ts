// Schema version and named, ordered migrations of every Y.Doc. A document written by a newer
// Yishi is opened read-only rather than rewritten by code that does not understand it.
import * as Y from 'yjs'
import { DocError } from './errors'

export const SCHEMA_VERSION = 1
/** What a document is (meta.kind); each kind has its name in names.ts. */
export const DOC_KINDS = ['council', 'meeting', 'campaign', 'households', 'matters', 'fund'] as const
export type DocKind = (typeof DOC_KINDS)[number]
const isDocKind = (v: unknown): v is DocKind => (DOC_KINDS as readonly unknown[]).includes(v)

export const ORIGIN_LOCAL = 'local'
export const ORIGIN_IMPORT = 'import'
export const ORIGIN_MIGRATION = 'migration'

export interface Migration {
  /** A stable name, recorded in the document once applied. */
  name: string
  from: number
  to: number
  run(doc: Y.Doc): void
}

/** Every migration, oldest first. Version 1 is the first schema: nothing to migrate yet. */
export const MIGRATIONS: readonly Migration[] = []

export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta')

export type SchemaState =
  | { state: 'empty' }
  | { state: 'current'; kind: DocKind }
  | { state: 'older'; version: number; kind: DocKind }
  | { state: 'newer'; version: number; kind: DocKind }
  | { state: 'invalid' }

export function schemaState(doc: Y.Doc, current = SCHEMA_VERSION): SchemaState {
  const meta = metaOf(doc)
  if (meta.size === 0) return { state: 'empty' }
  const version = meta.get('schemaVersion')
  const kind = meta.get('kind')
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || !isDocKind(kind)) {
    return { state: 'invalid' }
  }
  if (version === current) return { state: 'current', kind }
  return version < current ? { state: 'older', version, kind } : { state: 'newer', version, kind }
}

export function initMeta(doc: Y.Doc, kind: DocKind, ids: Record<string, string>): void {
  const meta = metaOf(doc)
  meta.set('schemaVersion', SCHEMA_VERSION)
  meta.set('kind', kind)
  for (const [k, v] of Object.entries(ids)) meta.set(k, v)
}

/**
 * Brings a document up to the current schema, one named migration at a time, each in its own
 * transaction. Returns the names applied. Throws DocError('newerSchema') for a newer document.
 */
export function migrate(doc: Y.Doc, migrations: readonly Migration[] = MIGRATIONS, current = SCHEMA_VERSION): string[] {
  const s = schemaState(doc, current)
  if (s.state === 'empty' || s.state === 'current') return []
  if (s.state === 'invalid') throw new DocError('invalidDocument')
  if (s.state === 'newer') throw new DocError('newerSchema')
  // Plan the whole chain before running any step: a gap (or a step past `current`) is refused
  // with the document untouched, never left half-migrated at a version no build can write.
  const plan: Migration[] = []
  for (let version = s.version; version !== current; ) {
    const step = migrations.find((m) => m.from === version)
    if (!step || step.to <= step.from || step.to > current) throw new DocError('missingMigration')
    plan.push(step)
    version = step.to
  }
  for (const step of plan) {
    doc.transact(() => {
      step.run(doc)
      const meta = metaOf(doc)
      meta.set('schemaVersion', step.to)
      const done = meta.get('migrations')
      const log = done instanceof Y.Array ? done : new Y.Array<string>()
      if (!(done instanceof Y.Array)) meta.set('migrations', log)
      log.push([step.name])
    }, ORIGIN_MIGRATION)
  }
  return plan.map((step) => step.name)
}

/** Writes are refused on documents this version cannot fully understand. */
export function assertWritable(doc: Y.Doc): void {
  const s = schemaState(doc)
  if (s.state === 'newer') throw new DocError('newerSchema')
  if (s.state === 'older') throw new DocError('missingMigration')
  if (s.state === 'invalid') throw new DocError('invalidDocument')
}

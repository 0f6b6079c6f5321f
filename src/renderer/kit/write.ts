// "Saved means saved", written once: every document write of every feature goes through here,
// so a write resolves only when y-indexeddb has stored it (architecture.md, section 3a,
// durability). One forgotten await would otherwise break durability silently.
import type * as Y from 'yjs'
import type { AppEnv } from './env'
import type { DocHandle } from '../sync/docs'

/** Runs `fn` on the document (with the time of the write) and resolves once it is stored; returns what `fn` returned. */
export async function writeDoc<T>(env: AppEnv, h: Pick<DocHandle, 'doc' | 'name'>, fn: (doc: Y.Doc, now: string) => T): Promise<T> {
  const result = fn(h.doc, env.now())
  await env.docs.whenStored(h.name)
  return result
}

/** Resolves once what was already written to the named (open) document is stored. */
export const stored = (env: AppEnv, h: Pick<DocHandle, 'name'>): Promise<void> => env.docs.whenStored(h.name)

/** Creates a new document (a council) filled by `init`, resolving once it is stored. */
export async function createDoc(env: AppEnv, name: string, init: (doc: Y.Doc, now: string) => void): Promise<string> {
  const { doc } = await env.docs.acquire(name)
  try {
    const now = env.now()
    init(doc, now)
    await env.docs.whenStored(name)
    return now
  } finally {
    await env.docs.release(name)
  }
}

/**
 * Creates a new document (a meeting, a campaign) and only then names it in the council's index:
 * `init` fills the new document, which is stored before `index` writes the council document,
 * which is stored in turn. So a list never names a document this device lost.
 */
export async function createIndexedDoc(
  env: AppEnv,
  council: Pick<DocHandle, 'doc' | 'name'>,
  name: string,
  init: (doc: Y.Doc, now: string) => void,
  index: (councilDoc: Y.Doc, now: string) => void,
): Promise<void> {
  const now = await createDoc(env, name, init)
  await writeDoc(env, council, (d) => index(d, now))
}

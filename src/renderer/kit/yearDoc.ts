// A council's year document (matters: council/<id>/matters/<year>; fund: …/fund/<year>) opened
// while a screen shows it. A read-write device that opens a year nobody recorded yet starts the
// document (stored) and only then names the year in the council document, as createIndexedDoc
// does a meeting; a read-only device shows the year as empty instead of writing.
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { indexYearDoc, type YearDocKind } from '../../shared/doc/council'
import { initMattersDoc, mattersYear } from '../../shared/doc/matters'
import { fundYear, initFundDoc } from '../../shared/doc/fund'
import { fundDocName, mattersDocName } from '../../shared/doc/names'
import { asCouncilId } from '../../shared/domain/ids'
import type { DocHandle } from '../sync/docs'
import { useCouncil } from './CouncilContext'
import { useDocHandle, useDocValue } from './docHooks'
import { useEnv } from './env'
import { writeDoc } from './write'

export type YearDocState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  /** Nothing recorded for this year yet, and this device may not start it (read-only). */
  | { status: 'empty' }
  | { status: 'ready'; handle: DocHandle }

export const yearDocName = (kind: YearDocKind, councilId: string, year: number): string =>
  kind === 'matters' ? mattersDocName(asCouncilId(councilId), year) : fundDocName(asCouncilId(councilId), year)

const yearOf = (kind: YearDocKind, doc: Y.Doc): number | null => (kind === 'matters' ? mattersYear(doc) : fundYear(doc))

/** Starts the year's document if it is new (stored), then lists the year in the council document. */
export async function startYearDoc(env: ReturnType<typeof useEnv>, council: Pick<DocHandle, 'doc' | 'name'>, councilId: string, kind: YearDocKind, handle: DocHandle, year: number): Promise<void> {
  if (yearOf(kind, handle.doc) === null) {
    await writeDoc(env, handle, (doc) => (kind === 'matters' ? initMattersDoc(doc, asCouncilId(councilId), year) : initFundDoc(doc, asCouncilId(councilId), year)))
  }
  await writeDoc(env, council, (doc, now) => indexYearDoc(doc, kind, year, now))
}

export function useYearDoc(kind: YearDocKind, year: number): YearDocState {
  const env = useEnv()
  const { council, handle: councilHandle } = useCouncil()
  const state = useDocHandle(yearDocName(kind, council.id, year))
  const [started, setStarted] = useState<{ name: string } | { error: unknown } | null>(null)
  const handle = state.status === 'ready' ? state.handle : null
  // Re-rendered when the year's meta arrives by sync on a device that could not start it.
  const metaYear = useDocValue(handle?.doc ?? null, kind === 'matters' ? mattersYear : fundYear)
  useEffect(() => {
    if (!handle) return
    setStarted(null)
    if (yearOf(kind, handle.doc) !== null || handle.readOnly || councilHandle.readOnly) {
      setStarted({ name: handle.name })
      return
    }
    let alive = true
    startYearDoc(env, councilHandle, council.id, kind, handle, year).then(
      () => alive && setStarted({ name: handle.name }),
      (error: unknown) => alive && setStarted({ error }),
    )
    return () => {
      alive = false
    }
  }, [env, handle, councilHandle, council.id, kind, year])
  if (state.status !== 'ready') return state
  if (started && 'error' in started) return { status: 'error', error: started.error }
  if (!started || started.name !== state.handle.name) return { status: 'loading' }
  // Synced from elsewhere later, the year's meta arrives with its content: until then it is empty.
  if (metaYear === null) return { status: 'empty' }
  return { status: 'ready', handle: state.handle }
}

// Writes of the matters screens: open a matter, choose its path, record a step of it. Each is one
// transaction on the year's matters document through kit/write.ts, resolved only once stored; the
// rules (which step may be recorded, with what) are the shared ones, called by the document module.
import type * as Y from 'yjs'
import type { FileRef } from '../../../shared/files/fileRef'
import type { MatterFields } from '../../../shared/matters/matter'
import type { PathId, StepKey, StepRecord } from '../../../shared/matters/matterPath'
import { openMatter, recordStep, setMatterPath } from '../../../shared/doc/matters'
import { attachFile, readFollowUp } from '../../../shared/doc/mattersFollowUp'
import type { Recorder } from '../../../shared/doc/entries'
import { ORIGIN_LOCAL } from '../../../shared/doc/schema'
import type { AppEnv } from '../../kit/env'
import { writeDoc } from '../../kit/write'
import type { DocHandle } from '../../sync/docs'

/**
 * Who recorded an entry: this device (its Yjs client id), since the app has no accounts; the
 * entries are told apart and ordered by it when two laptops record the same step offline.
 */
export const recorder = (doc: Y.Doc, now: string): Recorder => ({ now, by: `device-${doc.clientID}` })

/**
 * Opens a matter, proposed directly or gathering open requests of the register (each is then marked
 * as made into this matter, in the same transaction, or nothing is written); its id.
 */
export const openDirectMatter = (env: AppEnv, h: DocHandle, fields: MatterFields, requestIds: readonly string[] = []): Promise<string> =>
  writeDoc(env, h, (d, now) => openMatter(d, fields, requestIds, recorder(d, now)))

/** Chooses the matter's path (refused once a step of it is recorded). */
export const chooseMatterPath = (env: AppEnv, h: DocHandle, matterId: string, path: PathId): Promise<void> => writeDoc(env, h, (d) => setMatterPath(d, matterId, path))

/**
 * Records one step; files beyond the scan (a second page, a photo of the posted notice) are attached
 * to the step in the same transaction, so the step and its files are stored together or not at all.
 */
export function recordMatterStep(env: AppEnv, h: DocHandle, matterId: string, step: StepKey, rec: StepRecord, moreFiles: readonly FileRef[] = []): Promise<string> {
  return writeDoc(env, h, (d, now) => {
    const who = recorder(d, now)
    let id = ''
    d.transact(() => {
      // The result notice waits for a complete follow-up: the document says whether it is.
      const followUpDone = !!readFollowUp(d, matterId)?.completedOn
      id = recordStep(d, matterId, step, rec, followUpDone, who)
      for (const f of moreFiles) attachFile(d, { kind: 'step', id }, f, who)
    }, ORIGIN_LOCAL)
    return id
  })
}

// Creating and editing councils: validated first, written to the council document in one
// transaction, and reported saved only once stored on this device.
import { validateCouncil, type CouncilInput } from '../../../shared/domain/council'
import { newCouncilId, type CouncilId } from '../../../shared/domain/ids'
import { initCouncilDoc, updateCouncil } from '../../../shared/doc/council'
import { DocError } from '../../../shared/doc/errors'
import { councilDocName } from '../../../shared/doc/names'
import type { AppEnv } from '../../kit/env'
import { markOpened } from '../../data/catalogue'
import type * as Y from 'yjs'
import { createDoc, writeDoc } from '../../kit/write'

export async function createCouncil(env: AppEnv, input: CouncilInput): Promise<CouncilId> {
  const errors = validateCouncil(input)
  if (Object.keys(errors).length) throw new DocError('invalidInput', errors)
  const id = newCouncilId()
  const name = councilDocName(id)
  await createDoc(env, name, (doc, now) => initCouncilDoc(doc, id, input, now))
  await env.projector.flush()
  await markOpened(env.db, id, env.now())
  return id
}

export async function saveCouncil(env: AppEnv, doc: Y.Doc, name: string, input: CouncilInput): Promise<void> {
  await writeDoc(env, { doc, name }, (d) => updateCouncil(d, input))
}

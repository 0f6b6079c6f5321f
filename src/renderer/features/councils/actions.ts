// Creating and editing councils: validated first, written to the council document in one
// transaction, and reported saved only once stored on this device.
import { validateCouncil, type CouncilInput } from '../../../shared/domain/council'
import { newCouncilId, type CouncilId } from '../../../shared/domain/ids'
import { initCouncilDoc, updateCouncil } from '../../../shared/doc/council'
import { DocError } from '../../../shared/doc/errors'
import { councilDocName } from '../../../shared/doc/names'
import type * as Y from 'yjs'
import type { AppEnv } from '../../app/env'
import { markOpened } from '../../data/catalogue'

export async function createCouncil(env: AppEnv, input: CouncilInput): Promise<CouncilId> {
  const errors = validateCouncil(input)
  if (Object.keys(errors).length) throw new DocError('invalidInput', errors)
  const id = newCouncilId()
  const name = councilDocName(id)
  const { doc } = await env.docs.acquire(name)
  try {
    initCouncilDoc(doc, id, input, env.now())
    await env.docs.whenStored(name)
  } finally {
    await env.docs.release(name)
  }
  await env.projector.flush()
  await markOpened(env.db, id, env.now())
  return id
}

export async function saveCouncil(env: AppEnv, doc: Y.Doc, name: string, input: CouncilInput): Promise<void> {
  updateCouncil(doc, input)
  await env.docs.whenStored(name)
}

// The objections to a matter's result notice: the one register of objections (kit), written to the
// matters document beside the notice.
import { useMemo } from 'react'
import { readResultObjections } from '../../../shared/doc/mattersResultNotice'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { ObjectionsRegister, type ObjectionWrites } from '../../kit/ObjectionsRegister'
import type { DocHandle } from '../../sync/docs'
import { newObjection, settleObjection, useFollowUpErrors } from './followUpActions'

export function ResultNoticeObjections({ handle, matterId }: { handle: DocHandle; matterId: string }) {
  const env = useEnv()
  const objections = useDocValue(handle.doc, (d) => readResultObjections(d, matterId)) ?? []
  const describe = useFollowUpErrors()
  const writes = useMemo<ObjectionWrites>(
    () => ({ add: (o) => newObjection(env, handle, matterId, o), settle: (id, h) => settleObjection(env, handle, id, h), describe }),
    [env, handle, matterId, describe],
  )
  return <ObjectionsRegister objections={objections} editable={!handle.readOnly} writes={writes} />
}

// Expected and present members, and whether quorum holds under the council's rule, always visible.
// Before sign-in opens, 应到 comes from the register (the members of the meeting's day), not 0.
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { Council } from '../../../shared/domain/council'
import { quorumNow } from './actions'
import { useClock } from './useClock'
import { useEnv } from '../../kit/env'
import { readMembers } from '../../../shared/doc/council'
import { useDocValue } from '../../kit/docHooks'
import { useCouncil } from '../../kit/CouncilContext'

export function QuorumBar({ doc, council, version }: { doc: Y.Doc; council: Council; version: unknown }) {
  const { t } = useTranslation(['session', 'common'])
  const { now } = useEnv()
  useClock(5000) // late arrivals and departures are timed: re-check as time passes
  void version // the parent re-renders after every transaction
  const { handle: councilHandle } = useCouncil()
  const register = useDocValue(councilHandle.doc, readMembers)
  const q = quorumNow(doc, council, now(), register ?? undefined)
  return (
    <div className={`quorum ${q.met ? 'met' : 'not-met'}`} role="status" aria-label={t('session:quorum.label')}>
      <strong>{t('session:quorum.expected', { count: q.members })}</strong>
      <strong>{t('session:quorum.present', { count: q.present })}</strong>
      <span>{t(`common:enums.quorumRule.${council.quorumRule}`)}</span>
      <strong>{q.met ? t('session:quorum.met', { required: q.required }) : t('session:quorum.notMet', { required: q.required })}</strong>
    </div>
  )
}

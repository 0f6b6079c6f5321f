// Where the follow-up stands today: its status (never stored: followUpState from today's date),
// who answers for it by when, how many milestones are done, and how late it is.
import { useTranslation } from 'react-i18next'
import { readFollowUpState } from '../../../shared/doc/mattersFollowUp'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { StatusPill } from '../../ui/StatusPill'
import type { DocHandle } from '../../sync/docs'

export function FollowUpStatusLine({ handle, matterId }: { handle: DocHandle; matterId: string }) {
  const { t, i18n } = useTranslation(['matters'])
  const env = useEnv()
  const today = env.today()
  const x = useDocValue(handle.doc, (d) => readFollowUpState(d, matterId, today))
  if (!x) return null
  const { followUp: f, state } = x
  const lang = i18n.language
  return (
    <div className="follow-up-status" aria-label={t('matters:followUp.statusLabel')}>
      <p>
        <StatusPill status={state.status} label={t(`matters:followUpStatus.${state.status}`)} />{' '}
        {t('matters:followUp.ownerLine', { owner: f.owner, deadline: formatDate(lang, f.deadline) })}
      </p>
      <p className="muted">
        {t('matters:followUp.progress', { done: state.done, total: state.total })}
        {f.completedOn ? ` · ${t('matters:followUp.completedOn', { date: formatDate(lang, f.completedOn) })}` : ''}
      </p>
      {state.status === 'overdue' ? (
        <p className="warn" role="status">
          {t('matters:followUp.overdueBy', { count: state.daysOverdue })}
        </p>
      ) : null}
      {state.lateMilestones.length > 0 ? (
        <p className="warn">{t('matters:followUp.lateMilestones', { titles: state.lateMilestones.map((m) => m.title).join(t('matters:followUp.listSeparator')) })}</p>
      ) : null}
    </div>
  )
}

// The follow-up (落实) of a matter's resolution: owner, deadline, milestones, notes and photos,
// completion, and the result notice (实施结果公开) with the replies to the residents who asked.
// Below the matter's path on the matter screen; before the resolution it says what is still to come.
import { useTranslation } from 'react-i18next'
import { readMatterPath } from '../../../shared/doc/matters'
import { readFollowUp } from '../../../shared/doc/mattersFollowUp'
import type { ResolvedPath } from '../../../shared/matters/matterPath'
import { useDocValue } from '../../kit/docHooks'
import type { DocHandle } from '../../sync/docs'
import { EditFollowUpForm, OpenFollowUpForm } from './FollowUpForm'
import { FollowUpStatusLine } from './FollowUpStatus'
import { FollowUpMilestones } from './FollowUpMilestones'
import { FollowUpNotes } from './FollowUpNotes'
import { FollowUpComplete } from './FollowUpComplete'
import { ResultNotice } from './ResultNotice'
import { FollowUpReplies } from './FollowUpReplies'

export interface FollowUpProps {
  handle: DocHandle
  year: number
  matterId: string
}

export function FollowUpSection({ handle, year, matterId }: FollowUpProps) {
  const { t } = useTranslation(['matters'])
  const path = useDocValue(handle.doc, (d) => readMatterPath(d, matterId))
  const followUp = useDocValue(handle.doc, (d) => readFollowUp(d, matterId))
  if (!path) return null
  return (
    <section className="card follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('matters:followUp.title')}</h2>
      {!path.resolvedOn ? (
        <FollowUpPending path={path} />
      ) : !followUp ? (
        handle.readOnly ? (
          <p className="muted">{t('matters:followUp.notOpened')}</p>
        ) : (
          <OpenFollowUpForm handle={handle} matterId={matterId} resolvedOn={path.resolvedOn} />
        )
      ) : (
        <FollowUpBody handle={handle} year={year} matterId={matterId} done={followUp.completedOn !== null} />
      )}
    </section>
  )
}

/** Before the resolution: the follow-up starts once it is made; the steps still to come until then. */
function FollowUpPending({ path }: { path: ResolvedPath }) {
  const { t } = useTranslation(['matters'])
  if (path.outcome === 'rejected') return <p className="muted">{t('matters:followUp.rejected')}</p>
  const upTo = path.steps.findIndex((s) => s.template.resolves)
  const toCome = path.steps.slice(0, upTo + 1).filter((s) => s.state !== 'done' && s.state !== 'skipped')
  return (
    <>
      <p className="muted">{t('matters:followUp.afterResolution')}</p>
      <p>{t('matters:followUp.stillToCome', { steps: toCome.map((s) => t(`matters:step.${s.template.key}`)).join(t('matters:followUp.listSeparator')) })}</p>
    </>
  )
}

function FollowUpBody({ handle, year, matterId, done }: FollowUpProps & { done: boolean }) {
  const editable = !handle.readOnly && !done
  return (
    <>
      <FollowUpStatusLine handle={handle} matterId={matterId} />
      {editable ? <EditFollowUpForm handle={handle} matterId={matterId} /> : null}
      <FollowUpMilestones handle={handle} year={year} matterId={matterId} />
      <FollowUpNotes handle={handle} year={year} matterId={matterId} />
      {editable ? <FollowUpComplete handle={handle} matterId={matterId} /> : null}
      {done ? <ResultNotice handle={handle} year={year} matterId={matterId} /> : null}
      {done ? <FollowUpReplies handle={handle} matterId={matterId} /> : null}
    </>
  )
}

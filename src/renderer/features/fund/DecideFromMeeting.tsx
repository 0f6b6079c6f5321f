// The decisions a Yishi meeting voted: for each tabled project, its motion's frozen result (passed →
// approved with the budget put to the vote, failed → rejected), recorded in the fund document with
// the meeting and motion that carried it (recordDecision; its refusal shown with the figures).
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readDecisions, readProposalStates } from '../../../shared/doc/fund'
import { itemOutcomes, readTablings, type Tabling } from '../../../shared/doc/fundTabling'
import { readMeeting } from '../../../shared/doc/meeting'
import { meetingDocName } from '../../../shared/doc/names'
import { asCouncilId, type MeetingId } from '../../../shared/domain/ids'
import { formatYuan } from '../../../shared/fund/money'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { href } from '../../kit/router'
import { useFormAction } from '../../kit/useFormAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { decide, useFundDescribe } from './fundActions'

const meetingView = (d: Y.Doc) => ({ meeting: readMeeting(d), outcomes: itemOutcomes(d) })
const fundView = (d: Y.Doc) => ({ tablings: readTablings(d), decided: readDecisions(d).outcomes, states: readProposalStates(d) })

function MeetingOutcomes({ handle, meetingId, tablings }: { handle: DocHandle; meetingId: string; tablings: Tabling[] }) {
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const m = useDocHandle(meetingDocName(asCouncilId(council.id), meetingId as MeetingId))
  const mv = useDocValue(m.status === 'ready' ? m.handle.doc : null, meetingView)
  const fv = useDocValue(handle.doc, fundView)
  const action = useFormAction(useFundDescribe())
  if (!mv?.meeting || !fv) return null
  return (
    <div>
      <h4>
        <a href={href({ name: 'meeting', councilId: council.id, meetingId })}>{mv.meeting.title}</a>
      </h4>
      <ul>
        {tablings.map((x) => {
          const title = fv.states.get(x.proposalId)?.proposal.title ?? ''
          const o = mv.outcomes.get(x.itemId)
          const d = fv.decided.get(x.proposalId)
          return (
            <li key={x.id} className="row">
              <span className="spacer">
                {t('fund:decide.voteLine', { title, outcome: o ? t(`fund:decide.outcome.${o.outcome}`) : t('fund:decide.notVoted') })}
                {d ? t('fund:decide.recorded', { outcome: t(`fund:decide.outcome.${d.outcome}`), budget: formatYuan(d.budget) }) : null}
              </span>
              {o && !d && !handle.readOnly ? (
                <button
                  className="primary"
                  disabled={action.busy}
                  onClick={() =>
                    void action.submit(() => decide(env, handle, { proposalId: x.proposalId, outcome: o.outcome, budget: o.outcome === 'approved' ? x.budget : 0, on: o.on, meetingId, motionId: o.motionId }))
                  }
                >
                  {t('fund:decide.record', { title })}
                </button>
              ) : null}
            </li>
          )
        })}
      </ul>
      {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
    </div>
  )
}

export function DecideFromMeeting({ handle }: { handle: DocHandle }) {
  const { t } = useTranslation('fund')
  const fv = useDocValue(handle.doc, fundView)
  if (!fv || fv.tablings.length === 0) return null
  const byMeeting = new Map<string, Tabling[]>()
  for (const x of fv.tablings) byMeeting.set(x.meetingId, [...(byMeeting.get(x.meetingId) ?? []), x])
  return (
    <section className="card" aria-labelledby="fund-votes">
      <h3 id="fund-votes">{t('decide.votesTitle')}</h3>
      {[...byMeeting].map(([id, list]) => (
        <MeetingOutcomes key={id} handle={handle} meetingId={id} tablings={list} />
      ))}
    </section>
  )
}

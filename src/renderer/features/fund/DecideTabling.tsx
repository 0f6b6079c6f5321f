// Tabling the list (提议) in one of the council's meetings of the year: one agenda item per chosen
// listed project, added to the meeting (a draft: its agenda is still open) with the shared meeting
// functions the agenda editor uses, and the fund's link to each item, so the meeting's own vote
// machinery runs each project's vote and its vote screen can say whether the project still fits.
import { useState } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { meetingDocName } from '../../../shared/doc/names'
import { asCouncilId, type MeetingId } from '../../../shared/domain/ids'
import { queryMeetings } from '../../data/projections'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDateTime } from '../../kit/format'
import { href } from '../../kit/router'
import { useFormAction } from '../../kit/useFormAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField } from '../../ui/Field'
import { readDecide } from './DecideRead'
import { plainT, tableProjects, useFundDescribe } from './fundActions'

export function DecideTabling({ handle, year }: { handle: DocHandle; year: number }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const drafts = useLiveQuery(() => queryMeetings(env.db, { councilId: council.id, year, status: 'draft' }), [env.db, council.id, year]) ?? []
  const [meetingId, setMeetingId] = useState('')
  const meeting = useDocHandle(meetingId ? meetingDocName(asCouncilId(council.id), meetingId as MeetingId) : null)
  const v = useDocValue(handle.doc, readDecide)
  const action = useFormAction(useFundDescribe())
  const [skip, setSkip] = useState<ReadonlySet<string>>(new Set())
  if (!v) return null
  const open = v.listed.filter((p) => !v.decisions.outcomes.has(p.id) && !v.tablings.has(p.id))
  const chosen = open.filter((p) => !skip.has(p.id))
  const toggle = (id: string) => setSkip((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])))
  return (
    <section className="card" aria-labelledby="fund-tabling">
      <h3 id="fund-tabling">{t('fund:decide.tableTitle')}</h3>
      <p className="hint">{t('fund:decide.tableHint')}</p>
      {[...new Set([...v.tablings.values()].map((x) => x.meetingId))].map((id) => (
        <p key={id}>
          <a href={href({ name: 'meeting', councilId: council.id, meetingId: id })}>{t('fund:decide.tabledIn', { count: [...v.tablings.values()].filter((x) => x.meetingId === id).length })}</a>
        </p>
      ))}
      {open.length === 0 ? (
        <p>{t('fund:decide.nothingToTable')}</p>
      ) : (
        <form
          aria-label={t('fund:decide.tableTitle')}
          onSubmit={(e) => {
            e.preventDefault()
            if (meeting.status !== 'ready') return
            const projects = chosen.map((p) => ({ proposalId: p.id, title: p.title, budget: v.list.find((x) => x.proposalId === p.id)!.budget, proposer: p.source.name }))
            void action.submit(() => tableProjects(env, meeting.handle, meetingId, handle, projects, plainT(t))).then((ok) => ok && setSkip(new Set()))
          }}
        >
          <fieldset>
            <legend>{t('fund:decide.projects')}</legend>
            {open.map((p) => (
              <label key={p.id} className="checkbox">
                <input type="checkbox" checked={!skip.has(p.id)} onChange={() => toggle(p.id)} />
                <span>{p.title}</span>
              </label>
            ))}
          </fieldset>
          <div className="row bottom">
            <SelectField
              label={t('fund:decide.meeting')}
              value={meetingId}
              onChange={(e) => setMeetingId(e.target.value)}
              hint={drafts.length ? undefined : t('fund:decide.noDraftMeeting', { year })}
              options={[{ value: '', label: t('fund:proposal.choose') }, ...drafts.map((m) => ({ value: m.id, label: `${m.title}（${formatDateTime(i18n.language, m.startsAt)}）` }))]}
            />
            <button type="submit" className="primary" disabled={!meetingId || meeting.status !== 'ready' || chosen.length === 0 || action.busy || handle.readOnly}>
              {t('fund:decide.table', { count: chosen.length })}
            </button>
          </div>
          {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
        </form>
      )}
    </section>
  )
}

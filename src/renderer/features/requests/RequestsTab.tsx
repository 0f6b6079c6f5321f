// The council's requests (民情) of one year: the ones still waiting for their final reply first,
// oldest first (waitingRequests), then the ones answered; the way to record one, and the blank
// 一户一表 to print for door-to-door rounds.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { indexedYears } from '../../../shared/doc/council'
import { readRequestStates } from '../../../shared/doc/matters'
import { placeLine } from '../../../shared/matters/place'
import { householdFormDocument } from '../../../shared/matters/print'
import { waitingRequests, type RequestState } from '../../../shared/matters/requests'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { formatDate } from '../../kit/format'
import { PrintDocumentView } from '../../kit/PrintDocumentView'
import { href } from '../../kit/router'
import { useYearDoc } from '../../kit/yearDoc'
import { Banner } from '../../ui/Banner'
import { SelectField } from '../../ui/Field'
import { StatusPill } from '../../ui/StatusPill'
import { Table } from '../../ui/Table'
import type { DocHandle } from '../../sync/docs'
import { shownStatus } from './requestText'

const yearsOfMatters = (doc: Parameters<typeof indexedYears>[0]) => indexedYears(doc, 'matters')

export function RequestsTab() {
  const { t } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const { council, handle } = useCouncil()
  const current = Number(env.today().slice(0, 4))
  const indexed = useDocValue(handle.doc, yearsOfMatters)
  const years = useMemo(() => [...new Set([current, ...(indexed ?? [])])].sort((a, b) => b - a), [current, indexed])
  const [year, setYear] = useState(current)
  const [printing, setPrinting] = useState(false)
  return (
    <section aria-labelledby="requests-title">
      <div className={printing ? 'no-print' : undefined}>
        <h2 id="requests-title">{t('matters:req.listTitle')}</h2>
        <div className="row">
          {!handle.readOnly ? (
            <a className="button primary" href={href({ name: 'newRequest', councilId: council.id })}>
              {t('matters:req.newTitle')}
            </a>
          ) : null}
          <button type="button" aria-expanded={printing} onClick={() => setPrinting((p) => !p)}>
            {printing ? t('matters:req.printClose') : t('matters:req.printBlank')}
          </button>
          <SelectField label={t('matters:req.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))} options={years.map((y) => ({ value: String(y), label: t('matters:req.yearOption', { year: y }) }))} />
        </div>
      </div>
      {printing ? <BlankForm /> : null}
      <div className={printing ? 'no-print' : undefined}>
        <YearRequests key={year} year={year} />
      </div>
    </section>
  )
}

function BlankForm() {
  const { t, i18n } = useTranslation(['matters', 'common', 'documents'])
  const { council } = useCouncil()
  const doc = useMemo(() => householdFormDocument(council.name, null, { t: t as never, lang: i18n.language }), [council.name, t, i18n.language])
  return <PrintDocumentView doc={doc} fileName={`${council.name}-${t('matters:print.form.title')}`} />
}

function YearRequests({ year }: { year: number }) {
  const { t } = useTranslation(['matters', 'common'])
  const errs = useErrors()
  const state = useYearDoc('matters', year)
  if (state.status === 'error') return <Banner kind="error">{errs.message(state.error)}</Banner>
  if (state.status === 'loading') return <p>{t('common:status.loading')}</p>
  if (state.status === 'empty') return <p className="card">{t('matters:req.empty')}</p>
  return <RequestLists handle={state.handle} year={year} />
}

function RequestLists({ handle, year }: { handle: DocHandle; year: number }) {
  const { t } = useTranslation(['matters', 'common'])
  const states = useDocValue(handle.doc, readRequestStates)
  const { waiting, answered } = useMemo(() => {
    const w = states ? waitingRequests(states) : []
    // The answered ones after, the latest received first: the waiting list is what needs doing.
    const a = states ? [...states.values()].filter((s) => s.finalReply).sort((x, y) => (x.request.receivedOn < y.request.receivedOn ? 1 : x.request.receivedOn > y.request.receivedOn ? -1 : 0)) : []
    return { waiting: w, answered: a }
  }, [states])
  if (!states) return <p>{t('common:status.loading')}</p>
  if (states.size === 0) return <p className="card">{t('matters:req.empty')}</p>
  return (
    // In a card like the other registers: it spaces the second list's heading from the first table.
    <div className="card">
      <h3 id="requests-waiting">{t('matters:req.waitingTitle', { count: waiting.length })}</h3>
      {waiting.length === 0 ? <p className="muted">{t('matters:req.noneWaiting')}</p> : <RequestTable id="requests-waiting" rows={waiting} year={year} />}
      {answered.length > 0 ? (
        <>
          <h3 id="requests-answered">{t('matters:req.answeredTitle', { count: answered.length })}</h3>
          <RequestTable id="requests-answered" rows={answered} year={year} />
        </>
      ) : null}
    </div>
  )
}

function RequestTable({ id, rows, year }: { id: string; rows: readonly RequestState[]; year: number }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const { council } = useCouncil()
  // The place is worded by the shared rule the printed 一户一表 uses too.
  const tPlace = i18n.getFixedT(i18n.language) as (key: string, o?: Record<string, unknown>) => string
  return (
    <Table
      labelledBy={id}
      columns={[t('matters:req.field.receivedOn'), t('matters:req.col.requester'), t('matters:req.field.category'), t('matters:req.field.text'), t('matters:req.col.status'), t('matters:req.col.lastReply')]}
    >
      {rows.map((s) => {
        const r = s.request
        const status = shownStatus(s)
        const last = s.replies.at(-1)
        const place = placeLine(tPlace, r.place)
        return (
          <tr key={r.id}>
            <td>{formatDate(i18n.language, r.receivedOn)}</td>
            <td>
              {r.requester.name}
              {place ? <span className="block muted">{place}</span> : null}
            </td>
            <td>{t(`matters:category.${r.category}`)}</td>
            <td>
              <a href={href({ name: 'request', councilId: council.id, year, requestId: r.id })}>{r.text.length > 60 ? `${r.text.slice(0, 60)}…` : r.text}</a>
            </td>
            <td>
              <StatusPill status={status} label={t(`matters:req.status.${status}`)} />
            </td>
            <td>{last ? formatDate(i18n.language, last.on) : t('matters:req.noReply')}</td>
          </tr>
        )
      })}
    </Table>
  )
}

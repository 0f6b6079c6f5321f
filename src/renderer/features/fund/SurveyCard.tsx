// Residents' satisfaction from their phones, on a fund project's screen (issue 19, step 6): the
// secretary chooses how many slips, opens a survey (one-time codes made here, stored by hash) and
// prints the slips; residents scan a slip and answer on the ballot page's survey mode through the
// council's host; the secretary closes the survey. The answers so far per level, beside the paper
// counts, show here while it runs. Phones need the council's server (read-write) on this device.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readProposalStates } from '../../../shared/doc/fund'
import { readSatisfaction } from '../../../shared/doc/fundProjects'
import { readSurveys } from '../../../shared/doc/fundSurvey'
import { fundYear } from '../../../shared/doc/fund'
import { SATISFACTION_LEVELS, satisfactionTally } from '../../../shared/fund/implementation'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatMoment, formatNumber } from '../../kit/format'
import { usePhoneHost, usePhoneHostMissing } from '../../kit/phoneHost'
import { href } from '../../kit/router'
import { useFormAction } from '../../kit/useFormAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { Table } from '../../ui/Table'
import { useFundDescribe } from './projectActions'
import { endSurvey, MAX_SURVEY_SLIPS, startSurvey } from './surveyActions'
import { SurveySlips, type SurveySheet } from './SurveySlips'

/** The project's surveys and its answers per level, from phones and from paper. */
function readSurveyState(doc: Y.Doc, projectId: string) {
  const entries = readSatisfaction(doc, projectId)
  return {
    surveys: readSurveys(doc, projectId),
    phone: satisfactionTally(projectId, entries.filter((e) => e.via === 'phone')),
    paper: satisfactionTally(projectId, entries.filter((e) => e.via === 'paper')),
    title: readProposalStates(doc).get(projectId)?.proposal.title ?? '',
    year: fundYear(doc),
  }
}

export function SurveyCard({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const host = usePhoneHost(council.id)
  const missing = usePhoneHostMissing(council.id)
  const read = useState(() => (doc: Y.Doc) => readSurveyState(doc, projectId))[0]
  const state = useDocValue(handle.doc, read)
  const form = useFormAction(useFundDescribe())
  const [countText, setCountText] = useState('')
  const [sheet, setSheet] = useState<SurveySheet | null>(null)
  if (!state || state.year === null) return null
  const open = state.surveys.find((s) => s.closedAt === null) ?? null
  const count = /^\d{1,3}$/.test(countText.trim()) ? Number(countText.trim()) : Number.NaN
  const countOk = Number.isInteger(count) && count >= 1 && count <= MAX_SURVEY_SLIPS
  const usable = !handle.readOnly && Boolean(host)
  const issued = state.surveys.reduce((n, s) => n + s.codes, 0)
  const start = () => void form.submit(async () => setSheet(await startSurvey(env, handle, projectId, count)))
  const close = (surveyId: string) => void form.submit(() => endSurvey(env, handle, surveyId))
  return (
    <section className="card survey-card" aria-labelledby="survey-h" data-testid="survey-card">
      <h4 id="survey-h">{t('fund:survey.title')}</h4>
      <p>{t('fund:survey.explain')}</p>
      {missing ? (
        <p className="banner info">
          {t(`fund:survey.${missing}`)} <a href={href({ name: 'council', councilId: council.id, tab: 'sync' })}>{t('fund:survey.syncLink')}</a>
        </p>
      ) : null}
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      <p role="status" data-testid="survey-status">
        {open ? t('fund:survey.running', { when: formatMoment(i18n.language, open.openedAt), count: open.codes }) : state.surveys.length ? t('fund:survey.closed', { count: state.surveys.length, codes: issued }) : t('fund:survey.none')}
        {t('fund:survey.answers', { count: state.phone.total })}
      </p>
      {open ? (
        <button type="button" disabled={handle.readOnly || form.busy} onClick={() => close(open.id)}>
          {t('fund:survey.close')}
        </button>
      ) : (
        <form aria-label={t('fund:survey.start')} className="row tight" onSubmit={(e) => { e.preventDefault(); if (countOk) start() }}>
          <TextField label={t('fund:survey.count')} hint={t('fund:survey.countHint', { max: MAX_SURVEY_SLIPS })} error={countText === '' || countOk ? undefined : t('fund:survey.countInvalid', { max: MAX_SURVEY_SLIPS })} inputMode="numeric" value={countText} onChange={(e) => setCountText(e.target.value)} disabled={!usable} />
          <button type="submit" className="primary" disabled={!usable || !countOk || form.busy}>
            {t('fund:survey.start')}
          </button>
        </form>
      )}
      <Table labelledBy="survey-h" numeric={[1, 2]} columns={[t('fund:project.satisfaction.level'), t('fund:survey.fromPhones'), t('fund:survey.onPaper')]}>
        {SATISFACTION_LEVELS.map((l) => (
          <tr key={l} data-testid={`survey-level-${l}`}>
            <td>{t(`fund:satisfaction.${l}`)}</td>
            <td className="num">{formatNumber(i18n.language, state.phone.counts[l])}</td>
            <td className="num">{formatNumber(i18n.language, state.paper.counts[l])}</td>
          </tr>
        ))}
      </Table>
      {sheet && host ? <SurveySlips sheet={sheet} host={host} councilId={council.id} year={state.year} title={state.title} onClose={() => setSheet(null)} /> : null}
    </section>
  )
}

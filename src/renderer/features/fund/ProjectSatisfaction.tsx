// Residents' satisfaction with a fund project: counts per level typed from the paper sheets (each
// batch its own entry, so two laptops typing different batches both count), and the tally.
import { useTranslation } from 'react-i18next'
import { readSatisfaction, recordSatisfaction } from '../../../shared/doc/fundProjects'
import { SATISFACTION_LEVELS, satisfactionTally, type SatisfactionLevel } from '../../../shared/fund/implementation'
import { useEnv } from '../../kit/env'
import { formatNumber } from '../../kit/format'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { writeDoc } from '../../kit/write'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { Table } from '../../ui/Table'
import { FieldInputError, useFundDescribe } from './projectActions'
import { SurveyCard } from './SurveyCard'

type Counts = Record<SatisfactionLevel, string>
const EMPTY: Counts = { verySatisfied: '', satisfied: '', neutral: '', dissatisfied: '' }

function PaperForm({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const form = useFormAction(useFundDescribe())
  const d = useDraft(EMPTY, (v) => SATISFACTION_LEVELS.filter((l) => v[l] !== '').map((l) => t(`fund:satisfaction.${l}`)))
  const save = (v: Counts) =>
    form.submit(async () => {
      const bad = SATISFACTION_LEVELS.filter((l) => !/^\d*$/.test(v[l].trim()))
      if (bad.length || SATISFACTION_LEVELS.every((l) => !v[l].trim())) throw new FieldInputError(Object.fromEntries((bad.length ? bad : SATISFACTION_LEVELS.slice(0, 1)).map((l) => [l, t('fund:project.satisfaction.countInvalid')])))
      const counts = Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, Number(v[l].trim() || '0')])) as Record<SatisfactionLevel, number>
      await writeDoc(env, handle, (doc, now) => recordSatisfaction(doc, { projectId, via: 'paper', counts }, { now, by: '' }))
    })
  return (
    <form aria-label={t('fund:project.satisfaction.paper')} onSubmit={(e) => { e.preventDefault(); void d.submit(save) }}>
      <h4>{t('fund:project.satisfaction.paper')}</h4>
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      <div className="row">
        {SATISFACTION_LEVELS.map((l) => (
          <TextField key={l} label={t(`fund:satisfaction.${l}`)} inputMode="numeric" value={d.value[l]} error={form.errors[l]} onChange={(e) => d.set((o) => ({ ...o, [l]: e.target.value }))} />
        ))}
      </div>
      <FormActions submitLabel={t('fund:project.satisfaction.save')} busy={form.busy} />
    </form>
  )
}

export function ProjectSatisfaction({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t, i18n } = useTranslation(['fund'])
  const tally = satisfactionTally(projectId, readSatisfaction(handle.doc, projectId))
  const pct = tally.total ? formatNumber(i18n.language, Math.round((1000 * tally.satisfied.num) / tally.satisfied.den) / 10) : ''
  return (
    <section className="card" aria-labelledby="project-sat-h">
      <h3 id="project-sat-h">{t('fund:project.satisfaction.title')}</h3>
      {tally.total ? (
        <>
          <Table labelledBy="project-sat-h" numeric={[1]} columns={[t('fund:project.satisfaction.level'), t('fund:project.satisfaction.count')]}>
            {SATISFACTION_LEVELS.map((l) => (
              <tr key={l}>
                <td>{t(`fund:satisfaction.${l}`)}</td>
                <td className="num">{formatNumber(i18n.language, tally.counts[l])}</td>
              </tr>
            ))}
          </Table>
          <p>
            <strong>{t('fund:project.satisfaction.summary', { total: tally.total, pct })}</strong>
          </p>
        </>
      ) : (
        <p className="muted">{t('fund:project.satisfaction.none')}</p>
      )}
      {handle.readOnly ? null : <PaperForm handle={handle} projectId={projectId} />}
      <SurveyCard handle={handle} projectId={projectId} />
    </section>
  )
}

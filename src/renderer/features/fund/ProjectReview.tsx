// A fund project's mid-term review (中期评议), scored on a sheet: the criteria with their maximum
// (fixed once anyone scored), each scorer's sheet with their role, and the average (reviewResult).
import { useTranslation } from 'react-i18next'
import { readReview, readReviewSheet, recordScores, setReviewCriteria } from '../../../shared/doc/fundProjects'
import { SCORER_ROLES, type ReviewSheet, type ScorerRole } from '../../../shared/fund/implementation'
import { useEnv } from '../../kit/env'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { writeDoc } from '../../kit/write'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { Table } from '../../ui/Table'
import { FieldInputError, useFundDescribe } from './projectActions'

const ROW = { title: '', max: '' }

function CriteriaForm({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const form = useFormAction(useFundDescribe())
  const d = useDraft({ rows: [ROW, ROW, ROW] }, (v) => (v.rows.some((r) => r.title || r.max) ? [t('fund:project.review.criteria')] : []))
  const setRow = (i: number, k: keyof typeof ROW, x: string) => d.set((o) => ({ rows: o.rows.map((r, j) => (j === i ? { ...r, [k]: x } : r)) }))
  const save = ({ rows }: typeof d.value) =>
    form.submit(async () => {
      const filled = rows.filter((r) => r.title.trim() || r.max.trim())
      if (!filled.length || filled.some((r) => !/^\d+$/.test(r.max.trim()))) throw new FieldInputError({ criteria: t('fund:project.review.criteriaInvalid') })
      const sheet: ReviewSheet = { projectId, criteria: filled.map((r, i) => ({ id: `c${i + 1}`, title: r.title.trim(), max: Number(r.max.trim()) })) }
      await writeDoc(env, handle, (doc) => setReviewCriteria(doc, sheet))
    })
  return (
    <form aria-label={t('fund:project.review.criteria')} onSubmit={(e) => { e.preventDefault(); void d.submit(save) }}>
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      {form.errors.criteria ? <p className="error" role="alert">{form.errors.criteria}</p> : null}
      {d.value.rows.map((r, i) => (
        <div className="row" key={i}>
          <TextField label={t('fund:project.review.criterionN', { n: i + 1 })} value={r.title} maxLength={100} onChange={(e) => setRow(i, 'title', e.target.value)} />
          <TextField label={t('fund:project.review.maxN', { n: i + 1 })} inputMode="numeric" value={r.max} onChange={(e) => setRow(i, 'max', e.target.value)} />
        </div>
      ))}
      <button type="button" onClick={() => d.set((o) => ({ rows: [...o.rows, ROW] }))}>{t('fund:project.review.addCriterion')}</button>
      <FormActions submitLabel={t('fund:project.review.saveCriteria')} busy={form.busy} />
    </form>
  )
}

function ScoreForm({ handle, sheet }: { handle: DocHandle; sheet: ReviewSheet }) {
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const form = useFormAction(useFundDescribe())
  const empty = { scorer: '', role: 'leader' as ScorerRole, scores: {} as Record<string, string> }
  const d = useDraft(empty, (v) => [...(v.scorer ? [t('fund:project.review.scorer')] : []), ...sheet.criteria.filter((c) => v.scores[c.id]).map((c) => c.title)])
  const save = (v: typeof empty) =>
    form.submit(async () => {
      const scores: Record<string, number> = {}
      for (const c of sheet.criteria) if (/^\d+$/.test((v.scores[c.id] ?? '').trim())) scores[c.id] = Number(v.scores[c.id]!.trim())
      await writeDoc(env, handle, (doc, now) => recordScores(doc, { projectId: sheet.projectId, scorer: v.scorer, role: v.role, scores }, { now, by: v.scorer.trim() }))
    })
  return (
    <form aria-label={t('fund:project.review.score')} onSubmit={(e) => { e.preventDefault(); void d.submit(save) }}>
      <h4>{t('fund:project.review.score')}</h4>
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      {form.errors.scores ? <p className="error" role="alert">{form.errors.scores}</p> : null}
      <div className="row">
        <TextField label={t('fund:project.review.scorer')} value={d.value.scorer} maxLength={60} onChange={(e) => d.set((o) => ({ ...o, scorer: e.target.value }))} />
        <SelectField label={t('fund:project.review.role')} value={d.value.role} onChange={(e) => d.set((o) => ({ ...o, role: e.target.value as ScorerRole }))} options={SCORER_ROLES.map((r) => ({ value: r, label: t(`fund:scorerRole.${r}`) }))} />
      </div>
      <div className="row">
        {sheet.criteria.map((c) => (
          <TextField key={c.id} label={t('fund:project.review.scoreOf', { title: c.title, max: c.max })} inputMode="numeric" value={d.value.scores[c.id] ?? ''} onChange={(e) => d.set((o) => ({ ...o, scores: { ...o.scores, [c.id]: e.target.value } }))} />
        ))}
      </div>
      <FormActions submitLabel={t('fund:project.review.saveScore')} busy={form.busy} />
    </form>
  )
}

export function ProjectReview({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t } = useTranslation(['fund'])
  const sheet = readReviewSheet(handle.doc, projectId)
  const result = readReview(handle.doc, projectId)
  return (
    <section className="card" aria-labelledby="project-review-h">
      <h3 id="project-review-h">{t('fund:project.review.title')}</h3>
      {sheet ? <p>{t('fund:project.review.criteriaList', { list: sheet.criteria.map((c) => `${c.title} (${c.max})`).join('、') })}</p> : null}
      {result && result.count > 0 ? (
        <Table label={t('fund:project.review.sheets')} numeric={[2]} columns={[t('fund:project.review.scorer'), t('fund:project.review.role'), t('fund:project.review.total')]}>
          {result.sheets.map((s) => (
            <tr key={s.scorer}>
              <td>{s.scorer}</td>
              <td>{t(`fund:scorerRole.${s.role}`)}</td>
              <td className="num">{s.total}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      {result && result.count > 0 ? <p><strong>{t('fund:project.review.average', { average: result.average, max: result.max, n: result.count })}</strong></p> : null}
      {handle.readOnly ? null : sheet ? <ScoreForm handle={handle} sheet={sheet} /> : <CriteriaForm handle={handle} projectId={projectId} />}
    </section>
  )
}

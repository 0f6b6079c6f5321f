// A fund project's five steps (党组织提议 → … → 监委会民主监督): each one's record as it stands
// (date, body, note, the scanned record, when it was made public), and the form for the next one.
import { useTranslation } from 'react-i18next'
import { readFundPath, recordFundStep } from '../../../shared/doc/fundProjects'
import type { FileRef } from '../../../shared/files/fileRef'
import type { FundStep, ResolvedFundStep } from '../../../shared/fund/fundPath'
import { AttachFiles, FileList } from '../../kit/Attachments'
import { useCouncil } from '../../kit/CouncilContext'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { writeDoc } from '../../kit/write'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { useFundDescribe } from './projectActions'

const EMPTY = { date: '', body: '', note: '', postedOn: '', until: '', scan: null as FileRef | null }

function StepForm({ handle, projectId, step }: { handle: DocHandle; projectId: string; step: FundStep }) {
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const form = useFormAction(useFundDescribe())
  const labels = { date: t('fund:project.steps.date'), body: t('fund:project.steps.body'), note: t('fund:project.steps.note'), postedOn: t('fund:project.steps.postedOn'), until: t('fund:project.steps.until') }
  const d = useDraft({ ...EMPTY, date: env.today() }, (v) => (['body', 'note', 'postedOn', 'until'] as const).filter((k) => v[k] !== '').map((k) => labels[k]))
  const v = d.value
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => d.set((o) => ({ ...o, [k]: e.target.value }))
  const save = () =>
    d.submit((x) =>
      form.submit(() =>
        writeDoc(env, handle, (doc, now) => {
          const disclosure = x.postedOn || x.until ? { postedOn: x.postedOn, until: x.until } : undefined
          return recordFundStep(doc, projectId, step, { date: x.date, body: x.body, note: x.note.trim(), ...(x.scan ? { scan: x.scan } : {}), ...(disclosure ? { disclosure } : {}) }, { now, by: x.body.trim() })
        }),
      ),
    )
  return (
    <form
      aria-label={t('fund:project.steps.record', { step: t(`fund:step.${step}`) })}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h4>{t('fund:project.steps.record', { step: t(`fund:step.${step}`) })}</h4>
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      <div className="row">
        <TextField label={labels.date} type="date" required value={v.date} onChange={set('date')} error={form.errors.date} />
        <TextField label={labels.body} value={v.body} maxLength={200} onChange={set('body')} hint={t('fund:project.steps.bodyHint')} />
      </div>
      <TextField label={labels.note} value={v.note} maxLength={500} onChange={set('note')} />
      <div className="row">
        <TextField label={labels.postedOn} type="date" value={v.postedOn} onChange={set('postedOn')} />
        <TextField label={labels.until} type="date" value={v.until} onChange={set('until')} />
      </div>
      <AttachFiles councilId={council.id} label={t('fund:project.steps.attachScan')} onAttached={async (refs) => d.set((o) => ({ ...o, scan: refs[0] ?? null }))} />
      {v.scan ? <FileList label={t('fund:project.steps.scan')} items={[{ id: v.scan.hash, file: v.scan }]} onRemove={() => d.set((o) => ({ ...o, scan: null }))} /> : null}
      <FormActions submitLabel={t('fund:project.steps.save')} busy={form.busy} />
    </form>
  )
}

function StepItem({ s }: { s: ResolvedFundStep }) {
  const { t, i18n } = useTranslation(['fund'])
  const e = s.entry
  return (
    <li className={`step step-${s.state}`}>
      <strong>{t(`fund:step.${s.step}`)}</strong> <span className="muted">{t(`fund:project.steps.state.${s.state}`)}</span>
      {e ? (
        <div>
          {formatDate(i18n.language, e.date)} · {e.body}
          {e.note ? ` · ${e.note}` : ''}
          {e.disclosure ? ` · ${t('fund:project.steps.disclosed', { from: formatDate(i18n.language, e.disclosure.postedOn), until: formatDate(i18n.language, e.disclosure.until) })}` : ''}
          {e.scan ? <FileList label={t('fund:project.steps.scan')} items={[{ id: e.id, file: e.scan }]} /> : null}
        </div>
      ) : null}
    </li>
  )
}

export function ProjectSteps({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t } = useTranslation(['fund'])
  const path = readFundPath(handle.doc, projectId)
  const next = path.find((s) => s.state === 'ready')
  return (
    <section className="card" aria-labelledby="project-steps-h">
      <h3 id="project-steps-h">{t('fund:project.steps.title')}</h3>
      <ol className="fund-steps">
        {path.map((s) => (
          <StepItem key={s.step} s={s} />
        ))}
      </ol>
      {next && !handle.readOnly ? <StepForm key={next.step} handle={handle} projectId={projectId} step={next.step} /> : null}
    </section>
  )
}

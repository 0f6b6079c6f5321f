// Who carries out an approved project and for how much (居委会组织实施): the implementer (the
// community, a social organisation, a company), the public call with its applicants where the
// council's rules ask for one, the contract amount and the residents' own share. The fund's part
// must fit the approved budget (implementationErrors); amounts are typed in yuan and kept as fen.
import { useTranslation } from 'react-i18next'
import { readImplementation } from '../../../shared/doc/fundProjects'
import { IMPLEMENTER_KINDS, type Implementation, type ImplementerKind } from '../../../shared/fund/implementation'
import { formatYuan } from '../../../shared/fund/money'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { saveImplementation, useFundDescribe, usePlainT } from './projectActions'
import { implementationFrom, implementerFieldsOf, type ImplementerFields as Fields } from './projectInput'

function ImplementerForm({ handle, projectId, stored }: { handle: DocHandle; projectId: string; stored: Implementation | null }) {
  const { t } = useTranslation(['fund', 'common'])
  const pt = usePlainT()
  const env = useEnv()
  const form = useFormAction(useFundDescribe())
  const initial = implementerFieldsOf(stored)
  const labels: Record<keyof Fields, string> = {
    kind: t('fund:project.impl.kind'), name: t('fund:project.impl.name'), hasCall: t('fund:project.impl.hasCall'), announcedOn: t('fund:project.impl.announcedOn'),
    applicants: t('fund:project.impl.applicants'), contract: t('fund:project.impl.contract'), share: t('fund:project.impl.share'), signedOn: t('fund:project.impl.signedOn'),
  }
  const d = useDraft(initial, (v) => (Object.keys(labels) as (keyof Fields)[]).filter((k) => v[k] !== initial[k]).map((k) => labels[k]))
  const v = d.value
  const set = <K extends keyof Fields>(k: K, x: Fields[K]) => d.set((o) => ({ ...o, [k]: x }))
  const save = () => form.submit(async () => {
    await saveImplementation(env, handle, implementationFrom(pt, projectId, v))
  })
  return (
    <form aria-label={t('fund:project.impl.title')} onSubmit={(e) => { e.preventDefault(); void d.submit(() => save()) }}>
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      <div className="row">
        <SelectField label={labels.kind} value={v.kind} onChange={(e) => set('kind', e.target.value as ImplementerKind)} options={IMPLEMENTER_KINDS.map((k) => ({ value: k, label: t(`fund:implementer.${k}`) }))} />
        <TextField label={labels.name} value={v.name} maxLength={200} onChange={(e) => set('name', e.target.value)} error={form.errors.implementer} />
      </div>
      <CheckboxField label={labels.hasCall} checked={v.hasCall} onChange={(e) => set('hasCall', e.target.checked)} />
      {v.hasCall ? (
        <div className="row">
          <TextField label={labels.announcedOn} type="date" value={v.announcedOn} onChange={(e) => set('announcedOn', e.target.value)} error={form.errors.call} />
          <TextAreaField label={labels.applicants} hint={t('fund:project.impl.applicantsHint')} rows={3} value={v.applicants} onChange={(e) => set('applicants', e.target.value)} />
        </div>
      ) : null}
      <div className="row">
        <TextField label={labels.contract} inputMode="decimal" value={v.contract} onChange={(e) => set('contract', e.target.value)} error={form.errors.contractAmount} />
        <TextField label={labels.share} inputMode="decimal" value={v.share} onChange={(e) => set('share', e.target.value)} error={form.errors.residentsShare} hint={t('fund:project.impl.shareHint')} />
        <TextField label={labels.signedOn} type="date" value={v.signedOn} onChange={(e) => set('signedOn', e.target.value)} error={form.errors.signedOn} />
      </div>
      <FormActions submitLabel={t('fund:project.impl.save')} busy={form.busy} />
    </form>
  )
}

export function ProjectImplementer({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t, i18n } = useTranslation(['fund'])
  const impl = readImplementation(handle.doc, projectId)
  const summary = impl
    ? t('fund:project.impl.summary', {
        kind: t(`fund:implementer.${impl.implementer.kind}`), name: impl.implementer.name, contract: formatYuan(impl.contractAmount),
        share: formatYuan(impl.residentsShare), fund: formatYuan(impl.contractAmount - impl.residentsShare), on: formatDate(i18n.language, impl.signedOn),
      })
    : t('fund:project.impl.none')
  return (
    <section className="card" aria-labelledby="project-impl-h">
      <h3 id="project-impl-h">{t('fund:project.impl.title')}</h3>
      <p>{summary}</p>
      {impl?.call ? <p>{t('fund:project.impl.callSummary', { on: formatDate(i18n.language, impl.call.announcedOn), n: impl.call.applicants.length, names: impl.call.applicants.join('、') })}</p> : null}
      {handle.readOnly ? null : <ImplementerForm key={impl ? JSON.stringify(impl) : 'new'} handle={handle} projectId={projectId} stored={impl} />}
    </section>
  )
}

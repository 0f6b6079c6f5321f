// Recording a proposal (征集): from a resident's request in the matters document (picked from the
// year's requests), a paper form, an organisation or the party branch; with its estimated cost
// (typed in yuan, kept as fen), beneficiaries and category. The draft stays until stored.
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { mattersYear, readRequests } from '../../../shared/doc/matters'
import { parseYuan } from '../../../shared/fund/money'
import { FUND_CATEGORIES, PROPOSAL_SOURCES, type FundCategory, type ProposalSourceKind } from '../../../shared/fund/proposals'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { yearDocName } from '../../kit/yearDoc'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { saveProposal, useFundDescribe, useRecorder } from './fundActions'

interface Draft {
  title: string
  description: string
  category: FundCategory
  kind: ProposalSourceKind
  name: string
  requestId: string
  cost: string
  beneficiaries: string
  proposedOn: string
}

const requestsOf = (d: Y.Doc) => (mattersYear(d) === null ? [] : readRequests(d))

function useRequests(year: number) {
  const { council } = useCouncil()
  const state = useDocHandle(yearDocName('matters', council.id, year))
  return useDocValue(state.status === 'ready' ? state.handle.doc : null, requestsOf) ?? []
}

export function ProposalForm({ handle, year }: { handle: DocHandle; year: number }) {
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const requests = useRequests(year)
  const [by, setBy] = useRecorder()
  const empty: Draft = { title: '', description: '', category: 'facilities', kind: 'paperForm', name: '', requestId: '', cost: '', beneficiaries: '', proposedOn: env.today() }
  const typed = (v: Draft) => (['title', 'description', 'name', 'cost', 'beneficiaries'] as const).filter((k) => v[k].trim()).map((k) => t(`fund:proposal.${k}`))
  const draft = useDraft<Draft>(empty, typed)
  const action = useFormAction(useFundDescribe())
  const v = draft.value
  const set = (patch: Partial<Draft>) => draft.set((d) => ({ ...d, ...patch }))
  const pickRequest = (id: string) => {
    const r = requests.find((x) => x.id === id)
    set({ requestId: id, ...(r ? { name: r.requester.name, title: v.title || r.text.slice(0, 60), description: v.description || r.text, proposedOn: r.receivedOn } : {}) })
  }
  const submit = () => {
    const money = parseYuan(v.cost)
    const n = Number(v.beneficiaries.trim() || '0')
    if (!money.ok) return action.setErrors({ estimatedCost: t(`fund:moneyError.${money.error}`) })
    if (!Number.isSafeInteger(n) || n < 0) return action.setErrors({ beneficiaries: t('fund:field.numberInvalid') })
    const source = { kind: v.kind, name: v.name, ...(v.kind === 'request' && v.requestId ? { request: { year, requestId: v.requestId } } : {}) }
    void draft.submit((d) =>
      action.submit(() => saveProposal(env, handle, { title: d.title, description: d.description, category: d.category, source, estimatedCost: money.fen, beneficiaries: n, proposedOn: d.proposedOn })),
    )
  }
  return (
    <form className="card" aria-label={t('fund:proposal.add')} onSubmit={(e) => (e.preventDefault(), submit())}>
      <h3>{t('fund:proposal.add')}</h3>
      <div className="row bottom">
        <SelectField label={t('fund:proposal.kind')} value={v.kind} onChange={(e) => set({ kind: e.target.value as ProposalSourceKind })} options={PROPOSAL_SOURCES.map((s) => ({ value: s, label: t(`fund:source.${s}`) }))} />
        {v.kind === 'request' ? (
          <SelectField
            label={t('fund:proposal.request')}
            value={v.requestId}
            onChange={(e) => pickRequest(e.target.value)}
            error={action.errors.source}
            hint={requests.length ? undefined : t('fund:proposal.noRequests', { year })}
            options={[{ value: '', label: t('fund:proposal.choose') }, ...requests.map((r) => ({ value: r.id, label: `${r.receivedOn} ${r.requester.name}：${r.text.slice(0, 40)}` }))]}
          />
        ) : null}
        <TextField label={t('fund:proposal.name')} value={v.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} error={v.kind === 'request' ? undefined : action.errors.source} />
        <TextField label={t('fund:proposal.proposedOn')} type="date" value={v.proposedOn} onChange={(e) => set({ proposedOn: e.target.value })} error={action.errors.proposedOn} />
      </div>
      <TextField label={t('fund:proposal.title')} value={v.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} error={action.errors.title} />
      <TextAreaField label={t('fund:proposal.description')} value={v.description} rows={2} onChange={(e) => set({ description: e.target.value })} error={action.errors.description} />
      <div className="row bottom">
        <SelectField label={t('fund:proposal.category')} value={v.category} onChange={(e) => set({ category: e.target.value as FundCategory })} options={FUND_CATEGORIES.map((c) => ({ value: c, label: t(`fund:category.${c}`) }))} />
        <TextField label={t('fund:proposal.cost')} inputMode="decimal" value={v.cost} onChange={(e) => set({ cost: e.target.value })} error={action.errors.estimatedCost} hint={t('fund:proposal.costHint')} />
        <TextField label={t('fund:proposal.beneficiaries')} inputMode="numeric" value={v.beneficiaries} onChange={(e) => set({ beneficiaries: e.target.value })} error={action.errors.beneficiaries} />
        <TextField label={t('fund:proposal.by')} value={by} maxLength={100} onChange={(e) => setBy(e.target.value)} />
        <button type="submit" className="primary" disabled={action.busy || handle.readOnly}>
          {t('fund:proposal.save')}
        </button>
      </div>
      {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
    </form>
  )
}

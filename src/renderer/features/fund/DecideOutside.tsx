// A decision taken outside Yishi (a residents' meeting on paper): the project, the outcome, the
// budget approved (typed in yuan, kept as fen) and the date; refused with the figures when the
// approvals would pass the money available (recordDecision / decisionRefusal).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseYuan } from '../../../shared/fund/money'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useFormAction } from '../../kit/useFormAction'
import { useUnsavedFields } from '../../kit/unsaved'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField, TextField } from '../../ui/Field'
import { readDecide } from './DecideRead'
import { decide, useFundDescribe } from './fundActions'

export function DecideOutside({ handle }: { handle: DocHandle }) {
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const v = useDocValue(handle.doc, readDecide)
  const action = useFormAction(useFundDescribe())
  const [d, setD] = useState({ proposalId: '', outcome: 'approved' as 'approved' | 'rejected', budget: '', on: env.today() })
  const release = useUnsavedFields(d.budget.trim() ? [t('fund:decide.budget')] : [])
  if (!v || handle.readOnly) return null
  const open = v.listed.filter((p) => !v.decisions.outcomes.has(p.id))
  if (open.length === 0) return null
  return (
    <details className="card">
      <summary>{t('fund:decide.outsideTitle')}</summary>
      <form
        className="row bottom"
        aria-label={t('fund:decide.outsideTitle')}
        onSubmit={(e) => {
          e.preventDefault()
          const money = d.outcome === 'rejected' ? ({ ok: true, fen: 0 } as const) : parseYuan(d.budget)
          if (!money.ok) return action.setErrors({ budget: t(`fund:moneyError.${money.error}`) })
          release()
          void action.submit(() => decide(env, handle, { proposalId: d.proposalId, outcome: d.outcome, budget: money.fen, on: d.on })).then((ok) => ok && setD((x) => ({ ...x, proposalId: '', budget: '' })))
        }}
      >
        <SelectField label={t('fund:decide.project')} value={d.proposalId} onChange={(e) => setD({ ...d, proposalId: e.target.value })} options={[{ value: '', label: t('fund:proposal.choose') }, ...open.map((p) => ({ value: p.id, label: p.title }))]} />
        <SelectField label={t('fund:decide.vote')} value={d.outcome} onChange={(e) => setD({ ...d, outcome: e.target.value as 'approved' | 'rejected' })} options={(['approved', 'rejected'] as const).map((o) => ({ value: o, label: t(`fund:decide.outcome.${o}`) }))} />
        {d.outcome === 'approved' ? <TextField label={t('fund:decide.budget')} inputMode="decimal" value={d.budget} onChange={(e) => setD({ ...d, budget: e.target.value })} error={action.errors.budget} /> : null}
        <TextField label={t('fund:decide.on')} type="date" value={d.on} onChange={(e) => setD({ ...d, on: e.target.value })} />
        <button type="submit" disabled={!d.proposalId || action.busy}>
          {t('fund:decide.recordOutside')}
        </button>
      </form>
      {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
    </details>
  )
}

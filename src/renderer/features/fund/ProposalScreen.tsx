// Screening one open proposal (梳理): list it (answering a priority item, if any), exclude it by a
// negative-list item or for a reason written out, or merge it into a duplicate. The rule that says
// what may be recorded is screeningRefusal (shared/fund/proposals.ts), reached through the write.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListItem, ProposalState, Screening } from '../../../shared/fund/proposals'
import { useEnv } from '../../kit/env'
import { useFormAction } from '../../kit/useFormAction'
import { useUnsavedFields } from '../../kit/unsaved'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField, TextField } from '../../ui/Field'
import { plainT, screen, useFundDescribe } from './fundActions'
import { listItemText } from './OverviewLists'

type Kind = Screening['kind']

export function ProposalScreen(props: { handle: DocHandle; state: ProposalState; others: ProposalState[]; negative: ListItem[]; priority: ListItem[] }) {
  const { handle, state, others, negative, priority } = props
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const action = useFormAction(useFundDescribe())
  const [kind, setKind] = useState<Kind>('listed')
  const [item, setItem] = useState('')
  const [reason, setReason] = useState('')
  const [into, setInto] = useState('')
  const release = useUnsavedFields(reason.trim() ? [t('fund:screening.reason')] : [])
  const title = state.proposal.title
  const screening = (): Screening =>
    kind === 'listed' ? { kind, priorityItem: item || null } : kind === 'excluded' ? { kind, negativeItem: item || null, reason } : { kind, into }
  return (
    <form
      className="row bottom"
      aria-label={t('fund:screening.label', { title })}
      onSubmit={(e) => {
        e.preventDefault()
        const s = screening()
        release()
        void action.submit(() => screen(env, handle, state.proposal.id, s))
      }}
    >
      <SelectField
        label={t('fund:screening.decision')}
        value={kind}
        onChange={(e) => (setKind(e.target.value as Kind), setItem(''))}
        options={(['listed', 'excluded', 'merged'] as const).map((k) => ({ value: k, label: t(`fund:screening.kinds.${k}`) }))}
      />
      {kind === 'listed' ? (
        <SelectField label={t('fund:screening.priorityItem')} value={item} onChange={(e) => setItem(e.target.value)} options={[{ value: '', label: t('fund:screening.none') }, ...priority.map((i) => ({ value: i.id, label: i.text }))]} />
      ) : null}
      {kind === 'excluded' ? (
        <>
          <SelectField label={t('fund:screening.negativeItem')} value={item} onChange={(e) => setItem(e.target.value)} options={[{ value: '', label: t('fund:screening.otherReason') }, ...negative.map((i) => ({ value: i.id, label: listItemText(plainT(t), i) }))]} />
          <TextField label={t('fund:screening.reason')} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </>
      ) : null}
      {kind === 'merged' ? (
        <SelectField label={t('fund:screening.into')} value={into} onChange={(e) => setInto(e.target.value)} options={[{ value: '', label: t('fund:proposal.choose') }, ...others.map((o) => ({ value: o.proposal.id, label: o.proposal.title }))]} />
      ) : null}
      <button type="submit" disabled={action.busy || handle.readOnly}>
        {t('fund:screening.record')}
      </button>
      {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
    </form>
  )
}

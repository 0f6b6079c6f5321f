// The reply to an excluded proposal's proposer (回音): how and what was said, recorded in the fund
// document (recordProposalReply), so the street office's check "every exclusion answered" holds.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REPLY_CHANNELS, type ReplyChannel } from '../../../shared/matters/requests'
import { useEnv } from '../../kit/env'
import { useFormAction } from '../../kit/useFormAction'
import { useUnsavedFields } from '../../kit/unsaved'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField, TextField } from '../../ui/Field'
import { replyToProposer, useFundDescribe } from './fundActions'

export function ProposalReply({ handle, proposalId, title }: { handle: DocHandle; proposalId: string; title: string }) {
  const { t } = useTranslation(['fund', 'matters'])
  const env = useEnv()
  const action = useFormAction(useFundDescribe())
  const [how, setHow] = useState<ReplyChannel>('inPerson')
  const [what, setWhat] = useState('')
  const release = useUnsavedFields(what.trim() ? [t('fund:reply.what')] : [])
  return (
    <form
      className="row bottom"
      aria-label={t('fund:reply.label', { title })}
      onSubmit={(e) => {
        e.preventDefault()
        const held = what
        release()
        setWhat('')
        void action.submit(() => replyToProposer(env, handle, { proposalId, how, what: held })).then((ok) => ok || setWhat(held))
      }}
    >
      <SelectField label={t('fund:reply.how')} value={how} onChange={(e) => setHow(e.target.value as ReplyChannel)} options={REPLY_CHANNELS.map((c) => ({ value: c, label: t(`matters:replyChannel.${c}`) }))} />
      <TextField label={t('fund:reply.what')} value={what} maxLength={4000} onChange={(e) => setWhat(e.target.value)} error={action.errors.what} />
      <button type="submit" disabled={action.busy || !what.trim() || handle.readOnly}>
        {t('fund:reply.record')}
      </button>
      {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
    </form>
  )
}

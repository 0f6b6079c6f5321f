// The fund year's writes for steps 1–5 (open, collect, screen, decide, publish): each one call of
// the shared document functions (the rules live there), acknowledged once stored (kit/write.ts).
// Tabling writes two documents: the meeting's agenda items first (stored), then the fund's links
// to them, so a link never names an agenda item this device lost.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DocError } from '../../../shared/doc/errors'
import { record } from '../../../shared/doc/guards'
import { fundRefusalText } from '../../../shared/fund/messages'
import { useErrors } from '../../kit/errors'
import type { DescribeError } from '../../kit/useFormAction'
import type { ReplyChannel } from '../../../shared/matters/requests'
import { addAgendaItem } from '../../../shared/doc/meeting'
import { addListItem, addProposal, book, recordDecision, recordProposalReply, removeListItem, screenProposal, type ListKind } from '../../../shared/doc/fund'
import { recordTablings } from '../../../shared/doc/fundTabling'
import type { DecisionEntry } from '../../../shared/fund/decision'
import type { IncomeSource } from '../../../shared/fund/ledger'
import { formatYuan, type Fen } from '../../../shared/fund/money'
import type { ProposalFields, Screening } from '../../../shared/fund/proposals'
import type { AgendaItemId } from '../../../shared/domain/ids'
import type { AppEnv } from '../../kit/env'
import { writeDoc } from '../../kit/write'
import type { DocHandle } from '../../sync/docs'

type T = (key: string, opts?: Record<string, unknown>) => string

export const bookIncome = (env: AppEnv, h: DocHandle, e: { source: IncomeSource; from: string; amount: Fen; on: string }, by = recorder()) =>
  writeDoc(env, h, (d, now) => book(d, { kind: 'income', ...e }, { now, by }))

export const addToList = (env: AppEnv, h: DocHandle, list: ListKind, text: string) => writeDoc(env, h, (d) => addListItem(d, list, text))
export const removeFromList = (env: AppEnv, h: DocHandle, id: string) => writeDoc(env, h, (d) => removeListItem(d, id))

export const saveProposal = (env: AppEnv, h: DocHandle, f: ProposalFields, by = recorder()) => writeDoc(env, h, (d, now) => addProposal(d, f, { now, by }))

export const screen = (env: AppEnv, h: DocHandle, proposalId: string, s: Screening, by = recorder()) =>
  writeDoc(env, h, (d, now) => screenProposal(d, proposalId, { ...s, on: env.today() }, { now, by }))

export const replyToProposer = (env: AppEnv, h: DocHandle, r: { proposalId: string; how: ReplyChannel; what: string }, by = recorder()) =>
  writeDoc(env, h, (d, now) => recordProposalReply(d, { ...r, on: env.today() }, { now, by }))

/** One agenda item per listed project, in the meeting (a draft), then the fund's link to each. */
export async function tableProjects(env: AppEnv, meeting: DocHandle, meetingId: string, fund: DocHandle, projects: readonly { proposalId: string; title: string; budget: Fen; proposer: string }[], t: T, by = recorder()): Promise<void> {
  const items = await writeDoc(env, meeting, (d) =>
    projects.map((p) => {
      const itemId: AgendaItemId = addAgendaItem(d, {
        title: t('fund:decide.itemTitle', { title: p.title }),
        description: t('fund:decide.itemDescription', { budget: formatYuan(p.budget) }),
        proposer: p.proposer,
        source: 'residents',
        expectedMinutes: 10,
        attachments: [],
      })
      return { proposalId: p.proposalId, itemId, budget: p.budget }
    }),
  )
  await writeDoc(env, fund, (d, now) => recordTablings(d, meetingId, items, env.today(), { now, by }))
}

export const decide = (env: AppEnv, h: DocHandle, d: Omit<DecisionEntry, 'id' | 'at' | 'by'>, by = recorder()) => writeDoc(env, h, (doc, now) => recordDecision(doc, d, { now, by }))

/** What a refused fund write shows: the rule's refusal with its figures, or each field's message. */
export function useFundDescribe(): DescribeError {
  const { t } = useTranslation(['fund', 'common'])
  const errs = useErrors()
  return useMemo(
    () => (e: unknown) => {
      const detail = e instanceof DocError ? record(e.detail) : null
      if (e instanceof DocError && e.code === 'badTransition' && detail && typeof detail.reason === 'string') return { fields: {}, banner: fundRefusalText(plainT(t), detail as { reason: string }) }
      if (e instanceof DocError && e.code === 'invalidInput' && detail) {
        const fields: Record<string, string> = {}
        for (const [k, code] of Object.entries(detail)) if (typeof code === 'string') fields[k] = t(`fund:field.${code}` as 'fund:field.required')
        return { fields, banner: t('common:errors.fixFields') }
      }
      return errs.describe(e)
    },
    [t, errs],
  )
}

// Who records (记录人): typed once in a form and used for every entry this app run writes, so the
// fund's entries name a person without asking on every button. Kept for the run only.
let recorderName = ''
export const recorder = (): string => recorderName
export function useRecorder(): [string, (v: string) => void] {
  const [v, setV] = useState(recorderName)
  return [v, (next: string) => {
    recorderName = next
    setV(next)
  }]
}

/** i18next's typed `t` as the plain function the shared producers and messages take (keys they build themselves). */
export const plainT = (t: unknown): T => t as T

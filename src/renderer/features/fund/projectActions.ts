// What the projects, project, ledger and disclose screens read from a fund year's document and how
// their writes' refusals read: every rule is in src/shared (fund/*, doc/fund*.ts); this file only
// gathers the figures a screen lists and turns a refusal into words with its figures in yuan.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { DocError } from '../../../shared/doc/errors'
import { book, readDecisions, readLedger, readProposalStates } from '../../../shared/doc/fund'
import { readFundPath, setImplementation } from '../../../shared/doc/fundProjects'
import { FUND_STEPS, type FundStep } from '../../../shared/fund/fundPath'
import type { Implementation } from '../../../shared/fund/implementation'
import type { NewEntry } from '../../../shared/fund/ledger'
import { fundRefusalText } from '../../../shared/fund/messages'
import { parseYuan, type Fen } from '../../../shared/fund/money'
import type { AppEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import type { DescribeError } from '../../kit/useFormAction'
import { writeDoc } from '../../kit/write'
import type { DocHandle } from '../../sync/docs'

export interface ProjectRow {
  id: string
  title: string
  budget: Fen
  committed: Fen
  paid: Fen
  remaining: Fen
  /** The first step not yet recorded; null once all five stand. */
  step: FundStep | null
}

/** The approved projects with their money and the step they are at, by title. */
export function readProjectRows(doc: Y.Doc): ProjectRow[] {
  const decisions = readDecisions(doc)
  const ledger = readLedger(doc)
  const proposals = readProposalStates(doc)
  return [...decisions.budgets.keys()]
    .map((id) => {
      const fig = ledger.projects.get(id)
      const next = readFundPath(doc, id).find((s) => s.state !== 'done')
      return {
        id,
        title: proposals.get(id)?.proposal.title ?? id,
        budget: fig?.budget ?? decisions.budgets.get(id) ?? 0,
        committed: fig?.committed ?? 0,
        paid: fig?.paid ?? 0,
        remaining: fig?.remaining ?? 0,
        step: next ? next.step : null,
      }
    })
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1))
}

/** Books a commitment, a payment with its voucher or a correction; the rule refuses an overdraft with its figures. */
export const bookEntry = (env: AppEnv, h: DocHandle, e: NewEntry, by: string): Promise<string> => writeDoc(env, h, (doc, now) => book(doc, e, { now, by: by.trim() }))

/** Records (or corrects) a project's implementer and contract; the fund's part must fit the budget. */
export const saveImplementation = (env: AppEnv, h: DocHandle, impl: Implementation): Promise<void> => writeDoc(env, h, (doc) => setImplementation(doc, impl))

/** Where a project stands in its five steps, as the i18n key of its label. */
export const stepKey = (s: FundStep | null): string => (s === null ? 'fund:projects.allDone' : `fund:step.${s}`)
export const stepIndex = (s: FundStep): number => FUND_STEPS.indexOf(s)

/** i18next's t without its typed keys: for keys made from a rule's codes (refusals, findings). */
export type PlainT = (key: string, options?: Record<string, unknown>) => string

export function usePlainT(): PlainT {
  const { t } = useTranslation(['fund', 'common'])
  return useMemo(() => t as unknown as PlainT, [t])
}

/** What a person typed in yuan as fen, or the message saying why not. */
export function yuanInput(t: PlainT, text: string, allowNegative = false): { fen: Fen } | { error: string } {
  const r = parseYuan(text, allowNegative)
  return r.ok ? { fen: r.fen } : { error: t(`fund:moneyError.${r.error}`) }
}

/** Thrown by a form when a typed amount does not read: its message goes under the field. */
export class FieldInputError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super('field input')
    this.name = 'FieldInputError'
  }
}

/**
 * The fund screens' messages for what their writes refuse: a rule's refusal (badTransition, with a
 * reason and figures) in its own words with the amounts in yuan; a field's code in the fund's words
 * where the app's generic ones have none.
 */
export function useFundDescribe(): DescribeError {
  const t = usePlainT()
  const { i18n } = useTranslation(['fund', 'common'])
  const errs = useErrors()
  return useMemo<DescribeError>(
    () => (e) => {
      if (e instanceof FieldInputError) return { fields: e.fields, banner: t('common:errors.fixFields') }
      if (e instanceof DocError && e.code === 'badTransition' && e.detail && typeof e.detail === 'object' && 'reason' in e.detail) {
        return { fields: {}, banner: fundRefusalText(t, e.detail as { reason: string }) }
      }
      if (e instanceof DocError && e.code === 'invalidInput' && e.detail && typeof e.detail === 'object') {
        const fields: Record<string, string> = {}
        for (const [k, code] of Object.entries(e.detail as Record<string, unknown>)) {
          // The fund's own word where it has one (overBudget…), else the app's generic one.
          if (typeof code === 'string') fields[k] = i18n.exists(`fund:fieldError.${code}`) ? t(`fund:fieldError.${code}`) : t(`common:errors.field.${code}`)
        }
        return { fields, banner: t('common:errors.fixFields') }
      }
      return errs.describe(e)
    },
    [t, i18n, errs],
  )
}

// The 台账 the street office inspects, exported as XLSX workbooks for a year or a date range:
// choose the range, see how many rows each sheet will hold, then save the workbook.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { indexedYears } from '../../../shared/doc/council'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { LedgerContents } from './LedgerContents'
import { LedgerRangeFields, type RangeChoice } from './LedgerRangeFields'
import { MattersBundleExport } from './MattersBundleExport'
import { checkRange, yearRange } from './ledgerActions'

const mattersYears = (doc: Y.Doc) => indexedYears(doc, 'matters')

export function LedgersTab() {
  const { t } = useTranslation(['common', 'matters'])
  const env = useEnv()
  const { handle } = useCouncil()
  const today = env.today()
  const thisYear = Number(today.slice(0, 4))
  const recorded = useDocValue(handle.doc, mattersYears)
  // This year is always offered (meetings count even before any request is recorded), newest first.
  const years = useMemo(() => [...new Set([thisYear, ...(recorded ?? [])])].sort((a, b) => b - a), [recorded, thisYear])
  const [choice, setChoice] = useState<RangeChoice>({ mode: 'year', year: thisYear, from: `${thisYear}-01-01`, to: today })
  const checked = choice.mode === 'year' ? yearRange(choice.year) : checkRange(choice.from, choice.to)
  const range = 'problem' in checked ? null : checked
  return (
    <section aria-labelledby="ledgers-title">
      <h2 id="ledgers-title">{t('common:nav.ledgers')}</h2>
      <p className="muted">{t('matters:ledgersTab.intro')}</p>
      <LedgerRangeFields value={choice} years={years} problem={'problem' in checked ? checked.problem : null} onChange={setChoice} />
      <LedgerContents range={range} />
      <MattersBundleExport year={choice.mode === 'year' ? choice.year : thisYear} />
    </section>
  )
}

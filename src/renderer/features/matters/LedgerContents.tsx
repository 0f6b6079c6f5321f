// What the 台账 workbook of the chosen range will hold (rows per sheet, read from the documents
// when the range changes), and the button that builds and saves it as XLSX.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ledgerRowCounts, type LedgerInput, type Translate } from '../../../shared/matters/ledger'
import { useCouncil } from '../../kit/CouncilContext'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { formatDate, formatNumber } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { Table } from '../../ui/Table'
import { collectLedger, saveLedger, type LedgerRange } from './ledgerActions'

/** Typing a date fires a change per keystroke: read once it has settled. */
const SETTLE_MS = 250
const SHEETS = ['requests', 'matters', 'followUp', 'meetings'] as const

function useLedgerPreview(range: LedgerRange | null): { input: LedgerInput | null; error: unknown } {
  const env = useEnv()
  const { handle, council } = useCouncil()
  const [state, setState] = useState<{ key: string; input: LedgerInput | null; error: unknown }>({ key: '', input: null, error: null })
  const from = range?.from ?? ''
  const to = range?.to ?? ''
  const key = range ? `${from}/${to}` : ''
  useEffect(() => {
    if (!from || !to) return
    let alive = true
    const timer = setTimeout(() => {
      collectLedger(env, handle, council.id, { from, to }).then(
        (input) => alive && setState({ key, input, error: null }),
        (error: unknown) => alive && setState({ key, input: null, error }),
      )
    }, SETTLE_MS)
    return () => {
      alive = false
      clearTimeout(timer)
    }
  }, [env, handle, council.id, from, to, key])
  return state.key === key ? state : { input: null, error: null }
}

export function LedgerContents({ range }: { range: LedgerRange | null }) {
  const { t, i18n } = useTranslation('matters')
  const env = useEnv()
  const errs = useErrors()
  const { handle, council } = useCouncil()
  const { input, error } = useLedgerPreview(range)
  const { failure, run } = useAction()
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  if (!range) return null
  if (error) return <Banner kind="error">{errs.message(error)}</Banner>
  if (!input) return <p aria-live="polite">{t('ledgersTab.reading')}</p>
  const counts = ledgerRowCounts(input)
  const save = () => {
    setBusy(true)
    setSaved(false)
    void run(async () => {
      // Read again at the moment of saving: the file holds what the documents hold now.
      const fresh = await collectLedger(env, handle, council.id, range)
      const result = await saveLedger(env, council, fresh, t as unknown as Translate)
      setSaved(result.saved)
    }).finally(() => setBusy(false))
  }
  return (
    <section aria-labelledby="ledger-contents">
      <h3 id="ledger-contents">{t('ledgersTab.contents', { from: formatDate(i18n.language, range.from), to: formatDate(i18n.language, range.to) })}</h3>
      <Table labelledBy="ledger-contents" columns={[t('ledgersTab.sheet'), t('ledgersTab.rows')]} numeric={[1]}>
        {SHEETS.map((s) => (
          <tr key={s}>
            <th scope="row">{t(`ledger.${s}.sheet`)}</th>
            <td className="num">{formatNumber(i18n.language, counts[s] ?? 0)}</td>
          </tr>
        ))}
      </Table>
      {SHEETS.every((s) => !counts[s]) ? <p className="muted">{t('ledgersTab.empty')}</p> : null}
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={save}>
          {busy ? t('ledgersTab.saving') : t('ledgersTab.export')}
        </button>
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {saved ? <Banner kind="ok">{t('ledgersTab.saved')}</Banner> : null}
    </section>
  )
}

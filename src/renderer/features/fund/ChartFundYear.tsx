// The disclose tab's two charts, each followed by its figures as a table: every approved project's
// budget against what was paid, and the year's spending month by month (paid in the month and the
// running total). Amounts are drawn in yuan and listed with formatYuan.
import { useTranslation } from 'react-i18next'
import { formatYuan, yuanForCell } from '../../../shared/fund/money'
import { Table } from '../../ui/Table'
import { ChartCanvas } from './ChartCanvas'
import type { BudgetBar, MonthSpending } from './ChartData'

const BUDGET = '#5b7fb5'
const PAID = '#1d6b35'

function monthName(lang: string, year: number, month: number): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)))
}

export function ChartBudget({ bars }: { bars: readonly BudgetBar[] }) {
  const { t } = useTranslation(['fund'])
  const label = t('fund:chart.budgetTitle')
  const config = {
    type: 'bar' as const,
    data: {
      labels: bars.map((b) => b.title),
      datasets: [
        { label: t('fund:chart.budget'), data: bars.map((b) => yuanForCell(b.budget)), backgroundColor: BUDGET },
        { label: t('fund:chart.paid'), data: bars.map((b) => yuanForCell(b.paid)), backgroundColor: PAID },
      ],
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: t('fund:chart.yuan') } } } },
  }
  return (
    <figure className="fund-chart">
      <figcaption id="chart-budget-h">{label}</figcaption>
      {bars.length ? <ChartCanvas config={config} label={label} /> : <p className="muted">{t('fund:chart.empty')}</p>}
      <Table labelledBy="chart-budget-h" numeric={[1, 2]} columns={[t('fund:projects.project'), t('fund:chart.budget'), t('fund:chart.paid')]}>
        {bars.map((b) => (
          <tr key={b.projectId}>
            <th scope="row">{b.title}</th>
            <td className="num">{formatYuan(b.budget)}</td>
            <td className="num">{formatYuan(b.paid)}</td>
          </tr>
        ))}
      </Table>
    </figure>
  )
}

export function ChartSpending({ months, year }: { months: readonly MonthSpending[]; year: number }) {
  const { t, i18n } = useTranslation(['fund'])
  const label = t('fund:chart.spendingTitle', { year })
  const config = {
    type: 'line' as const,
    data: {
      labels: months.map((m) => monthName(i18n.language, year, m.month)),
      datasets: [{ label: t('fund:chart.cumulative'), data: months.map((m) => yuanForCell(m.cumulative)), borderColor: PAID, backgroundColor: PAID, stepped: true as const }],
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: t('fund:chart.yuan') } } } },
  }
  return (
    <figure className="fund-chart">
      <figcaption id="chart-spending-h">{label}</figcaption>
      <ChartCanvas config={config} label={label} />
      <Table labelledBy="chart-spending-h" numeric={[1, 2]} columns={[t('fund:chart.month'), t('fund:chart.paidInMonth'), t('fund:chart.cumulative')]}>
        {months.map((m) => (
          <tr key={m.month}>
            <th scope="row">{monthName(i18n.language, year, m.month)}</th>
            <td className="num">{formatYuan(m.paid)}</td>
            <td className="num">{formatYuan(m.cumulative)}</td>
          </tr>
        ))}
      </Table>
    </figure>
  )
}

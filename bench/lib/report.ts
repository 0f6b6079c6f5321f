// The bench's table: one row per figure with its median, p95, budget, ratio to its floor or
// baseline and verdict; floors, baselines and extra information as rows of their own.

export type Unit = 'ms' | 'MB' | '×'

export interface Budget {
  on: 'median' | 'p95'
  max: number
}

export interface Row {
  id: string
  figure: string
  unit: Unit
  median: number
  p95: number
  n: number
  /** The fastest and slowest run, for judging noise (JSON only). */
  min?: number
  max?: number
  /** Present on the figures issue 8 gives a budget; all must hold. */
  budgets?: Budget[]
  /** The median of the same figure in the run before (bench/results/latest.json), when it had it. */
  previous?: number
  kind: 'budget' | 'floor' | 'baseline' | 'info'
  ratio: string
  verdict: 'ok' | 'MISSED' | 'floor' | 'baseline' | 'info'
}

export function row(r: Omit<Row, 'verdict'>): Row {
  const verdict = r.kind === 'budget' ? (r.budgets!.every((b) => r[b.on] <= b.max) ? 'ok' : 'MISSED') : r.kind
  return { ...r, verdict }
}

export function fmt(v: number, unit: Unit): string {
  if (!Number.isFinite(v)) return '—'
  if (unit === 'MB') return `${v.toFixed(2)} MB`
  if (unit === '×') return `×${v.toFixed(2)}`
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3)} ms`
}

export const times = (a: number, b: number): string => (b > 0 ? `×${a / b >= 10 ? (a / b).toFixed(0) : (a / b).toFixed(2)}` : '—')

const budgetText = (r: Row): string =>
  r.budgets ? r.budgets.map((b) => `${b.on === 'median' ? 'p50' : 'p95'} ≤ ${fmt(b.max, r.unit).replace('×', '')}${r.unit === '×' ? '×' : ''}`).join(', ') : '—'

export function table(rows: readonly Row[]): string {
  const head = ['figure', 'median', 'p95', 'previous p50', 'budget', 'ratio to floor / baseline', 'verdict']
  const cells = rows.map((r) => [r.figure, fmt(r.median, r.unit), fmt(r.p95, r.unit), r.previous === undefined ? '—' : fmt(r.previous, r.unit), budgetText(r), r.ratio, r.verdict])
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n')
}

/** Each row's median from the run before, so the table shows what changed (rows it lacked stay without). */
export function withPrevious(rows: readonly Row[], before: readonly Pick<Row, 'id' | 'median'>[]): Row[] {
  const prev = new Map(before.map((r) => [r.id, r.median]))
  return rows.map((r) => (prev.has(r.id) ? { ...r, previous: prev.get(r.id) } : r))
}

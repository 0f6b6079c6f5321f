// The app's one data table: a scrolling wrapper (wide tables scroll inside it, not the page),
// a caption by label or heading id, a header row of column headings, and the rows a screen gives.
import type { ReactNode } from 'react'

interface Props {
  /** Column headings, in order. */
  columns: readonly ReactNode[]
  /** The id of the heading that names the table, or its name when no heading shows it. */
  labelledBy?: string
  label?: string
  className?: string
  /** Indexes of the columns holding numbers (right-aligned). */
  numeric?: readonly number[]
  /** false: no scrolling wrapper (a narrow table inside a card). */
  wrap?: boolean
  children: ReactNode
}

export function Table({ columns, labelledBy, label, className, numeric = [], wrap = true, children }: Props) {
  const table = (
    <table className={className} aria-labelledby={labelledBy} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={numeric.includes(i) ? 'num' : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  )
  return wrap ? <div className="table-wrap">{table}</div> : table
}

// What a register gives the one import screen (ImportFlow): how to parse and plan its rows,
// how to write them, its columns and cells, and its words in the user's language.
import type { ReactNode } from 'react'
import type { ExistingChoice, ImportPlan } from '../../../shared/import/merge'
import type { MergeFormat } from './MergePanel'
import type { LoadedTable, ParsedTable, useTableFile } from './TableFile'

/** What every parsed preview has, whatever the register. */
export interface PreviewShape<R extends PreviewRow = PreviewRow> {
  errorCount: number
  rows: readonly R[]
  columns: { headerRowNumber: number }
}
export interface PreviewRow {
  rowNumber: number
}

/** The words of one register's import screen, in the user's language. */
export interface ImportText {
  /** The row-number column's heading. */
  row: string
  explain: string
  choose: string
  chooseHint: string
  fileTitle: (file: string) => string
  headerRow: (row: number) => string
  sheet: (sheet: string) => string
  hasErrors: (count: number) => string
  allOrNothing: string
  ready: (count: number) => string
  importing: string
  confirm: (count: number) => string
  showErrorsOnly: string
  truncated: (shown: number) => string
}

export interface RegisterImport<P extends PreviewShape<R>, R extends PreviewRow, F> {
  text: ImportText
  readOnly: boolean
  parse: (rows: string[][]) => ParsedTable<P>
  fileError: Parameters<typeof useTableFile>[0]['fileError']
  plan: (preview: P, choice: ExistingChoice) => ImportPlan<F>
  /** Writes the plan (resolving once stored) and goes on (a notice, the register's tab). */
  write: (plan: ImportPlan<F>, fileName: string) => Promise<void>
  /** The notes under the file's title (unrecognised or missing columns, skipped rows…). */
  notes: (preview: P, loaded: LoadedTable<P>) => ReactNode
  columns: readonly { label: ReactNode; numeric?: boolean }[]
  cells: (row: R) => ReactNode[]
  /** A blocked row's problems, each as a sentence. */
  rowErrors: (row: R) => string[]
  mergeFormat: MergeFormat<F>
  matchedBy?: 'person' | 'address'
}

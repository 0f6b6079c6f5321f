// The one register import screen, for members and households alike (they differed only in what
// a row holds): choose a file, see every row with its problems and what merging will do, and
// write nothing until the secretary confirms; all rows in one transaction or none. What is
// imported comes in as a `RegisterImport`: how to parse and plan it, its columns and its words.
import { useMemo, useState, type ReactNode } from 'react'
import type { ExistingChoice, ImportPlan } from '../../../shared/import/merge'
import { Banner } from '../../ui/Banner'
import { ReadingProgress, TableFileField, useTableFile, type LoadedTable, type ParsedTable } from './TableFile'
import type { MergeFormat } from './MergePanel'
import { ImportPreview } from './ImportPreview'

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

export function ImportFlow<P extends PreviewShape<R>, R extends PreviewRow, F>({ spec }: { spec: RegisterImport<P, R, F> }) {
  const [saving, setSaving] = useState(false)
  const [choice, setChoice] = useState<ExistingChoice>('skip')
  const file = useTableFile<P>({ parse: spec.parse, fileError: spec.fileError })
  const { loaded, failure, setFailure, reading } = file
  const preview = loaded?.preview
  const { plan: planOf } = spec
  const plan = useMemo(() => (preview ? planOf(preview, choice) : null), [preview, planOf, choice])

  async function confirm() {
    if (!loaded || !plan?.ready) return
    setSaving(true)
    setFailure(null)
    try {
      await spec.write(plan, loaded.fileName)
    } catch (e) {
      file.fail(e)
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <div className="card">
        <p>{spec.text.explain}</p>
        <TableFileField label={spec.text.choose} hint={spec.text.chooseHint} disabled={reading || saving || spec.readOnly} onPick={file.pick} onError={file.fail} />
        {reading ? <ReadingProgress file={file} /> : null}
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {loaded && preview && plan ? (
        <ImportPreview spec={spec} loaded={loaded} plan={plan} choice={choice} onChoice={setChoice} saving={saving} onConfirm={() => void confirm()} file={file} />
      ) : null}
    </>
  )
}

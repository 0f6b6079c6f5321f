// A read file's preview in the register import (ImportFlow): what was recognised, the merge
// choice, whether it can be written, the confirm button, and the rows with their outcome.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExistingChoice, ImportPlan } from '../../../shared/import/merge'
import { Banner } from '../../ui/Banner'
import { Table } from '../../ui/Table'
import { MergeChoice, MergeOutcome } from './MergePanel'
import { TableReadOptions, type LoadedTable } from './TableFile'
import type { PreviewRow, PreviewShape, RegisterImport } from './importTypes'

const SHOWN_ROWS = 200

interface Props<P extends PreviewShape<R>, R extends PreviewRow, F> {
  spec: RegisterImport<P, R, F>
  loaded: LoadedTable<P>
  plan: ImportPlan<F>
  choice: ExistingChoice
  onChoice: (c: ExistingChoice) => void
  saving: boolean
  onConfirm: () => void
  file: { onlyProblems: boolean; setOnlyProblems: (v: boolean) => void; reread: Parameters<typeof TableReadOptions>[0]['onReread'] }
}

export function ImportPreview<P extends PreviewShape<R>, R extends PreviewRow, F>({ spec, loaded, plan, choice, onChoice, saving, onConfirm, file }: Props<P, R, F>) {
  const { t } = useTranslation('import')
  const { text } = spec
  const preview = loaded.preview
  const blocked = plan.counts.blocked
  const { onlyProblems, setOnlyProblems } = file
  const outcome = useMemo(() => new Map(plan.rows.map((r) => [r.rowNumber, r])), [plan])
  const isBlocked = (rowNumber: number) => outcome.get(rowNumber)?.action === 'blocked'
  const shown = useMemo(() => {
    const rows = onlyProblems && blocked > 0 ? preview.rows.filter((r) => outcome.get(r.rowNumber)?.action === 'blocked') : preview.rows
    return rows.slice(0, SHOWN_ROWS)
  }, [preview, onlyProblems, blocked, outcome])
  const columns = [{ label: text.row, numeric: true }, ...spec.columns, { label: t('merge.outcome') }]

  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{text.fileTitle(loaded.fileName)}</h2>
      <ul className="muted">
        <li>{text.headerRow(preview.columns.headerRowNumber)}</li>
        {loaded.sheetName ? <li>{text.sheet(loaded.sheetName)}</li> : null}
        {spec.notes(preview, loaded)}
      </ul>
      <TableReadOptions loaded={loaded} onReread={file.reread} />
      <MergeChoice plan={plan} choice={choice} onChoice={onChoice} disabled={saving} {...(spec.matchedBy ? { matchedBy: spec.matchedBy } : {})} />
      {blocked > 0 ? (
        <Banner kind="error">
          <p>{text.hasErrors(blocked)}</p>
          <p>{text.allOrNothing}</p>
        </Banner>
      ) : !plan.ready ? (
        <Banner kind="info">{t('merge.nothingToDo')}</Banner>
      ) : (
        <Banner kind="ok">{text.ready(plan.add.length + plan.updates.length)}</Banner>
      )}
      <div className="row">
        {/* Shown while it can apply, or until the file is fixed; not when there is nothing to write. */}
        {plan.ready || blocked > 0 ? (
          <button className="primary" disabled={!plan.ready || saving || spec.readOnly} onClick={onConfirm}>
            {saving
              ? text.importing
              : plan.rows.some((r) => r.existingId !== null)
                ? t('merge.confirm', { add: plan.add.length, update: plan.updates.length })
                : text.confirm(plan.add.length + blocked)}
          </button>
        ) : null}
        {blocked > 0 ? (
          <label className="checkbox">
            <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
            <span>{text.showErrorsOnly}</span>
          </label>
        ) : null}
      </div>
      {shown.length < (onlyProblems && blocked ? blocked : preview.rows.length) ? <p className="muted">{text.truncated(shown.length)}</p> : null}
      <Table className="preview" labelledBy="preview-title" columns={columns.map((c) => c.label)} numeric={columns.flatMap((c, i) => (c.numeric ? [i] : []))}>
        {shown.map((r) => (
          <tr key={r.rowNumber} className={isBlocked(r.rowNumber) ? 'has-error' : undefined}>
            <td className="num">{r.rowNumber}</td>
            {spec.cells(r).map((cell, i) => (
              <td key={i} className={spec.columns[i]?.numeric ? 'num' : undefined}>
                {cell}
              </td>
            ))}
            <td>
              {!isBlocked(r.rowNumber) ? (
                <MergeOutcome row={outcome.get(r.rowNumber)} format={spec.mergeFormat} />
              ) : (
                <ul className="plain">
                  {spec.rowErrors(r).map((message, i) => (
                    <li key={i}>{message}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </section>
  )
}

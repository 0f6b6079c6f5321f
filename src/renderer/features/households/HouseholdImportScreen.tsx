// Importing the register of households from the community office's spreadsheet (CSV in UTF-8 or
// GBK, or XLSX), as the member import does: a preview of every row with its problems, nothing
// written until the secretary confirms, and all rows in one transaction or none. Rows at an address
// already on the register are skipped or, if the secretary chooses, update it (kept in history).
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readHouseholds } from '../../../shared/doc/households'
import type { Household, HouseholdFields } from '../../../shared/domain/household'
import { fileErrorKey } from '../../../shared/import'
import { HOUSEHOLD_FIELD_LABEL_KEYS, householdRowErrorKey, householdTableErrorKey } from '../../../shared/import/labels'
import type { ExistingChoice } from '../../../shared/import/merge'
import { parseHouseholdTable, type HouseholdImportPreview } from '../../../shared/import/parseHouseholdTable'
import { planHouseholdImport } from '../../../shared/import/registerMerge'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { formatArea, formatDate } from '../../kit/format'
import { href, navigate } from '../../kit/router'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../../kit/CouncilContext'
import { setImportNotice } from '../import/importNotice'
import { MergeChoice, MergeOutcome, type MergeFormat } from '../import/MergePanel'
import { ReadingProgress, TableFileField, TableReadOptions, useTableFile, type ParsedTable } from '../import/TableFile'
import { importHouseholdsMerged } from './actions'
import { useHouseholdsDoc } from './register'

const SHOWN_ROWS = 200
const NONE: Household[] = []
const COLUMNS = ['building', 'unit', 'room', 'owner', 'tenant', 'areaCentiM2', 'phone'] as const

type Preview = Extract<HouseholdImportPreview, { ok: true }>

export function HouseholdImportScreen() {
  const { t } = useTranslation('households')
  const errs = useErrors()
  const { council } = useCouncil()
  const state = useHouseholdsDoc()
  return (
    <>
      <p>
        <a href={href({ name: 'council', councilId: council.id, tab: 'households' })}>{t('importScreen.back')}</a>
      </p>
      <h1>{t('importScreen.title')}</h1>
      {state.status === 'error' ? <Banner kind="error">{errs.message(state.error)}</Banner> : null}
      {state.status === 'loading' ? <p role="status">{t('loading')}</p> : null}
      {state.status === 'ready' ? <Import handle={state.handle} /> : null}
    </>
  )
}

function Import({ handle }: { handle: DocHandle }) {
  const { t, i18n } = useTranslation(['households', 'import'])
  const env = useEnv()
  const { council } = useCouncil()
  const households = useDocValue(handle.doc, readHouseholds) ?? NONE
  const [saving, setSaving] = useState(false)
  const [choice, setChoice] = useState<ExistingChoice>('skip')
  const today = env.today()
  const file = useTableFile<Preview>({
    parse: (rows): ParsedTable<Preview> => {
      const preview = parseHouseholdTable(rows, { existing: households, addedOn: today })
      return preview.ok ? { ok: true, preview } : { ok: false, message: t(householdTableErrorKey(preview.error)) }
    },
    fileError: (code) => t(fileErrorKey(code)),
  })
  const { loaded, failure, setFailure, reading, onlyProblems, setOnlyProblems } = file

  const preview = loaded?.preview
  const plan = useMemo(() => (preview ? planHouseholdImport(preview, households, today, choice) : null), [preview, households, today, choice])
  const blocked = plan?.counts.blocked ?? 0

  async function confirm() {
    if (!loaded || !plan?.ready) return
    setSaving(true)
    setFailure(null)
    try {
      const done = await importHouseholdsMerged(env, handle, council.id, plan, t('import:merge.historyBy', { file: loaded.fileName }))
      const parts = done.added > 0 || done.updated === 0 ? [t('import:merge.importedHouseholds', { count: done.added })] : []
      if (done.updated > 0) parts.push(t('import:merge.updatedHouseholds', { count: done.updated }))
      setImportNotice(`households:${council.id}`, parts.join(t('import:merge.sep')))
      navigate({ name: 'council', councilId: council.id, tab: 'households' })
    } catch (e) {
      file.fail(e)
    } finally {
      setSaving(false)
    }
  }

  const outcome = useMemo(() => new Map(plan?.rows.map((r) => [r.rowNumber, r]) ?? []), [plan])
  const isBlocked = (rowNumber: number) => outcome.get(rowNumber)?.action === 'blocked'
  const shown = useMemo(() => {
    if (!preview) return []
    const rows = onlyProblems && blocked > 0 ? preview.rows.filter((r) => outcome.get(r.rowNumber)?.action === 'blocked') : preview.rows
    return rows.slice(0, SHOWN_ROWS)
  }, [preview, onlyProblems, blocked, outcome])
  const label = (k: keyof typeof HOUSEHOLD_FIELD_LABEL_KEYS) => t(HOUSEHOLD_FIELD_LABEL_KEYS[k])
  const mergeFormat: MergeFormat<HouseholdFields> = {
    label,
    value: (field, v) => (v === null || v === undefined ? '' : field === 'areaCentiM2' ? formatArea(i18n.language, v as number) : String(v)),
  }
  const list = (items: readonly string[]) => items.join(t('importScreen.listSep'))

  return (
    <>
      <div className="card">
        <p>{t('importScreen.explain')}</p>
        <TableFileField
          label={t('importScreen.choose')}
          hint={t('importScreen.chooseHint')}
          disabled={reading || saving || handle.readOnly}
          onPick={file.pick}
          onError={file.fail}
        />
        {reading ? <ReadingProgress file={file} /> : null}
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {loaded && preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('importScreen.fileTitle', { file: loaded.fileName })}</h2>
          <ul className="muted">
            <li>{t('importScreen.headerRow', { row: preview.columns.headerRowNumber })}</li>
            {loaded.sheetName ? <li>{t('importScreen.sheet', { sheet: loaded.sheetName })}</li> : null}
            {preview.columns.unrecognised.length ? <li>{t('importScreen.unrecognisedColumns', { columns: list(preview.columns.unrecognised.map((c) => c.header)) })}</li> : null}
            {preview.columns.missing.length ? <li>{t('importScreen.missingColumns', { columns: list(preview.columns.missing.map(label)) })}</li> : null}
            {preview.columns.addressSplit ? (
              <li>{t('importScreen.addressSplit', { column: preview.columns.mapped.find((c) => c.field === 'address')?.header ?? '' })}</li>
            ) : null}
            {preview.skippedRows.length ? <li>{t('importScreen.skippedRows', { rows: list(preview.skippedRows.map(String)) })}</li> : null}
            <li>{t('importScreen.addedOn', { date: formatDate(i18n.language, today) })}</li>
          </ul>
          <TableReadOptions loaded={loaded} onReread={file.reread} />
          {plan ? <MergeChoice plan={plan} choice={choice} onChoice={setChoice} disabled={saving} matchedBy="address" /> : null}
          {blocked > 0 ? (
            <Banner kind="error">
              <p>{t('importScreen.hasErrors', { count: blocked })}</p>
              <p>{t('importScreen.allOrNothing')}</p>
            </Banner>
          ) : plan && !plan.ready ? (
            <Banner kind="info">{t('import:merge.nothingToDo')}</Banner>
          ) : (
            <Banner kind="ok">{t('importScreen.ready', { count: (plan?.add.length ?? 0) + (plan?.updates.length ?? 0) })}</Banner>
          )}
          <div className="row">
            {/* Shown while it can apply, or until the file is fixed; not when there is nothing to write. */}
            {plan?.ready || blocked > 0 ? (
              <button className="primary" disabled={!plan?.ready || saving || handle.readOnly} onClick={() => void confirm()}>
                {saving
                  ? t('importScreen.importing')
                  : plan && plan.rows.some((r) => r.existingId !== null)
                    ? t('import:merge.confirm', { add: plan.add.length, update: plan.updates.length })
                    : t('importScreen.confirm', { count: (plan?.add.length ?? 0) + blocked })}
              </button>
            ) : null}
            {blocked > 0 ? (
              <label className="checkbox">
                <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
                <span>{t('importScreen.showErrorsOnly')}</span>
              </label>
            ) : null}
          </div>
          {shown.length < (onlyProblems && blocked ? blocked : preview.rows.length) ? (
            <p className="muted">{t('importScreen.truncated', { shown: shown.length })}</p>
          ) : null}
          <div className="table-wrap">
            <table className="preview" aria-labelledby="preview-title">
              <thead>
                <tr>
                  <th scope="col" className="num">{label('row')}</th>
                  {COLUMNS.map((c) => (
                    <th scope="col" key={c} className={c === 'areaCentiM2' ? 'num' : undefined}>
                      {label(c)}
                    </th>
                  ))}
                  <th scope="col">{t('import:merge.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.rowNumber} className={isBlocked(r.rowNumber) ? 'has-error' : undefined}>
                    <td className="num">{r.rowNumber}</td>
                    <td>{r.fields.building}</td>
                    <td>{r.fields.unit}</td>
                    <td>{r.fields.room}</td>
                    <td>{r.raw.owner ?? r.fields.owner}</td>
                    <td>{r.raw.tenant ?? r.fields.tenant}</td>
                    <td className="num">{r.errors.some((e) => e.field === 'areaCentiM2') ? r.raw.areaCentiM2 : formatArea(i18n.language, r.fields.areaCentiM2)}</td>
                    <td>{r.fields.phone}</td>
                    <td>
                      {!isBlocked(r.rowNumber) ? (
                        <MergeOutcome row={outcome.get(r.rowNumber)} format={mergeFormat} />
                      ) : (
                        <ul className="plain">
                          {r.errors.filter((e) => e.code !== 'duplicateExisting').map((e, i) => (
                            <li key={i}>
                              {e.field === 'row'
                                ? t('importScreen.rowErrorWhole', { row: r.rowNumber, message: t(householdRowErrorKey(e.code), e.params ?? {}) })
                                : t('importScreen.rowError', { row: r.rowNumber, field: label(e.field), message: t(householdRowErrorKey(e.code), e.params ?? {}) })}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  )
}

// Importing the register of households from the community office's spreadsheet (CSV in UTF-8 or
// GBK, or XLSX), as the member import does: a preview of every row with its problems, nothing
// written until the secretary confirms, and all rows in one transaction or none.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readHouseholds } from '../../../shared/doc/households'
import type { Household } from '../../../shared/domain/household'
import { fileErrorKey } from '../../../shared/import'
import { HOUSEHOLD_FIELD_LABEL_KEYS, householdRowErrorKey, householdTableErrorKey } from '../../../shared/import/labels'
import { householdsToImport, parseHouseholdTable, type HouseholdImportPreview } from '../../../shared/import/parseHouseholdTable'
import { useDocValue } from '../../app/docHooks'
import { useEnv } from '../../app/env'
import { useErrors } from '../../app/errors'
import { formatArea, formatDate } from '../../app/format'
import { href, navigate } from '../../app/router'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../councils/CouncilContext'
import { TableFileField, TableReadOptions, useTableFile, type ParsedTable } from '../import/TableFile'
import { importHouseholds } from './actions'
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
  const { t, i18n } = useTranslation('households')
  const env = useEnv()
  const { council } = useCouncil()
  const households = useDocValue(handle.doc, readHouseholds) ?? NONE
  const [saving, setSaving] = useState(false)
  const today = env.today()
  const file = useTableFile<Preview>({
    parse: (rows): ParsedTable<Preview> => {
      const preview = parseHouseholdTable(rows, { existing: households, addedOn: today })
      return preview.ok ? { ok: true, preview } : { ok: false, message: t(householdTableErrorKey(preview.error)) }
    },
    fileError: (code) => t(fileErrorKey(code)),
  })
  const { loaded, failure, setFailure, reading, onlyProblems, setOnlyProblems } = file

  async function confirm() {
    if (!loaded) return
    const rows = householdsToImport(loaded.preview)
    if (!rows) return
    setSaving(true)
    setFailure(null)
    try {
      await importHouseholds(env, handle, council.id, rows)
      navigate({ name: 'council', councilId: council.id, tab: 'households' })
    } catch (e) {
      file.fail(e)
    } finally {
      setSaving(false)
    }
  }

  const preview = loaded?.preview
  const shown = useMemo(() => {
    if (!preview) return []
    const rows = onlyProblems && preview.errorCount > 0 ? preview.rows.filter((r) => r.errors.length) : preview.rows
    return rows.slice(0, SHOWN_ROWS)
  }, [preview, onlyProblems])
  const label = (k: keyof typeof HOUSEHOLD_FIELD_LABEL_KEYS) => t(HOUSEHOLD_FIELD_LABEL_KEYS[k])
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
        {reading ? <p role="status">{t('importScreen.reading')}</p> : null}
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
          {preview.errorCount > 0 ? (
            <Banner kind="error">
              <p>{t('importScreen.hasErrors', { count: preview.errorCount })}</p>
              <p>{t('importScreen.allOrNothing')}</p>
            </Banner>
          ) : (
            <Banner kind="ok">{t('importScreen.ready', { count: preview.rows.length })}</Banner>
          )}
          <div className="row">
            <button className="primary" disabled={preview.errorCount > 0 || preview.rows.length === 0 || saving || handle.readOnly} onClick={() => void confirm()}>
              {saving ? t('importScreen.importing') : t('importScreen.confirm', { count: preview.rows.length })}
            </button>
            {preview.errorCount > 0 ? (
              <label className="checkbox">
                <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
                <span>{t('importScreen.showErrorsOnly')}</span>
              </label>
            ) : null}
          </div>
          {shown.length < (onlyProblems && preview.errorCount ? preview.errorCount : preview.rows.length) ? (
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
                  <th scope="col">{t('importScreen.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.rowNumber} className={r.errors.length ? 'has-error' : undefined}>
                    <td className="num">{r.rowNumber}</td>
                    <td>{r.fields.building}</td>
                    <td>{r.fields.unit}</td>
                    <td>{r.fields.room}</td>
                    <td>{r.raw.owner ?? r.fields.owner}</td>
                    <td>{r.raw.tenant ?? r.fields.tenant}</td>
                    <td className="num">{r.errors.some((e) => e.field === 'areaCentiM2') ? r.raw.areaCentiM2 : formatArea(i18n.language, r.fields.areaCentiM2)}</td>
                    <td>{r.fields.phone}</td>
                    <td>
                      {r.errors.length === 0 ? (
                        <span className="saved">{t('importScreen.rowOk')}</span>
                      ) : (
                        <ul className="plain">
                          {r.errors.map((e, i) => (
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

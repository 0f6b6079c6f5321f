// Importing a register from the community office's spreadsheet (CSV in UTF-8 or GBK, or XLSX):
// a preview of every row with its problems, and nothing written until the secretary confirms.
// Rows with problems block the import: it is all or nothing.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readMembers } from '../../../shared/doc/council'
import { isMemberOn, type Member } from '../../../shared/domain/member'
import { FIELD_LABEL_KEYS, fileErrorKey, membersToImport, parseMemberTable, rowErrorKey, tableErrorKey, type MemberImportPreview } from '../../../shared/import'
import { useDocValue } from '../../app/docHooks'
import { useEnv } from '../../app/env'
import { formatArea, formatDate } from '../../app/format'
import { href, navigate } from '../../app/router'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../councils/CouncilContext'
import { TableFileField, TableReadOptions, useTableFile, type ParsedTable } from '../import/TableFile'
import { importMembers } from './actions'

const SHOWN_ROWS = 200
const NO_MEMBERS: Member[] = []
const COLUMNS = ['name', 'role', 'building', 'unit', 'room', 'areaCentiM2', 'phone', 'joinedOn', 'leftOn'] as const

type Preview = Extract<MemberImportPreview, { ok: true }>

export function ImportScreen() {
  const { t, i18n } = useTranslation(['import', 'members', 'common'])
  const env = useEnv()
  const { handle, council } = useCouncil()
  const members = useDocValue(handle.doc, readMembers) ?? NO_MEMBERS
  const [saving, setSaving] = useState(false)
  const file = useTableFile<Preview>({
    parse: (rows): ParsedTable<Preview> => {
      const today = env.today()
      const preview = parseMemberTable(rows, { existing: members.filter((m) => isMemberOn(m, today)), defaultJoinedOn: council.termStart })
      return preview.ok ? { ok: true, preview } : { ok: false, message: t(tableErrorKey(preview.error)) }
    },
    fileError: (code) => t(fileErrorKey(code)),
  })
  const { loaded, failure, setFailure, reading, onlyProblems, setOnlyProblems } = file

  async function confirm() {
    if (!loaded) return
    const rows = membersToImport(loaded.preview)
    if (!rows) return
    setSaving(true)
    setFailure(null)
    try {
      await importMembers(env, handle, rows)
      navigate({ name: 'council', councilId: council.id, tab: 'members' })
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

  return (
    <>
      <p>
        <a href={href({ name: 'council', councilId: council.id, tab: 'members' })}>{t('import:preview.backToMembers')}</a>
      </p>
      <h1>{t('import:preview.title')}</h1>
      <div className="card">
        <p>{t('import:preview.explain')}</p>
        <TableFileField
          label={t('import:preview.choose')}
          hint={t('import:preview.chooseHint')}
          disabled={reading || saving || handle.readOnly}
          onPick={file.pick}
          onError={file.fail}
        />
        {reading ? <p role="status">{t('import:preview.reading')}</p> : null}
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {loaded && preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('import:preview.fileTitle', { file: loaded.fileName })}</h2>
          <ul className="muted">
            <li>{t('import:preview.headerRow', { row: preview.columns.headerRowNumber })}</li>
            {loaded.sheetName ? <li>{t('import:preview.sheet', { sheet: loaded.sheetName })}</li> : null}
            {preview.columns.unrecognised.length ? (
              <li>{t('import:preview.unrecognisedColumns', { columns: preview.columns.unrecognised.map((c) => c.header).join('、') })}</li>
            ) : null}
            {preview.columns.missing.includes('role') ? <li>{t('import:preview.noRoleColumn')}</li> : null}
            {preview.columns.missing.includes('joinedOn') ? <li>{t('import:preview.noJoinedColumn', { date: formatDate(i18n.language, council.termStart) })}</li> : null}
            {preview.columns.addressSplit ? (
              <li>{t('import:preview.addressSplit', { column: preview.columns.mapped.find((c) => c.field === 'address')?.header ?? '' })}</li>
            ) : null}
            {preview.skippedRows.length ? <li>{t('import:preview.skippedRows', { rows: preview.skippedRows.join('、') })}</li> : null}
          </ul>
          <TableReadOptions loaded={loaded} onReread={file.reread} />
          {preview.errorCount > 0 ? (
            <Banner kind="error">
              <p>{t('import:preview.hasErrors', { count: preview.errorCount })}</p>
              <p>{t('import:preview.allOrNothing')}</p>
            </Banner>
          ) : (
            <Banner kind="ok">{t('import:preview.ready', { count: preview.rows.length })}</Banner>
          )}
          <div className="row">
            <button className="primary" disabled={preview.errorCount > 0 || preview.rows.length === 0 || saving} onClick={() => void confirm()}>
              {saving ? t('import:preview.importing') : t('import:preview.confirm', { count: preview.rows.length })}
            </button>
            {preview.errorCount > 0 ? (
              <label className="checkbox">
                <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
                <span>{t('import:preview.showErrorsOnly')}</span>
              </label>
            ) : null}
          </div>
          {shown.length < (onlyProblems && preview.errorCount ? preview.errorCount : preview.rows.length) ? (
            <p className="muted">{t('import:preview.truncated', { shown: shown.length })}</p>
          ) : null}
          <div className="table-wrap">
            <table className="preview" aria-labelledby="preview-title">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('import:fields.row')}</th>
                  {COLUMNS.map((c) => (
                    <th scope="col" key={c}>{t(`import:${FIELD_LABEL_KEYS[c]}`)}</th>
                  ))}
                  <th scope="col">{t('import:preview.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.rowNumber} className={r.errors.length ? 'has-error' : undefined}>
                    <td className="num">{r.rowNumber}</td>
                    <td>{r.raw.name ?? r.fields.name}</td>
                    <td>{r.raw.role ?? t(`common:enums.role.${r.fields.role}`)}</td>
                    <td>{r.fields.building}</td>
                    <td>{r.fields.unit}</td>
                    <td>{r.fields.room}</td>
                    <td className="num">{r.errors.some((e) => e.field === 'areaCentiM2') ? r.raw.areaCentiM2 : formatArea(i18n.language, r.fields.areaCentiM2)}</td>
                    <td>{r.fields.phone}</td>
                    <td>{r.raw.joinedOn ?? r.fields.joinedOn}</td>
                    <td>{r.raw.leftOn ?? r.fields.leftOn ?? ''}</td>
                    <td>
                      {r.errors.length === 0 ? (
                        <span className="saved">{t('import:preview.rowOk')}</span>
                      ) : (
                        <ul className="plain">
                          {r.errors.map((e, i) => (
                            <li key={i}>
                              {e.field === 'row'
                                ? t('import:preview.rowErrorWhole', { row: r.rowNumber, message: t(rowErrorKey(e.code), e.params ?? {}) })
                                : t('import:preview.rowError', { row: r.rowNumber, field: t(`import:${FIELD_LABEL_KEYS[e.field]}`), message: t(rowErrorKey(e.code), e.params ?? {}) })}
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

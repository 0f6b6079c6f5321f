// Importing a register from the community office's spreadsheet (CSV in UTF-8 or GBK, or XLSX):
// a preview of every row with its problems, and nothing written until the secretary confirms.
// Rows with problems block the import: it is all or nothing. Rows that match someone already on
// the register are skipped or, if the secretary chooses, update that member (kept in history).
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readMembers } from '../../../shared/doc/council'
import { isMemberOn, type Member } from '../../../shared/domain/member'
import { FIELD_LABEL_KEYS, fileErrorKey, parseMemberTable, rowErrorKey, tableErrorKey, type MemberImportPreview } from '../../../shared/import'
import type { ExistingChoice } from '../../../shared/import/merge'
import { planMemberImport } from '../../../shared/import/registerMerge'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatArea, formatDate } from '../../kit/format'
import { href, navigate } from '../../kit/router'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../../kit/CouncilContext'
import { setImportNotice } from '../import/importNotice'
import { MergeChoice, MergeOutcome } from '../import/MergePanel'
import { ReadingProgress, TableFileField, TableReadOptions, useTableFile, type ParsedTable } from '../import/TableFile'
import { importMembersMerged } from './actions'
import { useMemberMergeFormat } from './mergeFormat'

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
  const [choice, setChoice] = useState<ExistingChoice>('skip')
  const today = env.today()
  const current = useMemo(() => members.filter((m) => isMemberOn(m, today)), [members, today])
  const mergeFormat = useMemberMergeFormat()
  const file = useTableFile<Preview>({
    parse: (rows): ParsedTable<Preview> => {
      const preview = parseMemberTable(rows, { existing: current, defaultJoinedOn: council.termStart })
      return preview.ok ? { ok: true, preview } : { ok: false, message: t(tableErrorKey(preview.error)) }
    },
    fileError: (code) => t(fileErrorKey(code)),
  })
  const { loaded, failure, setFailure, reading, onlyProblems, setOnlyProblems } = file

  const preview = loaded?.preview
  const plan = useMemo(() => (preview ? planMemberImport(preview, current, council.termStart, choice) : null), [preview, current, council.termStart, choice])
  const blocked = plan?.counts.blocked ?? 0

  async function confirm() {
    if (!plan?.ready) return
    setSaving(true)
    setFailure(null)
    try {
      const done = await importMembersMerged(env, handle, plan)
      const parts = done.added > 0 || done.updated === 0 ? [t('import:preview.imported', { count: done.added })] : []
      if (done.updated > 0) parts.push(t('import:merge.updatedMembers', { count: done.updated }))
      setImportNotice(`members:${council.id}`, parts.join(t('import:merge.sep')))
      navigate({ name: 'council', councilId: council.id, tab: 'members' })
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
        {reading ? <ReadingProgress file={file} /> : null}
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
          {plan ? <MergeChoice plan={plan} choice={choice} onChoice={setChoice} disabled={saving} /> : null}
          {blocked > 0 ? (
            <Banner kind="error">
              <p>{t('import:preview.hasErrors', { count: blocked })}</p>
              <p>{t('import:preview.allOrNothing')}</p>
            </Banner>
          ) : plan && !plan.ready ? (
            <Banner kind="info">{t('import:merge.nothingToDo')}</Banner>
          ) : (
            <Banner kind="ok">{t('import:preview.ready', { count: (plan?.add.length ?? 0) + (plan?.updates.length ?? 0) })}</Banner>
          )}
          <div className="row">
            {/* Shown while it can apply, or until the file is fixed; not when there is nothing to write. */}
            {plan?.ready || blocked > 0 ? (
              <button className="primary" disabled={!plan?.ready || saving || handle.readOnly} onClick={() => void confirm()}>
                {saving
                  ? t('import:preview.importing')
                  : plan && plan.rows.some((r) => r.existingId !== null)
                    ? t('import:merge.confirm', { add: plan.add.length, update: plan.updates.length })
                    : t('import:preview.confirm', { count: (plan?.add.length ?? 0) + blocked })}
              </button>
            ) : null}
            {blocked > 0 ? (
              <label className="checkbox">
                <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
                <span>{t('import:preview.showErrorsOnly')}</span>
              </label>
            ) : null}
          </div>
          {shown.length < (onlyProblems && blocked ? blocked : preview.rows.length) ? (
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
                  <th scope="col">{t('import:merge.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.rowNumber} className={isBlocked(r.rowNumber) ? 'has-error' : undefined}>
                    <td className="num">{r.rowNumber}</td>
                    <td>{r.raw.name ?? r.fields.name}</td>
                    <td>{r.raw.role ?? t(`common:enums.role.${r.fields.role}`)}</td>
                    <td>{r.fields.building}</td>
                    <td>{r.fields.unit}</td>
                    <td>{r.fields.room}</td>
                    <td className="num">{r.errors.some((e) => e.field === 'areaCentiM2') ? r.raw.areaCentiM2 : formatArea(i18n.language, r.fields.areaCentiM2)}</td>
                    <td>{r.fields.phone}</td>
                    <td>{r.errors.some((e) => e.field === 'joinedOn') ? r.raw.joinedOn : formatDate(i18n.language, r.fields.joinedOn)}</td>
                    <td>{r.errors.some((e) => e.field === 'leftOn') ? r.raw.leftOn : r.fields.leftOn ? formatDate(i18n.language, r.fields.leftOn) : ''}</td>
                    <td>
                      {!isBlocked(r.rowNumber) ? (
                        <MergeOutcome row={outcome.get(r.rowNumber)} format={mergeFormat} />
                      ) : (
                        <ul className="plain">
                          {r.errors.filter((e) => e.code !== 'duplicateExisting').map((e, i) => (
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

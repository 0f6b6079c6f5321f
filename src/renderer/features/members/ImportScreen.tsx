// Importing a register of members from the community office's spreadsheet (CSV in UTF-8 or GBK,
// or XLSX), through the one import screen (features/import/ImportFlow): rows with problems block
// the import, all or nothing; rows that match someone already on the register are skipped or, if
// the secretary chooses, update that member (kept in history).
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { readMembers } from '../../../shared/doc/council'
import { isMemberOn, type Member, type MemberFields } from '../../../shared/domain/member'
import { FIELD_LABEL_KEYS, fileErrorKey, parseMemberTable, rowErrorKey, tableErrorKey, type MemberImportPreview } from '../../../shared/import'
import type { ExistingChoice } from '../../../shared/import/merge'
import { planMemberImport } from '../../../shared/import/registerMerge'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatArea, formatDate } from '../../kit/format'
import { href, navigate } from '../../kit/router'
import { useCouncil } from '../../kit/CouncilContext'
import { setImportNotice } from '../import/importNotice'
import { ImportFlow } from '../import/ImportFlow'
import type { RegisterImport } from '../import/importTypes'
import { importMembersMerged } from './actions'
import { useMemberMergeFormat } from './mergeFormat'

const NO_MEMBERS: Member[] = []
const COLUMNS = ['name', 'role', 'building', 'unit', 'room', 'areaCentiM2', 'phone', 'joinedOn', 'leftOn'] as const

type Preview = Extract<MemberImportPreview, { ok: true }>
type Row = Preview['rows'][number]

export function ImportScreen() {
  const { t, i18n } = useTranslation(['import', 'members', 'common'])
  const { council } = useCouncil()
  const spec = useMemberImport(t, i18n.language)
  return (
    <>
      <p>
        <a href={href({ name: 'council', councilId: council.id, tab: 'members' })}>{t('import:preview.backToMembers')}</a>
      </p>
      <h1>{t('import:preview.title')}</h1>
      <ImportFlow spec={spec} />
    </>
  )
}

function useMemberImport(t: ReturnType<typeof useTranslation<['import', 'members', 'common']>>['t'], lang: string): RegisterImport<Preview, Row, MemberFields> {
  const env = useEnv()
  const { handle, council } = useCouncil()
  const members = useDocValue(handle.doc, readMembers) ?? NO_MEMBERS
  const today = env.today()
  const current = useMemo(() => members.filter((m) => isMemberOn(m, today)), [members, today])
  const mergeFormat = useMemberMergeFormat()
  const plan = useCallback((preview: Preview, choice: ExistingChoice) => planMemberImport(preview, current, council.termStart, choice), [current, council.termStart])
  const bad = (r: Row, field: keyof MemberFields) => r.errors.some((e) => e.field === field)
  return {
    text: {
      row: t('import:fields.row'),
      explain: t('import:preview.explain'),
      choose: t('import:preview.choose'),
      chooseHint: t('import:preview.chooseHint'),
      fileTitle: (file) => t('import:preview.fileTitle', { file }),
      headerRow: (row) => t('import:preview.headerRow', { row }),
      sheet: (sheet) => t('import:preview.sheet', { sheet }),
      hasErrors: (count) => t('import:preview.hasErrors', { count }),
      allOrNothing: t('import:preview.allOrNothing'),
      ready: (count) => t('import:preview.ready', { count }),
      importing: t('import:preview.importing'),
      confirm: (count) => t('import:preview.confirm', { count }),
      showErrorsOnly: t('import:preview.showErrorsOnly'),
      truncated: (shown) => t('import:preview.truncated', { shown }),
    },
    readOnly: handle.readOnly,
    parse: (rows) => {
      const preview = parseMemberTable(rows, { existing: current, defaultJoinedOn: council.termStart })
      return preview.ok ? { ok: true, preview } : { ok: false, message: t(tableErrorKey(preview.error)) }
    },
    fileError: (code) => t(fileErrorKey(code)),
    plan,
    write: async (p) => {
      const done = await importMembersMerged(env, handle, p)
      const parts = done.added > 0 || done.updated === 0 ? [t('import:preview.imported', { count: done.added })] : []
      if (done.updated > 0) parts.push(t('import:merge.updatedMembers', { count: done.updated }))
      setImportNotice(`members:${council.id}`, parts.join(t('import:merge.sep')))
      navigate({ name: 'council', councilId: council.id, tab: 'members' })
    },
    notes: (preview) => (
      <>
        {preview.columns.unrecognised.length ? <li>{t('import:preview.unrecognisedColumns', { columns: preview.columns.unrecognised.map((c) => c.header).join('、') })}</li> : null}
        {preview.columns.missing.includes('role') ? <li>{t('import:preview.noRoleColumn')}</li> : null}
        {preview.columns.missing.includes('joinedOn') ? <li>{t('import:preview.noJoinedColumn', { date: formatDate(lang, council.termStart) })}</li> : null}
        {preview.columns.addressSplit ? <li>{t('import:preview.addressSplit', { column: preview.columns.mapped.find((c) => c.field === 'address')?.header ?? '' })}</li> : null}
        {preview.skippedRows.length ? <li>{t('import:preview.skippedRows', { rows: preview.skippedRows.join('、') })}</li> : null}
      </>
    ),
    columns: COLUMNS.map((c) => ({ label: t(`import:${FIELD_LABEL_KEYS[c]}`), numeric: c === 'areaCentiM2' })),
    cells: (r) => [
      r.raw.name ?? r.fields.name,
      r.raw.role ?? t(`common:enums.role.${r.fields.role}`),
      r.fields.building,
      r.fields.unit,
      r.fields.room,
      bad(r, 'areaCentiM2') ? r.raw.areaCentiM2 : formatArea(lang, r.fields.areaCentiM2),
      r.fields.phone,
      bad(r, 'joinedOn') ? r.raw.joinedOn : formatDate(lang, r.fields.joinedOn),
      bad(r, 'leftOn') ? r.raw.leftOn : r.fields.leftOn ? formatDate(lang, r.fields.leftOn) : '',
    ],
    rowErrors: (r) =>
      r.errors
        .filter((e) => e.code !== 'duplicateExisting')
        .map((e) =>
          e.field === 'row'
            ? t('import:preview.rowErrorWhole', { row: r.rowNumber, message: t(rowErrorKey(e.code), e.params ?? {}) })
            : t('import:preview.rowError', { row: r.rowNumber, field: t(`import:${FIELD_LABEL_KEYS[e.field]}`), message: t(rowErrorKey(e.code), e.params ?? {}) }),
        ),
    mergeFormat,
  }
}

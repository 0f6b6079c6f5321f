// Importing the register of households from the community office's spreadsheet (CSV in UTF-8 or
// GBK, or XLSX), through the one import screen (features/import/ImportFlow), as members are:
// all rows in one transaction or none; rows at an address already on the register are skipped
// or, if the secretary chooses, update it (kept in history).
import { useCallback } from 'react'
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
import { ImportFlow } from '../import/ImportFlow'
import type { RegisterImport } from '../import/importTypes'
import { importHouseholdsMerged } from './actions'
import { useHouseholdsDoc } from './register'

const NONE: Household[] = []
const COLUMNS = ['building', 'unit', 'room', 'owner', 'tenant', 'areaCentiM2', 'phone'] as const

type Preview = Extract<HouseholdImportPreview, { ok: true }>
type Row = Preview['rows'][number]

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
  return <ImportFlow spec={useHouseholdImport(handle)} />
}

function useHouseholdImport(handle: DocHandle): RegisterImport<Preview, Row, HouseholdFields> {
  const { t, i18n } = useTranslation(['households', 'import'])
  const lang = i18n.language
  const env = useEnv()
  const { council } = useCouncil()
  const households = useDocValue(handle.doc, readHouseholds) ?? NONE
  const today = env.today()
  const plan = useCallback((preview: Preview, choice: ExistingChoice) => planHouseholdImport(preview, households, today, choice), [households, today])
  const label = (k: keyof typeof HOUSEHOLD_FIELD_LABEL_KEYS) => t(HOUSEHOLD_FIELD_LABEL_KEYS[k])
  const list = (items: readonly string[]) => items.join(t('importScreen.listSep'))
  return {
    text: {
      row: label('row'),
      explain: t('importScreen.explain'),
      choose: t('importScreen.choose'),
      chooseHint: t('importScreen.chooseHint'),
      fileTitle: (file) => t('importScreen.fileTitle', { file }),
      headerRow: (row) => t('importScreen.headerRow', { row }),
      sheet: (sheet) => t('importScreen.sheet', { sheet }),
      hasErrors: (count) => t('importScreen.hasErrors', { count }),
      allOrNothing: t('importScreen.allOrNothing'),
      ready: (count) => t('importScreen.ready', { count }),
      importing: t('importScreen.importing'),
      confirm: (count) => t('importScreen.confirm', { count }),
      showErrorsOnly: t('importScreen.showErrorsOnly'),
      truncated: (shown) => t('importScreen.truncated', { shown }),
    },
    readOnly: handle.readOnly,
    parse: (rows) => {
      const preview = parseHouseholdTable(rows, { existing: households, addedOn: today })
      return preview.ok ? { ok: true, preview } : { ok: false, message: t(householdTableErrorKey(preview.error)) }
    },
    fileError: (code) => t(fileErrorKey(code)),
    plan,
    write: async (p, fileName) => {
      const done = await importHouseholdsMerged(env, handle, council.id, p, t('import:merge.historyBy', { file: fileName }))
      const parts = done.added > 0 || done.updated === 0 ? [t('import:merge.importedHouseholds', { count: done.added })] : []
      if (done.updated > 0) parts.push(t('import:merge.updatedHouseholds', { count: done.updated }))
      setImportNotice(`households:${council.id}`, parts.join(t('import:merge.sep')))
      navigate({ name: 'council', councilId: council.id, tab: 'households' })
    },
    notes: (preview) => (
      <>
        {preview.columns.unrecognised.length ? <li>{t('importScreen.unrecognisedColumns', { columns: list(preview.columns.unrecognised.map((c) => c.header)) })}</li> : null}
        {preview.columns.missing.length ? <li>{t('importScreen.missingColumns', { columns: list(preview.columns.missing.map(label)) })}</li> : null}
        {preview.columns.addressSplit ? <li>{t('importScreen.addressSplit', { column: preview.columns.mapped.find((c) => c.field === 'address')?.header ?? '' })}</li> : null}
        {preview.skippedRows.length ? <li>{t('importScreen.skippedRows', { rows: list(preview.skippedRows.map(String)) })}</li> : null}
        <li>{t('importScreen.addedOn', { date: formatDate(lang, today) })}</li>
      </>
    ),
    columns: COLUMNS.map((c) => ({ label: label(c), numeric: c === 'areaCentiM2' })),
    cells: (r) => [
      r.fields.building,
      r.fields.unit,
      r.fields.room,
      r.raw.owner ?? r.fields.owner,
      r.raw.tenant ?? r.fields.tenant,
      r.errors.some((e) => e.field === 'areaCentiM2') ? r.raw.areaCentiM2 : formatArea(lang, r.fields.areaCentiM2),
      r.fields.phone,
    ],
    rowErrors: (r) =>
      r.errors
        .filter((e) => e.code !== 'duplicateExisting')
        .map((e) =>
          e.field === 'row'
            ? t('importScreen.rowErrorWhole', { row: r.rowNumber, message: t(householdRowErrorKey(e.code), e.params ?? {}) })
            : t('importScreen.rowError', { row: r.rowNumber, field: label(e.field), message: t(householdRowErrorKey(e.code), e.params ?? {}) }),
        ),
    mergeFormat: {
      label,
      value: (field, v) => (v === null || v === undefined ? '' : field === 'areaCentiM2' ? formatArea(lang, v as number) : String(v)),
    },
    matchedBy: 'address',
  }
}

// What was changed about a household, when and by whom: the history is appended to, never rewritten.
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readHouseholdHistory } from '../../../shared/doc/households'
import { HOUSEHOLD_FIELDS, type HouseholdFields, type HouseholdId } from '../../../shared/domain/household'
import { areaToText } from '../../../shared/domain/member'
import { HOUSEHOLD_FIELD_LABEL_KEYS } from '../../../shared/import/labels'
import { useDocValue } from '../../kit/docHooks'
import { formatDate, formatInstant } from '../../kit/format'

type FieldKey = keyof HouseholdFields

export function HouseholdHistory({ doc, householdId }: { doc: Y.Doc; householdId: HouseholdId }) {
  const { t, i18n } = useTranslation('households')
  const read = useCallback((d: Y.Doc) => readHouseholdHistory(d, householdId), [householdId])
  const history = useDocValue(doc, read) ?? []
  const show = (field: FieldKey, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('history.empty')
    if (field === 'areaCentiM2' && typeof value === 'number') return areaToText(value)
    if ((field === 'addedOn' || field === 'removedOn') && typeof value === 'string') return formatDate(i18n.language, value)
    return String(value)
  }
  return (
    <section className="card" aria-labelledby="household-history">
      <h2 id="household-history">{t('history.title')}</h2>
      {history.length === 0 ? (
        <p className="muted">{t('history.none')}</p>
      ) : (
        <ul>
          {history.map((h, i) => {
            const changes = Object.entries(h.changes)
              .filter((entry): entry is [FieldKey, [unknown, unknown]] => (HOUSEHOLD_FIELDS as readonly string[]).includes(entry[0]) && Array.isArray(entry[1]))
              .map(([field, [from, to]]) => t('history.change', { field: t(HOUSEHOLD_FIELD_LABEL_KEYS[field]), from: show(field, from), to: show(field, to) }))
              .join(t('history.sep'))
            const when = formatInstant(i18n.language, h.at)
            return <li key={i}>{h.by.trim() ? t('history.entryBy', { when, by: h.by, changes }) : t('history.entry', { when, changes })}</li>
          })}
        </ul>
      )}
    </section>
  )
}

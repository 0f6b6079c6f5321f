// What was changed about a member, and when: the register's history is never rewritten.
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { MemberId } from '../../../shared/domain/ids'
import { readMemberHistory } from '../../../shared/doc/council'
import { areaToText } from '../../../shared/domain/member'
import { useDocValue } from '../../kit/docHooks'
import { formatInstant } from '../../kit/format'
import { useCouncil } from '../../kit/CouncilContext'

const FIELD_KEYS = ['name', 'role', 'building', 'unit', 'room', 'areaCentiM2', 'phone', 'joinedOn', 'leftOn'] as const
type FieldKey = (typeof FIELD_KEYS)[number]

export function MemberHistory({ memberId }: { memberId: MemberId }) {
  const { t, i18n } = useTranslation(['members', 'common'])
  const { handle } = useCouncil()
  const read = useCallback((doc: Y.Doc) => readMemberHistory(doc, memberId), [memberId])
  const history = useDocValue(handle.doc, read) ?? []
  const show = (field: FieldKey, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('members:history.empty')
    if (field === 'areaCentiM2' && typeof value === 'number') return areaToText(value)
    if (field === 'role' && typeof value === 'string') return t(`common:enums.role.${value as 'chair'}`)
    return String(value)
  }
  return (
    <section className="card" aria-labelledby="member-history">
      <h2 id="member-history">{t('members:history.title')}</h2>
      {history.length === 0 ? (
        <p className="muted">{t('members:history.none')}</p>
      ) : (
        <ul>
          {history.map((h, i) => (
            <li key={i}>
              {formatInstant(i18n.language, h.at)}:{' '}
              {Object.entries(h.changes)
                .filter((entry): entry is [FieldKey, [unknown, unknown]] => (FIELD_KEYS as readonly string[]).includes(entry[0]))
                .map(([field, [from, to]]) => t('members:history.change', { field: t(`members:fields.${field}`), from: show(field, from), to: show(field, to) }))
                .join('; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

// How a member's imported change reads in the import preview ("电话：139… → 138…"): the column's
// label and the value as the register shows it (a role's name, an area, a date in the language).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberFields } from '../../../shared/domain/member'
import { FIELD_LABEL_KEYS } from '../../../shared/import'
import { formatArea, formatDate } from '../../kit/format'
import type { MergeFormat } from '../import/MergePanel'

export function useMemberMergeFormat(): MergeFormat<MemberFields> {
  const { t, i18n } = useTranslation(['import', 'common'])
  const lang = i18n.language
  return useMemo(
    () => ({
      label: (field) => t(`import:${FIELD_LABEL_KEYS[field]}`),
      value: (field, v) => {
        if (v === null || v === undefined) return ''
        if (field === 'role') return t(`common:enums.role.${v as MemberFields['role']}`)
        if (field === 'areaCentiM2') return formatArea(lang, v as number)
        if (field === 'joinedOn' || field === 'leftOn') return formatDate(lang, String(v))
        return String(v)
      },
    }),
    [t, lang],
  )
}

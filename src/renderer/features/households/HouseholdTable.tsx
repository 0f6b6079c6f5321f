// The register's list: the households matching the search, PAGE more at a time (a register holds
// thousands), each with its edit button.
import { useTranslation } from 'react-i18next'
import { isOnRegister, type Household } from '../../../shared/domain/household'
import { HOUSEHOLD_FIELD_LABEL_KEYS } from '../../../shared/import/labels'
import { formatArea, formatDate } from '../../kit/format'
import { Table } from '../../ui/Table'
import { formatAddress } from './register'

export const PAGE = 200

interface Props {
  matching: readonly Household[]
  limit: number
  onMore: () => void
  today: string
  readOnly: boolean
  onEdit: (h: Household) => void
}

export function HouseholdTable({ matching, limit, onMore, today, readOnly, onEdit }: Props) {
  const { t, i18n } = useTranslation(['households', 'common'])
  const lang = i18n.language
  const shown = matching.slice(0, limit)
  const label = (k: 'owner' | 'tenant' | 'phone') => t(`households:${HOUSEHOLD_FIELD_LABEL_KEYS[k]}`)
  const columns = [t('households:columns.address'), label('owner'), label('tenant'), t('households:columns.areaShort'), label('phone'), t('households:columns.addedOn'), t('households:columns.removedOn')]
  return (
    <>
      <Table labelledBy="households-title" numeric={[3]} columns={[...columns, <span className="skip">{t('common:actions.edit')}</span>]}>
        {shown.map((h) => (
          <tr key={h.id} className={isOnRegister(h, today) ? undefined : 'muted'}>
            <td>{formatAddress(t, h)}</td>
            <td>{h.owner}</td>
            <td>{h.tenant}</td>
            <td className="num">{formatArea(lang, h.areaCentiM2)}</td>
            <td>{h.phone}</td>
            <td>{formatDate(lang, h.addedOn)}</td>
            <td>{h.removedOn ? t('households:removedOn', { date: formatDate(lang, h.removedOn) }) : ''}</td>
            <td>
              {!readOnly ? (
                <button className="small" onClick={() => onEdit(h)} aria-label={t('households:editTitle', { address: formatAddress(t, h) || h.owner })}>
                  {t('common:actions.edit')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </Table>
      {shown.length < matching.length ? (
        <div className="row">
          <p className="muted">{t('households:shownOf', { shown: shown.length, count: matching.length })}</p>
          <button onClick={onMore}>{t('households:showMore', { count: Math.min(PAGE, matching.length - shown.length) })}</button>
        </div>
      ) : null}
    </>
  )
}

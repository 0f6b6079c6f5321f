// The automatic review checklist (quorum, thresholds, recusals, signatures, notice periods,
// objections), one line per finding, each with its status and what it found.
import { useTranslation } from 'react-i18next'
import { isIsoDate } from '../../../shared/domain/dates'
import type { ChecklistItem } from '../../../shared/minutes/review'
import { StatusPill } from '../../ui/StatusPill'
import { formatDate } from '../../kit/format'

/** A finding's text: by its reason when it has one (each failure says what is wrong), else by its status. */
const detailKey = (item: ChecklistItem) => `detail.${item.id}.${typeof item.detail.reason === 'string' ? item.detail.reason : item.status}`


export function Checklist({ items, about }: { items: readonly ChecklistItem[]; about?: (ref: NonNullable<ChecklistItem['ref']>) => string | null }) {
  const { t, i18n } = useTranslation('review')
  const values = (d: ChecklistItem['detail']) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, typeof v === 'string' && isIsoDate(v) ? formatDate(i18n.language, v) : v]))
  return (
    <table className="checklist">
      <thead>
        <tr>
          <th scope="col">{t('checklist.item')}</th>
          <th scope="col">{t('checklist.status')}</th>
          <th scope="col">{t('checklist.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => (
          <tr key={`${item.id}-${i}`} data-check={item.id} data-status={item.status}>
            <th scope="row">{t(`check.${item.id}`)}</th>
            <td>
              <StatusPill status={`check-${item.status}`} label={t(`status.${item.status}`)} />
            </td>
            <td>
              {item.ref && about ? <span className="muted">{about(item.ref)} </span> : null}
              {t(detailKey(item) as 'detail.quorum.pass', values(item.detail))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

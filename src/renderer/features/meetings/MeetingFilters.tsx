// The meeting list's filters: search by title, the year, the status.
import { useTranslation } from 'react-i18next'
import { MEETING_STATUSES, type MeetingStatus } from '../../../shared/domain/meeting'

export function MeetingFilters({
  text,
  setText,
  year,
  setYear,
  years,
  status,
  setStatus,
}: {
  text: string
  setText: (text: string) => void
  year: number | null
  setYear: (year: number | null) => void
  years: readonly number[]
  status: MeetingStatus | null
  setStatus: (status: MeetingStatus | null) => void
}) {
  const { t } = useTranslation(['meetings', 'common'])
  return (
    <div className="row" role="search">
      <label className="field">
        <span className="label">{t('meetings:filters.search')}</span>
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">{t('meetings:filters.year')}</span>
        <select value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('meetings:filters.allYears')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {t('meetings:filters.yearValue', { year: y })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">{t('meetings:filters.status')}</span>
        <select value={status ?? ''} onChange={(e) => setStatus((e.target.value || null) as MeetingStatus | null)}>
          <option value="">{t('meetings:filters.allStatuses')}</option>
          {MEETING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`common:enums.meetingStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

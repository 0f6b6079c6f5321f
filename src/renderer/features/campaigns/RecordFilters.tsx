// The recording panel's way to find a household fast: a building, a room number or a name, and
// a filter by status.
import { useTranslation } from 'react-i18next'
import type { CampaignKind } from '../../../shared/domain/campaign'

export const FILTERS = { relocation: ['all', 'unsigned', 'signed', 'withdrawn', 'conflict'], renovation: ['all', 'none', 'answered', 'conflict'] } as const
export type Filter = (typeof FILTERS)['relocation'][number] | (typeof FILTERS)['renovation'][number]

interface Props {
  buildings: readonly (readonly [string, string])[]
  kind: CampaignKind
  building: string
  onBuilding: (b: string) => void
  q: string
  onQ: (q: string) => void
  filter: Filter
  onFilter: (f: Filter) => void
}

export function RecordFilters({ buildings, kind, building, onBuilding, q, onQ, filter, onFilter }: Props) {
  const { t } = useTranslation(['campaigns', 'common'])
  return (
    <div className="row" role="search">
      <label className="field">
        <span className="label">{t('campaigns:household.building')}</span>
        <select value={building} onChange={(e) => onBuilding(e.target.value)}>
          <option value="">{t('campaigns:record.allBuildings')}</option>
          {buildings.map(([key, label]) => (
            <option key={key} value={key}>
              {label.trim() ? t('campaigns:address.building', { v: label }) : t('campaigns:overview.noBuilding')}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">{t('campaigns:record.search')}</span>
        <input type="search" value={q} onChange={(e) => onQ(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">{t('campaigns:record.filter')}</span>
        <select value={filter} onChange={(e) => onFilter(e.target.value as Filter)}>
          {FILTERS[kind].map((f) => (
            <option key={f} value={f}>
              {t(`campaigns:record.filters.${f}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

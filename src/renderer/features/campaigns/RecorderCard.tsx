// Who records, on which device, for which day: the name and the device label are remembered on
// this device (Dexie settings); the day follows today until the recorder picks another (a paper
// form signed yesterday and typed in today is dated yesterday).
import { useTranslation } from 'react-i18next'
import { MAX_DEVICE_LABEL, MAX_PERSON_NAME, type CampaignKind } from '../../../shared/domain/campaign'
import { useEnv } from '../../kit/env'
import { TextField } from '../../ui/Field'
import { saveDeviceLabel, saveRecorder } from './local'

export interface Recording {
  recorder: string
  device: string
  date: string
}

export function RecorderCard({
  value,
  kind,
  today,
  start,
  onRecorder,
  onDevice,
  onDate,
  errors,
}: {
  value: Recording
  kind: CampaignKind
  today: string
  start: string
  onRecorder: (name: string) => void
  onDevice: (label: string) => void
  onDate: (date: string | null) => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation(['campaigns', 'common'])
  const env = useEnv()
  return (
    <section className="card" aria-labelledby="recorder-title">
      <h2 id="recorder-title">{t('campaigns:record.who')}</h2>
      <div className="grid">
        <TextField
          label={t('campaigns:record.recorder')}
          hint={t('campaigns:record.recorderHint')}
          value={value.recorder}
          maxLength={MAX_PERSON_NAME}
          error={errors.recordedBy}
          autoComplete="name"
          onChange={(e) => onRecorder(e.target.value)}
          onBlur={() => void saveRecorder(env.db, value.recorder)}
        />
        <TextField
          label={t('campaigns:record.device')}
          hint={t('campaigns:record.deviceHint')}
          value={value.device}
          maxLength={MAX_DEVICE_LABEL}
          error={errors.device}
          onChange={(e) => onDevice(e.target.value)}
          onBlur={() => void saveDeviceLabel(env.db, value.device)}
        />
        <TextField
          label={kind === 'relocation' ? t('campaigns:record.date') : t('campaigns:record.dateConsent')}
          hint={value.date === today ? t('campaigns:record.dateToday') : t('campaigns:record.dateEarlier')}
          type="date"
          min={start}
          max={today}
          value={value.date}
          error={errors.date}
          onChange={(e) => onDate(e.target.value && e.target.value !== today ? e.target.value : null)}
        />
      </div>
    </section>
  )
}

// The speaking timer: time since the speech started against the council's limit. Running over
// is shown (colour and text), never blocked.
import { useTranslation } from 'react-i18next'
import { formatSeconds, useClock } from './useClock'

export function SpeakingTimer({ startedAt, limitSeconds, large = false }: { startedAt: string; limitSeconds: number; large?: boolean }) {
  const { t } = useTranslation('session')
  const now = useClock()
  const elapsed = Math.max(0, (now - Date.parse(startedAt)) / 1000)
  const over = elapsed > limitSeconds
  return (
    <div className={`timer${over ? ' over' : ''}${large ? ' large' : ''}`} role="timer" aria-live="off">
      <span className="elapsed">{formatSeconds(elapsed)}</span>
      <span className="limit"> / {formatSeconds(limitSeconds)}</span>
      {over ? <span className="over-text">{t('speech.overTime', { over: formatSeconds(elapsed - limitSeconds) })}</span> : null}
    </div>
  )
}

// On a read-only device: says that this copy holds changes the server refused (made by an older
// version, or before the device was read-only), which no other device will ever see, and offers to
// drop them: the documents' local state is deleted and the app reloads them from the server.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { errorMessage } from '../../kit/errors'
import { Banner } from '../../ui/Banner'
import { useSyncStatus } from './useSyncStatus'

export function RefusedChangesBanner({ councilId }: { councilId: string }) {
  const { t } = useTranslation('sync')
  const { t: tc } = useTranslation('common')
  const { sync } = useEnv()
  const status = useSyncStatus(councilId)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  if (status.refused === 0) return null

  async function discard() {
    setBusy(true)
    setFailure(null)
    try {
      await sync.discardRefused(councilId)
      // What is on screen is the refused copy: start again from what the server has.
      window.location.reload()
    } catch (e) {
      setFailure(t('refused.failed', { detail: errorMessage(tc, e) }))
      setBusy(false)
    }
  }

  return (
    <div className="banner warn refused-changes" role="alert">
      <p>{t('refused.text', { count: status.refused })}</p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {confirming ? (
        <div className="row" role="group" aria-label={t('refused.discard')}>
          <span>{t('refused.confirm')}</span>
          <button type="button" className="danger" disabled={busy} onClick={() => void discard()}>
            {t('refused.confirmYes')}
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            {tc('actions.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('refused.discard')}
        </button>
      )}
    </div>
  )
}

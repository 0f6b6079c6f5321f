// Drawn voter codes shown on the laptop's screen, one at a time, for members to scan: a large QR
// code of the ballot page with the code, and the code in large groups. The batch was issued in one
// go beforehand, so the order members come up says nothing in the document; closing forgets it.
import { useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useMeeting } from '../../kit/MeetingContext'
import { ballotPage } from './phoneActions'
import type { PhoneHost } from '../../kit/phoneHost'
import { QrCode } from '../../kit/QrCode'
import { CodeText, useOverlay } from '../../kit/Slips'

export function CodeScreen({ codes, host, onClose }: { codes: readonly string[]; host: PhoneHost; onClose: () => void }) {
  const { t } = useTranslation('session')
  const { handle, meeting } = useMeeting()
  const [index, setIndex] = useState(0)
  useOverlay('codes-open')
  const code = codes[index]
  return createPortal(
    <div className="overlay code-screen" role="dialog" aria-modal="true" aria-label={t('slips.screenTitle')}>
      <p className="muted">{meeting.title}</p>
      <h2>{t('slips.screenTitle')}</h2>
      {code ? (
        <>
          <p className="muted" role="status">
            {t('slips.screenCounter', { n: index + 1, total: codes.length })}
          </p>
          <div className="code-screen-body">
            {/* A new element per code, so the old one is gone from the screen at once. */}
            <QrCode key={code} text={ballotPage(host, handle.name, code)} label={t('slips.slipQr')} size={360} className="qr-code screen-qr" />
            <p className="slip-code huge-code" aria-label={t('slips.slipCode')} data-testid="screen-code">
              <CodeText code={code} />
            </p>
          </div>
          <p>{t('slips.screenHint')}</p>
        </>
      ) : (
        <p className="big">{t('slips.screenEnd')}</p>
      )}
      <div className="row">
        {code ? (
          <button className="primary huge" onClick={() => setIndex((i) => i + 1)} autoFocus>
            {t('slips.next')}
          </button>
        ) : null}
        <button onClick={onClose}>{t('slips.done')}</button>
      </div>
    </div>,
    document.body,
  )
}

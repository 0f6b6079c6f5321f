// The sheet of voter slips to print (A4, six to a page in type of 12 pt and more, dashed lines to cut along): each slip
// the meeting, a QR code of the ballot page with its code, the code in large groups, and one line
// of instructions; a named slip also the member's name, a drawn slip never any name. It covers the
// screen while open and is all that prints; closing it forgets the codes.
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { CodeText, useOverlay } from '../../kit/Slips'
import { useEnv } from '../../kit/env'
import { formatDateTime } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { useMeeting } from '../../kit/MeetingContext'
import { ballotPage } from './phoneActions'
import type { PhoneHost } from '../../kit/phoneHost'
import { QrCode } from '../../kit/QrCode'

export interface Slip {
  code: string
  /** Named (roll-call) slips only. */
  name?: string
}

export function SlipSheet({ slips, host, onClose }: { slips: readonly Slip[]; host: PhoneHost; onClose: () => void }) {
  const { t, i18n } = useTranslation('session')
  const { platform } = useEnv()
  const { handle, meeting } = useMeeting()
  const { failure, run } = useAction()
  useOverlay('slips-open')
  const when = formatDateTime(i18n.language, meeting.startsAt)
  return createPortal(
    <div className="overlay slip-layer" role="dialog" aria-modal="true" aria-label={t('slips.sheet')}>
      <div className="row no-print">
        <h2>{t('slips.sheetTitle', { count: slips.length })}</h2>
        <span className="spacer" />
        <button className="primary" onClick={() => void run(() => platform.print())} autoFocus>
          {t('slips.print')}
        </button>
        <button onClick={onClose}>{t('slips.close')}</button>
      </div>
      <p className="banner info no-print">{t('slips.sheetNote')}</p>
      {failure ? (
        <Banner kind="error" screenOnly>
          {failure}
        </Banner>
      ) : null}
      <ul className="slips plain" data-testid="slips">
        {slips.map((s) => (
          <li key={s.code} className="slip" data-testid="slip">
            <p className="slip-meeting">
              {meeting.title}
              <br />
              {when}
            </p>
            <p className="slip-kind">{s.name ? t('slips.slipNamed', { name: s.name }) : t('slips.slip')}</p>
            <div className="slip-body">
              <QrCode text={ballotPage(host, handle.name, s.code)} label={t('slips.slipQr')} className="qr-code slip-qr" />
              <div>
                <p className="slip-code" aria-label={t('slips.slipCode')} data-testid="slip-code">
                  <CodeText code={s.code} />
                </p>
              </div>
            </div>
            {/* The steps across the slip's full width, so they can be printed large enough to read. */}
            <p className="slip-steps">{t('slips.slipSteps')}</p>
          </li>
        ))}
      </ul>
    </div>,
    document.body,
  )
}

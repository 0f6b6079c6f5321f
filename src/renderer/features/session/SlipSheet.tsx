// The sheet of voter slips to print (A4, six to a page in type of 12 pt and more, dashed lines to cut along): each slip
// the meeting, a QR code of the ballot page with its code, the code in large groups, and one line
// of instructions; a named slip also the member's name, a drawn slip never any name. It covers the
// screen while open and is all that prints; closing it forgets the codes.
import { useTranslation } from 'react-i18next'
import { CodeText, SlipLayer } from '../../kit/Slips'
import { formatDateTime } from '../../kit/format'
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
  const { handle, meeting } = useMeeting()
  const when = formatDateTime(i18n.language, meeting.startsAt)
  const words = { sheet: t('slips.sheet'), title: t('slips.sheetTitle', { count: slips.length }), print: t('slips.print'), close: t('slips.close'), note: t('slips.sheetNote') }
  return (
    <SlipLayer words={words} onClose={onClose}>
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
    </SlipLayer>
  )
}

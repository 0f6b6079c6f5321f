// The sheet of a fund project's survey slips to print (the voter slips' layout: six to an A4 page,
// dashed lines to cut along): each slip names the project and the year, carries a QR code of the
// phone page with its code, and the code in large groups. It covers the screen while open and is
// all that prints; closing it forgets the codes (only their hashes are in the document).
import { useTranslation } from 'react-i18next'
import type { PhoneHost } from '../../kit/phoneHost'
import { QrCode } from '../../kit/QrCode'
import { CodeText, SlipLayer } from '../../kit/Slips'
import { surveyPage } from './surveyActions'

export interface SurveySheet {
  surveyId: string
  codes: string[]
}

export function SurveySlips({ sheet, host, councilId, year, title, onClose }: { sheet: SurveySheet; host: PhoneHost; councilId: string; year: number; title: string; onClose: () => void }) {
  const { t } = useTranslation('fund')
  const address = { survey: sheet.surveyId, year, councilId }
  const words = { sheet: t('survey.sheet'), title: t('survey.sheetTitle', { count: sheet.codes.length }), print: t('survey.print'), close: t('survey.closeSheet'), note: t('survey.sheetNote') }
  return (
    <SlipLayer words={words} onClose={onClose}>
      {sheet.codes.map((code) => (
        <li key={code} className="slip" data-testid="slip">
          <p className="slip-meeting">{t('survey.slipHead', { year, title })}</p>
          <p className="slip-kind">{t('survey.slip')}</p>
          <div className="slip-body">
            <QrCode text={surveyPage(host, address, code)} label={t('survey.slipQr')} className="qr-code slip-qr" />
            <div>
              <p className="slip-code" aria-label={t('survey.slipCode')} data-testid="slip-code">
                <CodeText code={code} />
              </p>
            </div>
          </div>
          <p className="slip-steps">{t('survey.slipSteps')}</p>
        </li>
      ))}
    </SlipLayer>
  )
}

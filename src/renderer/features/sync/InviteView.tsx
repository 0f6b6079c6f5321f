// One invitation to show another device: the text to copy (council, what it allows and for whom,
// server, join code), the server address, and a QR code of the address and code (an image made
// here, as a data: URL) captioned with what it allows and for whom.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toDataURL } from 'qrcode'
import type { IssuedCodeRow } from '../../data/db'

export function InviteView({ issued, councilName }: { issued: IssuedCodeRow; councilName: string }) {
  const { t } = useTranslation('sync')
  const [qr, setQr] = useState<string | null>(null)
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null)
  // Read-only or read-write, and for whom: a street office must not be handed a code that edits.
  const access = issued.label
    ? t(issued.access === 'ro' ? 'invite.accessLine.roFor' : 'invite.accessLine.rwFor', { label: issued.label })
    : t(issued.access === 'ro' ? 'invite.accessLine.ro' : 'invite.accessLine.rw')
  const text = t('invite.textTemplate', { council: councilName, access, url: issued.serverUrl, code: issued.code })

  useEffect(() => {
    let alive = true
    // ASCII only, so the code stays small and any scanner reads it; the join screen accepts it.
    // The access is spelled out too (the code carries it as .rw./.ro.); the label, in any script,
    // is the caption under the image.
    const payload = `${issued.serverUrl}\n${issued.code}\n${issued.access === 'ro' ? 'read-only' : 'read-write'}`
    toDataURL(payload, { errorCorrectionLevel: 'M', margin: 2, width: 240 }).then(
      (url) => alive && setQr(url),
      (e: unknown) => console.error('could not draw the QR code', e),
    )
    return () => {
      alive = false
    }
  }, [issued.serverUrl, issued.code, issued.access])

  return (
    <div className="invite" aria-label={t('invite.ready')} role="region">
      <h4>{t('invite.ready')}</h4>
      <div className="invite-body">
        <div className="invite-text">
          <label htmlFor={`invite-text-${issued.codeId}`}>{t('invite.text')}</label>
          <textarea id={`invite-text-${issued.codeId}`} readOnly value={text} rows={4} onFocus={(e) => e.currentTarget.select()} data-testid="invite-text" />
          <p className="muted">{t('invite.serverIs', { url: issued.serverUrl })}</p>
          <div className="row">
            <button
              type="button"
              onClick={() => navigator.clipboard.writeText(text).then(() => setCopy('copied'), () => setCopy('failed'))}
            >
              {t('invite.copy')}
            </button>
            {copy === 'copied' ? <span className="saved" role="status">{t('invite.copied')}</span> : null}
            {copy === 'failed' ? <span className="warn" role="status">{t('invite.copyFailed')}</span> : null}
          </div>
        </div>
        {qr ? (
          <figure className="qr">
            <img src={qr} alt={t('invite.qrFor', { access })} width={240} height={240} />
            <figcaption className={issued.access === 'ro' ? 'invite-access ro' : 'invite-access'}>{access}</figcaption>
          </figure>
        ) : null}
      </div>
    </div>
  )
}

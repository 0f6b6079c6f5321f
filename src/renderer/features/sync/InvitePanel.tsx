// Inviting devices to a synced council: make a join code (read-write for a council device,
// read-only for a street office), show it as text to copy and as a QR code with the server
// address, and keep the list of codes issued, each of which can be revoked.
import { useState, type FormEvent } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { formatMoment } from '../../kit/format'
import type { IssuedCodeRow, SyncAccess } from '../../data/db'
import { listIssuedCodes } from '../../data/syncSettings'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { useCouncil } from '../../kit/CouncilContext'
import { issueJoinCode, revokeIssuedCode } from './actions'
import { InviteView } from './InviteView'
import { useSyncErrors } from './messages'
import { useUnsavedFields } from '../../kit/unsaved'

export function InvitePanel() {
  const { t } = useTranslation('sync')
  const env = useEnv()
  const { council } = useCouncil()
  const errs = useSyncErrors()
  const [access, setAccess] = useState<SyncAccess>('rw')
  const [label, setLabel] = useState('')
  useUnsavedFields(label.trim() ? [t('invite.label')] : [])
  const [shown, setShown] = useState<IssuedCodeRow | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setFailure(null)
    try {
      setShown(await issueJoinCode(env, council.id, access, label))
      setLabel('')
    } catch (error) {
      setFailure(errs.message(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <div className="card">
        <h3>{t('invite.title')}</h3>
        <p className="muted">{t('invite.intro')}</p>
        <form onSubmit={submit} noValidate aria-label={t('invite.title')}>
          {failure ? <Banner kind="error">{failure}</Banner> : null}
          <fieldset>
            <legend>{t('invite.access')}</legend>
            {(['rw', 'ro'] as const).map((a) => (
              <div className="checkbox" key={a}>
                <input id={`invite-${a}`} type="radio" name="invite-access" value={a} checked={access === a} onChange={() => setAccess(a)} />
                <label htmlFor={`invite-${a}`}>{a === 'rw' ? t('invite.accessRw') : t('invite.accessRo')}</label>
              </div>
            ))}
          </fieldset>
          <TextField label={t('invite.label')} hint={t('invite.labelHint')} value={label} maxLength={80} onChange={(e) => setLabel(e.target.value)} />
          <button type="submit" className="primary" disabled={busy}>
            {t('invite.submit')}
          </button>
        </form>
        {shown ? <InviteView key={shown.codeId} issued={shown} councilName={council.name} /> : null}
      </div>
      <IssuedCodes onShow={setShown} onRevoked={(codeId) => setShown((s) => (s?.codeId === codeId ? null : s))} />
    </>
  )
}

function IssuedCodes({ onShow, onRevoked }: { onShow: (row: IssuedCodeRow) => void; onRevoked: (codeId: string) => void }) {
  const { t, i18n } = useTranslation('sync')
  const { t: tc } = useTranslation('common')
  const env = useEnv()
  const { council } = useCouncil()
  const errs = useSyncErrors()
  const rows = useLiveQuery(() => listIssuedCodes(env.db, council.id), [env.db, council.id])
  const [confirming, setConfirming] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)

  async function revoke(row: IssuedCodeRow) {
    setNotice(null)
    try {
      await revokeIssuedCode(env, row)
      onRevoked(row.codeId)
      setNotice({ kind: 'ok', text: t('codes.done') })
    } catch (e) {
      setNotice({ kind: 'error', text: t('errors.revokeFailed', { detail: errs.message(e) }) })
    } finally {
      setConfirming(null)
    }
  }

  return (
    <section className="card" aria-labelledby="codes-title">
      <h3 id="codes-title">{t('codes.title')}</h3>
      {notice ? <Banner kind={notice.kind}>{notice.text}</Banner> : null}
      {!rows?.length ? (
        <p className="muted">{t('codes.none')}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="codes-title">
            <thead>
              <tr>
                <th scope="col">{t('codes.label')}</th>
                <th scope="col">{t('codes.access')}</th>
                <th scope="col">{t('codes.issuedAt')}</th>
                <th scope="col">{t('codes.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('codes.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.codeId}>
                  <td>{r.label || <span className="muted">{t('codes.noLabel')}</span>}</td>
                  <td>{r.access === 'rw' ? t('codes.accessRw') : t('codes.accessRo')}</td>
                  <td>{formatMoment(i18n.language, r.issuedAt)}</td>
                  <td>{r.revokedAt ? t('codes.revoked') : t('codes.active')}</td>
                  <td>
                    {r.revokedAt ? null : confirming === r.codeId ? (
                      <div className="row tight">
                        <span>{t('codes.confirm')}</span>
                        <button className="danger small" onClick={() => void revoke(r)}>
                          {t('codes.confirmYes')}
                        </button>
                        <button className="small" onClick={() => setConfirming(null)}>
                          {tc('actions.cancel')}
                        </button>
                      </div>
                    ) : (
                      <div className="row tight">
                        <button className="small" onClick={() => onShow(r)}>
                          {t('codes.show')}
                        </button>
                        <button className="danger small" onClick={() => setConfirming(r.codeId)}>
                          {t('codes.revoke')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

// The power to invite devices, handed from one device to another (shared/sync/inviteKey.ts):
// GiveInvitingKey on a device that holds the council's key shows the inviting code on request,
// with what its holder can do; TakeInvitingKey on a read-write device without the key takes it.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { useUnsavedFields } from '../../kit/unsaved'
import { Banner } from '../../ui/Banner'
import { TextAreaField } from '../../ui/Field'
import { useCouncil } from '../../kit/CouncilContext'
import { becomeInviting, inviteKeyOf } from './keyActions'
import { useSyncErrors } from './messages'

export function GiveInvitingKey() {
  const { t } = useTranslation('sync')
  const env = useEnv()
  const { council } = useCouncil()
  const errs = useSyncErrors()
  const [code, setCode] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const show = async () => {
    setFailure(null)
    try {
      setCode(await inviteKeyOf(env, council.id))
    } catch (e) {
      setFailure(errs.message(e))
    }
  }
  return (
    <section className="card" aria-labelledby="give-key-title">
      <h3 id="give-key-title">{t('inviting.giveTitle')}</h3>
      <p className="muted">{t('inviting.giveIntro')}</p>
      <Banner kind="info">{t('inviting.warning')}</Banner>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {code ? (
        <div className="field">
          <label htmlFor="inviting-code">{t('inviting.code')}</label>
          <textarea id="inviting-code" readOnly value={code} rows={2} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          <div className="row">
            <button type="button" onClick={() => setCode(null)}>
              {t('inviting.hide')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => void show()}>
          {t('inviting.show')}
        </button>
      )}
    </section>
  )
}

export function TakeInvitingKey() {
  const { t } = useTranslation('sync')
  const env = useEnv()
  const { council } = useCouncil()
  const errs = useSyncErrors()
  const [text, setText] = useState('')
  const release = useUnsavedFields(text.trim() ? [t('inviting.code')] : [])
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await becomeInviting(env, council.id, text)
      release()
      setText('')
    } catch (err) {
      setError(errs.message(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="card" aria-labelledby="take-key-title">
      <h3 id="take-key-title">{t('inviting.takeTitle')}</h3>
      <p className="muted">{t('inviting.takeIntro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('inviting.takeTitle')}>
        <TextAreaField label={t('inviting.code')} value={text} error={error} onChange={(e) => setText(e.target.value)} rows={2} autoComplete="off" spellCheck={false} disabled={busy} />
        <button type="submit" className="primary" disabled={busy}>
          {t('inviting.take')}
        </button>
      </form>
    </section>
  )
}

// Joining a council from another device: the server address and join code from the council's
// secretary (or the whole invitation pasted at once); the council, its members and its meetings
// arrive, then its screen opens. A refused code or an unreachable server says so and leaves
// nothing behind.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { href, navigate } from '../../kit/router'
import { parseInvite } from '../../sync/address'
import { parseJoinCode } from '../../../shared/sync/joinCode'
import { Banner } from '../../ui/Banner'
import { TextAreaField, TextField } from '../../ui/Field'
import { checkJoinInput, joinCouncil, type JoinProgress } from './actions'
import { useSyncErrors } from './messages'
import { useUnsavedFields } from '../../kit/unsaved'

export function JoinScreen() {
  const { t } = useTranslation(['sync', 'common'])
  const env = useEnv()
  const errs = useSyncErrors()
  const [server, setServer] = useState('')
  const [code, setCode] = useState('')
  const release = useUnsavedFields(code.trim() ? [t('sync:join.code')] : [])
  const [errors, setErrors] = useState<{ server?: string | undefined; code?: string | undefined }>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [progress, setProgress] = useState<JoinProgress | null>(null)
  // A code carrying a hosting laptop's certificate: only the desktop app can accept exactly that one.
  const cannotPin = Boolean(parseJoinCode(parseInvite(code).code ?? '')?.fingerprint) && !env.platform.capability('pinCertificate')

  function changeCode(value: string) {
    setCode(value)
    // A pasted invitation carries the address too.
    const pasted = parseInvite(value)
    if (pasted.serverUrl && !server.trim()) setServer(pasted.serverUrl)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setFailure(null)
    const checked = checkJoinInput({ server, code })
    setErrors({ server: errs.field(checked.errors.server), code: errs.field(checked.errors.code) })
    if (!checked.serverUrl || !checked.code) return
    setProgress({ step: 'council' })
    try {
      const councilId = await joinCouncil(env, checked.serverUrl, checked.code, setProgress)
      // Joined: the code has done its work, leaving the screen is not losing it.
      release()
      navigate({ name: 'council', councilId, tab: 'meetings' })
    } catch (error) {
      setFailure(errs.message(error))
    } finally {
      setProgress(null)
    }
  }

  return (
    <>
      <h1>{t('sync:join.title')}</h1>
      <p className="muted">{t('sync:join.intro')}</p>
      <div className="card">
        <form onSubmit={submit} noValidate aria-label={t('sync:join.title')}>
          {failure ? <Banner kind="error">{failure}</Banner> : null}
          {cannotPin ? <Banner kind="info">{t('sync:join.browserCannotPin')}</Banner> : null}
          <fieldset className="bare" disabled={progress !== null}>
            <TextField
              label={t('sync:join.server')}
              hint={t('sync:join.serverHint')}
              value={server}
              error={errors.server}
              onChange={(e) => setServer(e.target.value)}
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
            />
            <TextAreaField
              label={t('sync:join.code')}
              hint={t('sync:join.codeHint')}
              value={code}
              error={errors.code}
              onChange={(e) => changeCode(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              rows={4}
            />
          </fieldset>
          <div className="row">
            <button type="submit" className="primary" disabled={progress !== null}>
              {t('sync:join.submit')}
            </button>
            {/* Cancelling is choosing to drop the pasted code: no question about leaving it. */}
            <a className="button" href={href({ name: 'home' })} onClick={release}>
              {t('common:actions.cancel')}
            </a>
            {progress ? <JoinStatus progress={progress} /> : null}
          </div>
        </form>
      </div>
    </>
  )
}

// How far the join has come: the council first, then its meetings one by one.
function JoinStatus({ progress }: { progress: JoinProgress }) {
  const { t } = useTranslation('sync')
  return (
    <span role="status">
      {progress.step === 'council' ? t('join.connecting') : t('join.meetings', { done: progress.done, total: progress.total })}
    </span>
  )
}

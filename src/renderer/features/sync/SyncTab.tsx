// The council's sync tab: its state and last sync, connecting it to a council server (on a
// device that owns the council), inviting devices with join codes and revoking them.
import { useState, type FormEvent } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { formatMoment } from '../../kit/format'
import { getSyncSettings } from '../../data/syncSettings'
import { SyncError } from '../../sync/errors'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { useCouncil } from '../../kit/CouncilContext'
import { connectCouncil } from './actions'
import { InvitePanel } from './InvitePanel'
import { GiveInvitingKey, TakeInvitingKey } from './InvitingKey'
import { NewLaptopHelp } from './NewLaptopHelp'
import { useSyncErrors } from './messages'
import { syncStateText } from './SyncBadge'
import { useSyncStatus } from './useSyncStatus'

export function SyncTab() {
  const { t, i18n } = useTranslation('sync')
  const { db } = useEnv()
  const { council } = useCouncil()
  const status = useSyncStatus(council.id)
  // null: not set up on this device; undefined: still loading.
  const settings = useLiveQuery(async () => (await getSyncSettings(db, council.id)) ?? null, [db, council.id])
  if (settings === undefined) return null
  // A council not yet synced is owned by this device (it made it); a joined one only with the secret.
  const owner = settings === null || Boolean(settings.secret)
  const explain = status.state === 'error' ? (`tab.explain.${status.reason ?? 'serverUnreachable'}` as const) : (`tab.explain.${status.state}` as const)
  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">{t('tab.status')}</h2>
      <div className={`card sync-status ${status.state}`}>
        <p className="sync-state" data-sync-state={status.state}>
          {/* The time is on its own line below. */}
          {status.state === 'synced' ? t('badge.syncedNow') : status.state === 'offline' ? t('badge.offline') : syncStateText(t, i18n.language, status)}
        </p>
        {settings ? (
          <>
            <p>{t(explain)}</p>
            <p className="muted">{status.lastSyncedAt ? t('tab.lastSynced', { time: formatMoment(i18n.language, status.lastSyncedAt) }) : t('tab.neverSynced')}</p>
            <p className="muted">{t('tab.server', { url: settings.serverUrl })}</p>
            <p className="muted">{settings.access === 'ro' ? t('tab.accessRo') : t('tab.accessRw')}</p>
          </>
        ) : (
          <p className="muted">{t('tab.localIntro')}</p>
        )}
      </div>
      {settings && status.filesQuotaFull ? <Banner kind="error">{t('tab.filesQuotaFull')}</Banner> : null}
      {/* Once connected, inviting devices is what this tab is for; changing the server comes last. */}
      {owner && settings ? <InvitePanel /> : null}
      {owner && settings ? <GiveInvitingKey /> : null}
      {owner ? <ConnectForm configured={settings !== null} initial={settings?.serverUrl ?? ''} /> : <Banner kind="info">{t('connect.notOwner')}</Banner>}
      {/* A read-write device without the key (a new laptop that rejoined): how it can invite again. */}
      {!owner && settings?.access === 'rw' ? (
        <>
          <TakeInvitingKey />
          <NewLaptopHelp joined />
        </>
      ) : null}
    </section>
  )
}

function ConnectForm({ configured, initial }: { configured: boolean; initial: string }) {
  const { t } = useTranslation('sync')
  const env = useEnv()
  const { council, handle } = useCouncil()
  const errs = useSyncErrors()
  const [server, setServer] = useState(initial)
  const [error, setError] = useState<string | undefined>()
  const [failure, setFailure] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState<{ done: number; total: number } | null>(null)
  // The server holds this council under another key: say what this laptop can do.
  const [otherKey, setOtherKey] = useState(false)
  const host = env.platform.capability('hostSync')

  async function connect(address: string, fingerprint?: string) {
    setBusy(true)
    setFailure(null)
    setError(undefined)
    setDone(false)
    setOtherKey(false)
    try {
      await connectCouncil(env, handle, council.id, address, (done, total) => setSent({ done, total }), fingerprint)
      setDone(true)
    } catch (e) {
      const message = errs.message(e)
      if (e instanceof SyncError && e.code === 'invalidUrl') setError(message)
      else setFailure(message)
      if (e instanceof SyncError && e.code === 'otherKey') setOtherKey(true)
    } finally {
      setBusy(false)
      setSent(null)
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    void connect(server)
  }

  // This laptop hosts the council: its own address (and certificate) instead of a typed one.
  async function hostHere() {
    if (!host) return
    try {
      const { serverUrl, fingerprint } = await host(council.id)
      setServer(serverUrl)
      await connect(serverUrl, fingerprint)
    } catch (e) {
      setFailure(errs.message(e))
    }
  }

  return (
    <div className="card">
      <h3>{configured ? t('connect.changeTitle') : t('connect.title')}</h3>
      <form onSubmit={submit} noValidate aria-label={configured ? t('connect.changeTitle') : t('connect.title')}>
        {failure ? <Banner kind="error">{failure}</Banner> : null}
        {done ? <Banner kind="ok">{t('connect.done')}</Banner> : null}
        <TextField
          label={t('connect.server')}
          hint={t('connect.serverHint')}
          value={server}
          error={error}
          onChange={(e) => setServer(e.target.value)}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          disabled={busy || handle.readOnly}
        />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || handle.readOnly}>
            {busy ? t('connect.busy') : t('connect.submit')}
          </button>
          {host ? (
            <button type="button" disabled={busy || handle.readOnly} title={t('connect.hostHint')} onClick={hostHere}>
              {t('connect.host')}
            </button>
          ) : null}
          {busy && sent && sent.total > 0 ? <span role="status">{t('connect.sending', { done: sent.done, total: sent.total })}</span> : null}
        </div>
      </form>
      {otherKey ? <NewLaptopHelp joined={false} /> : null}
    </div>
  )
}

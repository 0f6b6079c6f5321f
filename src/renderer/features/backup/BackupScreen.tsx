// Backups and restore. On the desktop: the backup folder (a USB stick, a network share), its
// state, automatic backups, "back up now", and the backups found there. Everywhere: a backup as a
// file, and restoring one: verified first, its contents shown, then merged into this device's data.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { FilePicker } from '../../ui/FilePicker'
import type { PickedFile } from '../../platform/types'
import { FolderCard } from './FolderCard'
import { backupToFile, readBackup, restore, type ReadBackup } from './actions'
import { SealKeysFields, useSealPass } from './KeysFields'
import { RestoreCard } from './RestoreCard'
import { keysNoteOf } from './keysNote'

type Candidate = Extract<ReadBackup, { ok: true }> & { source: string }

export function BackupScreen() {
  const { t } = useTranslation(['backup', 'common'])
  const env = useEnv()
  const { failure, setFailure, run } = useAction()
  const [done, setDone] = useState<string | null>(null)
  const [candidate, setCandidate] = useState<Candidate | null>(null)
  const [busy, setBusy] = useState(false)
  // Council keys (issue 24): the passphrase that seals them into a backup made here, the one that
  // opens them in a backup being restored, and what the last restore did with keys.
  const { seal, setSeal, problem: sealProblem, sealWith, sealed } = useSealPass()
  const [openPass, setOpenPass] = useState('')
  const [keysNote, setKeysNote] = useState<{ kind: 'ok' | 'info'; text: string } | null>(null)

  const open = async (source: string, bytes: () => Promise<Uint8Array>) => {
    setDone(null)
    setFailure(null)
    setCandidate(null)
    setKeysNote(null)
    setOpenPass('')
    const r = await readBackup(await bytes())
    if (r.ok) setCandidate({ ...r, source })
    else setFailure(t('backup:refused', { file: source, reason: t(`backup:error.${r.error}`, { version: r.appVersion ?? '?' }) }))
  }

  const merge = () =>
    run(async () => {
      if (!candidate) return
      setBusy(true)
      try {
        const r = await restore(env, candidate.content, openPass)
        // A wrong passphrase restores nothing: the card stays for another try.
        if (!r.ok) return setFailure(t(`backup:keys.error.${r.error}`))
        setDone(t('backup:restored', { docs: r.result.docs, councils: r.result.councils }))
        setKeysNote(keysNoteOf(t, r.result.keys, candidate.summary.sealedKeys))
        setCandidate(null)
        setOpenPass('')
      } finally {
        setBusy(false)
      }
    })

  const download = () =>
    run(async () => {
      setDone(null)
      const pass = sealWith()
      if (pass === null) return
      setBusy(true)
      try {
        if ((await backupToFile(env, pass || undefined)).saved) {
          setDone(t(pass ? 'backup:savedWithKeys' : 'backup:saved'))
          sealed()
        }
      } finally {
        setBusy(false)
      }
    })

  return (
    <>
      <h1>{t('backup:title')}</h1>
      <p className="muted">{t('backup:explain')}</p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {done ? <Banner kind="ok">{done}</Banner> : null}
      {keysNote ? <Banner kind={keysNote.kind}>{keysNote.text}</Banner> : null}
      <SealKeysFields value={seal} onChange={setSeal} problem={sealProblem} />
      {env.platform.capability('backups') ? <FolderCard onOpen={(entry, read) => void run(() => open(entry.name, read))} onDone={setDone} sealWith={sealWith} sealed={sealed} /> : null}
      <FileCard busy={busy} onSave={() => void download()} onOpen={(file) => void run(() => open(file.name, () => file.bytes()))} />
      {candidate ? (
        <RestoreCard
          source={candidate.source}
          summary={candidate.summary}
          passphrase={openPass}
          onPassphrase={setOpenPass}
          busy={busy}
          onConfirm={() => void merge()}
          onCancel={() => {
            setCandidate(null)
            setOpenPass('')
          }}
        />
      ) : null}
    </>
  )
}

function FileCard({ busy, onSave, onOpen }: { busy: boolean; onSave: () => void; onOpen: (file: PickedFile) => void }) {
  const { t } = useTranslation(['backup', 'common'])
  const env = useEnv()
  return (
    <section className="card" aria-labelledby="backup-file-title">
      <h2 id="backup-file-title">{t('backup:file.title')}</h2>
      <p className="muted">{t('backup:file.explain')}</p>
      <div className="row">
        <button onClick={onSave} disabled={busy}>
          {t('backup:file.save')}
        </button>
        <FilePicker
          label={t('backup:file.open')}
          kind="backup"
          accept=".yishibackup,application/octet-stream"
          openNative={env.platform.capability('openFiles')}
          onFiles={([file]) => file && onOpen(file)}
        />
      </div>
    </section>
  )
}

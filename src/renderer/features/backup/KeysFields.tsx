// The passphrase fields of the backup screen (issue 24): sealing this device's council keys into a
// backup made by hand (shown only where the device holds a key), and opening them when restoring.
// The passphrase is never stored: typed, used once, cleared.
import { useState } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { passphraseLongEnough, MIN_PASSPHRASE } from '../../../shared/backup/sealedKeys'
import { useEnv } from '../../kit/env'
import { useUnsavedFields } from '../../kit/unsaved'
import { collectKeys } from '../../data/backupKeys'
import { TextField } from '../../ui/Field'

export interface SealPass {
  pass: string
  again: string
}

/** Why the two fields cannot seal a backup, or null (both empty: a backup without keys). */
export function sealPassProblem({ pass, again }: SealPass): 'short' | 'mismatch' | null {
  if (!pass && !again) return null
  if (!passphraseLongEnough(pass)) return 'short'
  return pass === again ? null : 'mismatch'
}

/** The sealing fields' state: the passphrase to seal with ('' for none) or null while the fields are wrong (then shown), and a reset after use. */
export function useSealPass() {
  const [seal, setSeal] = useState<SealPass>({ pass: '', again: '' })
  const [tried, setTried] = useState(false)
  return {
    seal,
    setSeal,
    problem: tried ? sealPassProblem(seal) : null,
    sealWith: (): string | null => {
      setTried(true)
      return sealPassProblem(seal) === null ? seal.pass : null
    },
    sealed: () => {
      setSeal({ pass: '', again: '' })
      setTried(false)
    },
  }
}

export function SealKeysFields({ value, onChange, problem }: { value: SealPass; onChange: (v: SealPass) => void; problem: 'short' | 'mismatch' | null }) {
  const { t } = useTranslation('backup')
  const { db } = useEnv()
  const count = useLiveQuery(async () => (await collectKeys(db)).length, [db])
  useUnsavedFields([value.pass ? t('keys.pass') : '', value.again ? t('keys.again') : ''].filter(Boolean))
  if (!count) return null
  return (
    <section className="card" aria-labelledby="backup-keys-title">
      <h2 id="backup-keys-title">{t('keys.title')}</h2>
      <p className="muted">{t('keys.explain', { count })}</p>
      <TextField
        label={t('keys.pass')}
        hint={t('keys.passHint', { count: MIN_PASSPHRASE })}
        type="password"
        autoComplete="new-password"
        value={value.pass}
        error={problem === 'short' ? t('keys.short', { count: MIN_PASSPHRASE }) : undefined}
        onChange={(e) => onChange({ ...value, pass: e.target.value })}
      />
      <TextField
        label={t('keys.again')}
        type="password"
        autoComplete="new-password"
        value={value.again}
        error={problem === 'mismatch' ? t('keys.mismatch') : undefined}
        onChange={(e) => onChange({ ...value, again: e.target.value })}
      />
    </section>
  )
}

export function OpenKeysField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('backup')
  useUnsavedFields(value ? [t('keys.openPass')] : [])
  return (
    <>
      <p>{t('keys.carried')}</p>
      <TextField label={t('keys.openPass')} hint={t('keys.openHint')} type="password" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  )
}

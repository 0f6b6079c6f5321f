// Sign-off and seal: the chair and the recorder sign the draft as it stands (name and time, on
// this device); once both have signed that same version, the minutes are sealed with this
// device's key. Sealed minutes are never edited: a correction is added beside them.
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { canonicalJson } from '../../../shared/doc/canonical'
import { readCorrections, readSealed, readSignatures, type StoredSignature } from '../../../shared/minutes/sealedStore'
import { assembleMeetingRecord } from '../../../shared/minutes/model'
import { sha256Hex, utf8 } from '../../../shared/minutes/webCrypto'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useAnnounce } from '../../kit/announce'
import { formatMoment } from '../../kit/format'
import { href } from '../../kit/router'
import { useAction } from '../../kit/useAction'
import { UnsavedInputError, useUnsavedFields } from '../../kit/unsaved'
import { Banner } from '../../ui/Banner'
import { Dialog } from '../../ui/Dialog'
import { TextAreaField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { correct, seal, sign, unsign } from './actions'

/** The hash of the record as it stands, recomputed after every change to the document. */
function useContentHash(doc: Y.Doc): string | null {
  const { council } = useCouncil()
  const read = useCallback((d: Y.Doc) => canonicalJson(assembleMeetingRecord(d, council)), [council])
  const canonical = useDocValue(doc, read)
  const [hash, setHash] = useState<string | null>(null)
  useEffect(() => {
    let alive = true
    if (canonical !== null) void sha256Hex(utf8(canonical)).then((h) => alive && setHash(h))
    return () => {
      alive = false
    }
  }, [canonical])
  return hash
}

export function SignPanel() {
  const { t, i18n } = useTranslation(['minutes', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const signatures = useDocValue(handle.doc, readSignatures) ?? []
  const sealed = useDocValue(handle.doc, readSealed)
  const hash = useContentHash(handle.doc)
  const { failure, run } = useAction()
  const [confirmSeal, setConfirmSeal] = useState(false)
  // Names typed into a signature card but not signed with: sealing would leave them out.
  const [typed, setTyped] = useState<Partial<Record<'chair' | 'recorder', string>>>({})
  const base = { councilId: council.id, meetingId: meeting.id }
  const record = useDocValue(
    handle.doc,
    useCallback((d: Y.Doc) => assembleMeetingRecord(d, council), [council]),
  )
  const canSign = meeting.status === 'minutes_drafted' && !sealed && !handle.readOnly
  const valid = (s: StoredSignature | undefined) => !!s && s.contentHash === hash
  const chair = signatures.find((s) => s.role === 'chair')
  const recorder = signatures.find((s) => s.role === 'recorder')

  if (meeting.status === 'closed') {
    return (
      <Banner kind="info">
        {t('minutes:sign.finishFirst')} <a href={href({ name: 'minutes', ...base, tab: 'draft' })}>{t('minutes:tabs.draft')}</a>
      </Banner>
    )
  }

  return (
    <section aria-label={t('minutes:tabs.sign')}>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {sealed ? (
        <SealedView />
      ) : (
        <>
          <p className="muted">{t('minutes:sign.explain')}</p>
          <div className="grid">
            {(['chair', 'recorder'] as const).map((role) => {
              const s = role === 'chair' ? chair : recorder
              const person = role === 'chair' ? record?.chair : record?.recorder
              return (
                <SignatureCard
                  key={`${role}-${s?.signedAt ?? ''}`}
                  role={role}
                  signature={s}
                  stale={!!s && hash !== null && !valid(s)}
                  defaultName={person?.name ?? ''}
                  canSign={canSign}
                  lang={i18n.language}
                  onSign={(name) => run(() => sign(env, handle, council, role, name))}
                  onTyped={(name) => setTyped((old) => ({ ...old, [role]: name }))}
                  onWithdraw={() => run(() => unsign(env, handle, role))}
                />
              )
            })}
          </div>
          <div className="card row">
            <p className="spacer">{valid(chair) && valid(recorder) ? t('minutes:sign.readyToSeal') : t('minutes:sign.needBoth')}</p>
            {confirmSeal ? null : (
              <button className="primary" disabled={!canSign || !valid(chair) || !valid(recorder)} onClick={() => setConfirmSeal(true)}>
                {t('minutes:sign.seal')}
              </button>
            )}
          </div>
          {confirmSeal && canSign ? <SealConfirm typed={typed} chair={chair} recorder={recorder} onClose={() => setConfirmSeal(false)} /> : null}
        </>
      )}
    </section>
  )
}

/** Asking before sealing; refused, naming them, while a name is typed but not signed with. */
function SealConfirm({ typed, chair, recorder, onClose }: { typed: Partial<Record<'chair' | 'recorder', string>>; chair: StoredSignature | undefined; recorder: StoredSignature | undefined; onClose: () => void }) {
  const { t } = useTranslation(['minutes', 'common'])
  const env = useEnv()
  const say = useAnnounce()
  const { council } = useCouncil()
  const { handle } = useMeeting()
  // Its own failure, shown in the confirmation it answers (the panel's banner is far above).
  const sealing = useAction()
  const close = () => {
    sealing.setFailure(null)
    onClose()
  }
  return (
    <Dialog labelledBy="seal-confirm-title" describedBy="seal-confirm-text" className="card confirm" onCancel={close}>
      <h2 id="seal-confirm-title">{t('minutes:sign.sealConfirmTitle')}</h2>
      <p id="seal-confirm-text">{t('minutes:sign.sealConfirm')}</p>
      {sealing.failure ? <Banner kind="error">{sealing.failure}</Banner> : null}
      <div className="row">
        <button
          className="primary"
          onClick={() =>
            void sealing.run(async () => {
              const unsigned = (['chair', 'recorder'] as const).filter((role) => {
                const v = typed[role]
                const s = role === 'chair' ? chair : recorder
                return v !== undefined && v.trim() !== (s?.name ?? '')
              })
              if (unsigned.length) throw new UnsavedInputError(unsigned.map((role) => t('minutes:sign.nameOf', { role: t(`minutes:sign.role.${role}`) })))
              await seal(env, handle, council)
              say(t('common:announce.sealed'))
            }).then((ok) => ok && onClose())
          }
        >
          {t('minutes:sign.yesSeal')}
        </button>
        <button onClick={close}>{t('common:actions.cancel')}</button>
      </div>
    </Dialog>
  )
}

function SignatureCard(props: {
  role: 'chair' | 'recorder'
  signature: StoredSignature | undefined
  stale: boolean
  defaultName: string
  canSign: boolean
  lang: string
  onSign: (name: string) => Promise<boolean>
  onWithdraw: () => Promise<boolean>
  onTyped: (name: string) => void
}) {
  const { t } = useTranslation(['minutes', 'common'])
  const [name, setName] = useState(props.signature?.name ?? props.defaultName)
  const s = props.signature
  useUnsavedFields(props.canSign && name.trim() !== (s?.name ?? props.defaultName) ? [t('minutes:sign.nameOf', { role: t(`minutes:sign.role.${props.role}`) })] : [])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void props.onSign(name)
  }
  return (
    <form className="card" onSubmit={submit} aria-label={t(`minutes:sign.role.${props.role}`)}>
      <h2>{t(`minutes:sign.role.${props.role}`)}</h2>
      {s ? (
        <p role="status">{t('minutes:sign.signedBy', { name: s.name, when: formatMoment(props.lang, s.signedAt) })}</p>
      ) : (
        <p className="muted">{t('minutes:sign.notSigned')}</p>
      )}
      {props.stale ? <Banner kind="error">{t('minutes:sign.stale')}</Banner> : null}
      {props.canSign ? (
        <>
          <TextField
            label={t('minutes:sign.name')}
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              props.onTyped(e.target.value)
            }}
            maxLength={60}
            required
          />
          <div className="row">
            <button type="submit" className={s && !props.stale ? '' : 'primary'}>
              {s ? t('minutes:sign.signAgain') : t('minutes:sign.sign')}
            </button>
            {s ? (
              <button type="button" onClick={() => void props.onWithdraw()}>
                {t('minutes:sign.withdraw')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </form>
  )
}

function SealedView() {
  const { t, i18n } = useTranslation(['minutes', 'common'])
  const env = useEnv()
  const { handle, meeting } = useMeeting()
  const sealed = useDocValue(handle.doc, readSealed)
  const corrections = useDocValue(handle.doc, readCorrections) ?? []
  const [text, setText] = useState('')
  const [by, setBy] = useState('')
  const [saved, setSaved] = useState(false)
  const { failure, run } = useAction()
  useUnsavedFields([...(text.trim() ? [t('minutes:correction.text')] : []), ...(by.trim() && text.trim() ? [t('minutes:correction.by')] : [])])
  if (!sealed) return null
  const canCorrect = ['signed', 'published', 'submitted', 'returned'].includes(meeting.status) && !handle.readOnly
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    void run(() => correct(env, handle, text, by)).then((ok) => {
      if (ok) {
        setText('')
        setSaved(true)
      }
    })
  }
  return (
    <>
      <div className="card">
        <h2>{t('minutes:sign.sealedTitle')}</h2>
        <ul className="plain">
          {sealed.signatures.map((s) => (
            <li key={s.role}>{t('minutes:sign.signedAs', { role: t(`minutes:sign.role.${s.role}`), name: s.name, when: formatMoment(i18n.language, s.signedAt) })}</li>
          ))}
        </ul>
        <p>
          {t('minutes:sign.hash')} <code className="hash" data-testid="sealed-hash">{sealed.hash}</code>
        </p>
        <p className="muted">{t('minutes:sign.sealedExplain')}</p>
      </div>
      <section className="card" aria-labelledby="corrections-title">
        <h2 id="corrections-title">{t('minutes:correction.title')}</h2>
        {corrections.length === 0 ? <p className="muted">{t('minutes:correction.none')}</p> : null}
        <ol>
          {corrections.map((c) => (
            <li key={c.id}>
              <p className="pre">{c.text}</p>
              <p className="muted">{t('minutes:correction.byAt', { by: c.by, when: formatMoment(i18n.language, c.at) })}</p>
            </li>
          ))}
        </ol>
        {canCorrect ? (
          <form onSubmit={submit} aria-label={t('minutes:correction.add')}>
            <TextAreaField label={t('minutes:correction.text')} hint={t('minutes:correction.hint')} value={text} onChange={(e) => setText(e.target.value)} rows={3} required />
            <TextField label={t('minutes:correction.by')} value={by} onChange={(e) => setBy(e.target.value)} maxLength={60} required />
            {failure ? <Banner kind="error">{failure}</Banner> : null}
            <FormActions submitLabel={t('minutes:correction.add')} busy={false} saved={saved} />
          </form>
        ) : null}
      </section>
    </>
  )
}

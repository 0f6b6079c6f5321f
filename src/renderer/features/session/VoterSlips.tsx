// Voter codes for phones (手机投票码), on the sign-in screen: drawn codes for secret ballots
// (printed as slips with no name, or shown on screen one by one) and named codes for roll calls,
// one per member present. Codes are made here, issued to the meeting by hash, and shown once.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { voterCodeSummary } from '../../../shared/doc/phoneVoting'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { href } from '../../kit/router'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { CodeScreen } from './CodeScreen'
import { presentMembers } from './useSession'
import { issueDrawnSlips, issueNamedSlips, MAX_SLIPS } from './phoneActions'
import { SlipSheet, type Slip } from './SlipSheet'
import { usePhoneHost } from '../../kit/phoneHost'
import type { SessionView } from './useSession'

type Present = ReturnType<typeof presentMembers>[number]
type Showing = { kind: 'sheet'; slips: Slip[] } | { kind: 'screen'; codes: string[] } | null

export function VoterSlips({ view, editable }: { view: SessionView; editable: boolean }) {
  const { t } = useTranslation('session')
  const env = useEnv()
  const { council } = useCouncil()
  const { handle } = useMeeting()
  const host = usePhoneHost(council.id)
  const summary = useDocValue(handle.doc, voterCodeSummary)
  const { failure, run } = useAction()
  const here = presentMembers(view)
  const [busy, setBusy] = useState(false)
  const [showing, setShowing] = useState<Showing>(null)
  const usable = editable && Boolean(host)

  const act = (fn: () => Promise<Showing>) => {
    setBusy(true)
    void run(async () => setShowing(await fn())).finally(() => setBusy(false))
  }
  const drawn = (kind: 'sheet' | 'screen', count: number) =>
    act(async () => {
      const codes = await issueDrawnSlips(env, handle, count)
      return kind === 'sheet' ? { kind, slips: codes.map((code) => ({ code })) } : { kind, codes }
    })
  const named = (members: Present[]) =>
    act(async () => {
      const slips = await issueNamedSlips(
        env,
        handle,
        members.map((m) => ({ memberId: m.memberId, name: m.name })),
      )
      return { kind: 'sheet', slips: slips.map((s) => ({ code: s.code, name: s.name })) }
    })

  return (
    <section className="card voter-slips" aria-labelledby="slips-title">
      <h3 id="slips-title">{t('slips.title')}</h3>
      <p>{t('slips.explain')}</p>
      {summary ? (
        <p role="status" data-testid="codes-out">
          {t('slips.drawnOut', { count: summary.drawn })}
          {t('listSep')}
          {t('slips.namedOut', { count: summary.named.length })}
        </p>
      ) : null}
      {host === null ? (
        <p className="banner info">
          {t('phones.needsServer')} <a href={href({ name: 'council', councilId: council.id, tab: 'sync' })}>{t('phones.syncLink')}</a>
        </p>
      ) : null}
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <div className="slip-actions">
        <DrawnSlips present={here.length} disabled={!usable || busy} onDraw={drawn} />
        <NamedSlips here={here} named={summary?.named ?? []} disabled={!usable || busy} onNamed={named} />
      </div>
      {showing && host ? (
        showing.kind === 'sheet' ? (
          <SlipSheet slips={showing.slips} host={host} onClose={() => setShowing(null)} />
        ) : (
          <CodeScreen codes={showing.codes} host={host} onClose={() => setShowing(null)} />
        )
      ) : null}
    </section>
  )
}

/** Drawn codes, no name: as many as asked (by default one per member present), printed or on screen. */
function DrawnSlips({ present, disabled, onDraw }: { present: number; disabled: boolean; onDraw: (kind: 'sheet' | 'screen', count: number) => void }) {
  const { t } = useTranslation('session')
  // null until the secretary types: the default follows who is present now.
  const [countText, setCountText] = useState<string | null>(null)
  const text = countText ?? String(Math.max(1, present))
  const count = /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN
  const countOk = Number.isInteger(count) && count >= 1 && count <= MAX_SLIPS
  return (
    <form
      aria-labelledby="slips-drawn-title"
      onSubmit={(e) => {
        e.preventDefault()
        if (countOk) onDraw('sheet', count)
      }}
    >
      <h4 id="slips-drawn-title">{t('slips.drawnTitle')}</h4>
      <TextField
        label={t('slips.count')}
        hint={t('slips.countHint')}
        error={countOk ? undefined : t('slips.countInvalid')}
        inputMode="numeric"
        value={text}
        onChange={(e) => setCountText(e.target.value)}
        disabled={disabled}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={disabled || !countOk}>
          {t('slips.printDrawn')}
        </button>
        <button type="button" disabled={disabled || !countOk} onClick={() => onDraw('screen', count)}>
          {t('slips.onScreen')}
        </button>
      </div>
    </form>
  )
}

/** Named codes for roll calls, and a lost one replaced for one member. */
function NamedSlips({ here, named, disabled, onNamed }: { here: Present[]; named: readonly string[]; disabled: boolean; onNamed: (members: Present[]) => void }) {
  const { t } = useTranslation('session')
  const alreadyNamed = new Set(named)
  // Named codes go to members present who have none yet: a late arrival never voids the slips
  // already handed out. A lost slip is replaced for that one member (the old code stops working).
  const missing = here.filter((m) => !alreadyNamed.has(m.memberId))
  const holders = here.filter((m) => alreadyNamed.has(m.memberId))
  const [reissueId, setReissueId] = useState('')
  const reissueFor = holders.find((m) => m.memberId === reissueId) ?? holders[0]
  return (
    <div role="group" aria-labelledby="slips-named-title">
      <h4 id="slips-named-title">{t('slips.namedTitle')}</h4>
      <p>{!here.length ? t('slips.noneHere') : missing.length ? t('slips.namedExplain', { count: missing.length }) : t('slips.namedAll')}</p>
      <button disabled={disabled || missing.length === 0} onClick={() => onNamed(missing)}>
        {t('slips.printNamed')}
      </button>
      {holders.length ? (
        <div className="row tight reissue">
          <label className="field">
            <span className="label">{t('slips.reissueLabel')}</span>
            <select value={reissueFor?.memberId ?? ''} onChange={(e) => setReissueId(e.target.value)} disabled={disabled}>
              {holders.map((m) => (
                <option key={m.memberId} value={m.memberId}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <button disabled={disabled || !reissueFor} onClick={() => reissueFor && onNamed([reissueFor])}>
            {t('slips.reissue')}
          </button>
          <p className="muted">{t('slips.namedReplace')}</p>
        </div>
      ) : null}
    </div>
  )
}

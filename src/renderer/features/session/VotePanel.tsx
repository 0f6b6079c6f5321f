// An open vote, by its method: counts for a show of hands, each member's choice for a roll
// call, or the laptop as a ballot box for a secret ballot; with phones, also the room's ballot page
// (PhoneVoting). Closing announces the rules' result, after the host has sealed the phone ballots.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberId } from '../../../shared/domain/ids'
import { idsInListedOrder } from '../../../shared/domain/nameOrder'
import { ballotBoxFull, ballotBoxOf, CHOICES, usesOwners, type Choice, type VoteResult } from '../../../shared/domain/votes'
import type { Motion } from '../../../shared/doc/motions'
import type { Vote } from '../../../shared/doc/votes'
import { useEnv } from '../../app/env'
import { useAnnounce } from '../../app/announce'
import { useAction } from '../../app/useAction'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../councils/CouncilContext'
import { useMeeting } from '../meetings/MeetingContext'
import { announce, enterRollCall, provisionalResult, restoreSecretVote } from './actions'
import { useUnsavedFields } from '../../app/unsaved'
import { AnnounceConfirm } from './AnnounceConfirm'
import { CancelVote } from './CancelVote'
import { HandsCounts, type HandsDrafts } from './HandsCounts'
import { OwnerFigures, type FigureDrafts } from './OwnerFigures'
import type { OwnerFigureField } from '../../../shared/doc/voteOwnersRead'
import { BallotBooth } from './BallotBooth'
import { PhoneVoting } from './PhoneVoting'
import { usePhoneErrors } from './phoneMessages'
import { methodLabel, ResultText } from './VoteResultView'
import type { SessionView } from './useSession'

export function VotePanel({ vote, motion, view }: { vote: Vote; motion: Motion; view: SessionView }) {
  const { t } = useTranslation(['session', 'votes', 'common'])
  const { t: ts } = useTranslation('session')
  const env = useEnv()
  const say = useAnnounce()
  const { council } = useCouncil()
  const { handle } = useMeeting()
  const { failure, setFailure, run } = useAction()
  const phoneErrs = usePhoneErrors()
  const [sealing, setSealing] = useState(false)
  // Hands counts are stored as typed (HandsCounts); only entries that are not numbers wait here.
  const [handDrafts, setHandDrafts] = useState<HandsDrafts>({})
  const [figureDrafts, setFigureDrafts] = useState<FigureDrafts>({})
  const [preview, setPreview] = useState<VoteResult | null>(null)
  const [booth, setBooth] = useState<MemberId | null>(null)
  const [confirmClose, setConfirmClose] = useState(false)
  const [refused, setRefused] = useState<VoteResult | null>(null)
  const live = !handle.readOnly
  const name = (id: string) => view.names.get(id) ?? id

  // After a reload, check-offs this device stored but the document had not: written back.
  useEffect(() => {
    if (vote.method === 'secret' && !handle.readOnly) void restoreSecretVote(env, handle, vote.id)
  }, [env, handle, vote.id, vote.method])

  // The rules' verdict so far, recomputed after every change to the vote (never by the UI itself).
  useEffect(() => {
    let alive = true
    void provisionalResult(env, handle, council, vote.id).then((r) => alive && setPreview(r))
    return () => {
      alive = false
    }
  }, [env, handle, council, vote])

  const figureLabel = (key: string) => (key.startsWith('area:') ? t('session:owners.memberArea', { name: name(key.slice(5)) }) : t(`votes:field.${key as OwnerFigureField}`))
  const invalidFields = [...CHOICES.filter((c) => handDrafts[c] !== undefined).map((c) => t(`votes:counts.${c}`)), ...Object.keys(figureDrafts).map(figureLabel)]
  useUnsavedFields(invalidFields)
  const chairName = view.attendance.find((a) => a.role === 'chair')?.name ?? ''
  // With phones, drawn codes name no one: the laptop box closes once ballots reach the eligible count.
  const full = vote.phone !== null && ballotBoxFull(ballotBoxOf(vote))

  // A vote with phones first has the host seal them in; its failures say what to do, in words.
  async function closeNow() {
    setFailure(null)
    setSealing(vote.phone !== null && vote.phone.sealedAt === null)
    try {
      const r = await announce(env, handle, council, vote.id)
      if (!r.closed) setRefused(r.result)
      else {
        const c = r.result.counts
        const counts = (['for', 'against', 'abstain'] as const).map((k) => t('session:vote.count', { label: t(`votes:counts.${k}`), count: c[k] })).join(t('session:listSep'))
        say(t('common:announce.voteClosed', { outcome: t(`votes:outcome.${r.result.outcome}`), counts }))
      }
    } catch (e) {
      setFailure(phoneErrs.message(e))
    } finally {
      setSealing(false)
      setConfirmClose(false)
    }
  }

  if (booth) {
    return <BallotBooth vote={vote} motion={motion} voterId={booth} voterName={name(booth)} onDone={() => setBooth(null)} />
  }

  return (
    <section className="card vote-open" aria-label={t('session:vote.openTitle', { method: methodLabel(ts, vote) })}>
      <h4>{t('session:vote.openTitle', { method: methodLabel(ts, vote) })}</h4>
      <p className="muted">
        {t('session:vote.ruleLine', { rule: t(`common:enums.threshold.${vote.rule}`), eligible: vote.eligible.length })}
      </p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {refused ? (
        <div className="banner error" role="alert">
          <ResultText result={refused} />
        </div>
      ) : null}

      {/* The phone count right under the vote's heading, never below a long list of voters. */}
      {vote.phone ? <PhoneVoting vote={vote} sealing={sealing} /> : null}

      {vote.method === 'hands' ? <HandsCounts vote={vote} live={live} drafts={handDrafts} onDrafts={setHandDrafts} /> : null}
      {usesOwners(vote.rule) ? <OwnerFigures vote={vote} live={live} preview={preview} drafts={figureDrafts} onDrafts={setFigureDrafts} /> : null}

      {vote.method === 'roll_call' ? (
        <table aria-label={t('session:vote.rollCallTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('session:vote.rollCallName')}</th>
              <th scope="col">{t('session:vote.rollCallRecorded')}</th>
              <th scope="col">{t('session:vote.rollCallEnter')}</th>
            </tr>
          </thead>
          <tbody>
            {/* The one order of names (register, then pinyin), as on the sign-in sheet and in the printed record. */}
            {idsInListedOrder(vote.eligible, new Map(view.attendance.map((a) => [a.memberId, a]))).map((id) => {
              const decision = vote.decisions.find((d) => d.memberId === id)
              return (
                <tr key={id} aria-label={name(id)}>
                  <th scope="row">{name(id)}</th>
                  <td>{decision ? t(`votes:counts.${decision.choice}`) : t('session:vote.notYet')}</td>
                  <td>
                    {decision && decision.conflicting.length ? <strong className="warn">{t('session:vote.conflict')}</strong> : null}
                    <div className="row tight">
                      {CHOICES.map((c) => (
                        <button
                          key={c}
                          className={`small${decision?.choice === c ? ' primary' : ''}`}
                          disabled={!live}
                          aria-pressed={decision?.choice === c}
                          aria-label={t('session:vote.rollCallChoice', { name: name(id), choice: t(`votes:counts.${c}`) })}
                          onClick={() => void run(() => enterRollCall(env, handle, vote.id, id, c as Choice))}
                        >
                          {t(`votes:counts.${c}`)}
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}

      {vote.method === 'secret' ? (
        <>
          <p role="status">
            {vote.phone ? t('session:phones.laptopProgress', { cast: vote.checkedOff.length }) : t('session:ballot.progress', { cast: vote.checkedOff.length, eligible: vote.eligible.length })}
          </p>
          <ul className="plain voters" aria-label={t('session:ballot.voters')}>
            {idsInListedOrder(vote.eligible, new Map(view.attendance.map((a) => [a.memberId, a]))).map((id) => {
              const done = vote.checkedOff.includes(id)
              return (
                <li key={id} className="row tight">
                  <span>{name(id)}</span>
                  {done ? (
                    <span className="saved">{t('session:ballot.voted')}</span>
                  ) : (
                    <button className="small" disabled={!live || full} onClick={() => setBooth(id)} aria-label={t('session:ballot.checkIn', { name: name(id) })}>
                      {t('session:ballot.checkInShort')}
                    </button>
                  )}
                </li>
              )
            })}
          </ul>
        </>
      ) : null}

      {/* While confirming, the announce step shows the same result in full: not twice. */}
      {vote.method !== 'secret' && preview && !confirmClose ? (
        <details open>
          <summary>{t('session:vote.provisional')}</summary>
          <ResultText result={preview} />
        </details>
      ) : null}

      {live ? (
        confirmClose ? (
          <AnnounceConfirm vote={vote} preview={preview} invalidFields={invalidFields} busy={sealing} onConfirm={() => void closeNow()} onBack={() => setConfirmClose(false)} />
        ) : (
          <div className="row">
            <button className="primary" onClick={() => setConfirmClose(true)}>
              {t('session:vote.close')}
            </button>
            <CancelVote vote={vote} chairName={chairName} />
          </div>
        )
      ) : null}
    </section>
  )
}

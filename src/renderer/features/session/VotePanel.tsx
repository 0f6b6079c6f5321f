// An open vote, by its method: counts for a show of hands, each member's choice for a roll
// call (RollCallTable), or the laptop as a ballot box for a secret ballot (SecretVoters,
// BallotBooth); with phones, also the room's ballot page (PhoneVoting). Closing announces the
// rules' result, after the host has sealed the phone ballots (useVoteClose).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberId } from '../../../shared/domain/ids'
import { CHOICES, usesOwners } from '../../../shared/domain/votes'
import type { Motion } from '../../../shared/doc/motions'
import type { Vote } from '../../../shared/doc/votes'
import type { OwnerFigureField } from '../../../shared/doc/voteOwnersRead'
import { useAction } from '../../kit/useAction'
import { useMeeting } from '../../kit/MeetingContext'
import { useUnsavedFields } from '../../kit/unsaved'
import { Banner } from '../../ui/Banner'
import { AnnounceConfirm } from './AnnounceConfirm'
import { BallotBooth } from './BallotBooth'
import { CancelVote } from './CancelVote'
import { HandsCounts, type HandsDrafts } from './HandsCounts'
import { OwnerFigures, type FigureDrafts } from './OwnerFigures'
import { PhoneVoting } from './PhoneVoting'
import { RollCallTable } from './RollCallTable'
import { SecretVoters } from './SecretVoters'
import { useVoteClose } from './useVoteClose'
import { methodLabel, ResultText } from './VoteResultView'
import type { SessionView } from './useSession'

export function VotePanel({ vote, motion, view }: { vote: Vote; motion: Motion; view: SessionView }) {
  const { t } = useTranslation(['session', 'votes', 'common'])
  const { t: ts } = useTranslation('session')
  const { handle } = useMeeting()
  const { failure, setFailure, run } = useAction()
  const close = useVoteClose(vote, setFailure)
  // Hands counts are stored as typed (HandsCounts); only entries that are not numbers wait here.
  const [handDrafts, setHandDrafts] = useState<HandsDrafts>({})
  const [figureDrafts, setFigureDrafts] = useState<FigureDrafts>({})
  const [booth, setBooth] = useState<MemberId | null>(null)
  const live = !handle.readOnly
  const name = (id: string) => view.names.get(id) ?? id
  const figureLabel = (key: string) => (key.startsWith('area:') ? t('session:owners.memberArea', { name: name(key.slice(5)) }) : t(`votes:field.${key as OwnerFigureField}`))
  const invalidFields = [...CHOICES.filter((c) => handDrafts[c] !== undefined).map((c) => t(`votes:counts.${c}`)), ...Object.keys(figureDrafts).map(figureLabel)]
  useUnsavedFields(invalidFields)
  const chairName = view.attendance.find((a) => a.role === 'chair')?.name ?? ''

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
      {close.refused ? (
        <div className="banner error" role="alert">
          <ResultText result={close.refused} />
        </div>
      ) : null}

      {/* The phone count right under the vote's heading, never below a long list of voters. */}
      {vote.phone ? <PhoneVoting vote={vote} sealing={close.sealing} /> : null}

      {vote.method === 'hands' ? <HandsCounts vote={vote} live={live} drafts={handDrafts} onDrafts={setHandDrafts} /> : null}
      {usesOwners(vote.rule) ? <OwnerFigures vote={vote} live={live} preview={close.preview} drafts={figureDrafts} onDrafts={setFigureDrafts} /> : null}
      {vote.method === 'roll_call' ? <RollCallTable vote={vote} view={view} live={live} run={run} /> : null}
      {vote.method === 'secret' ? <SecretVoters vote={vote} view={view} live={live} onBooth={setBooth} /> : null}

      {/* While confirming, the announce step shows the same result in full: not twice. */}
      {vote.method !== 'secret' && close.preview && !close.confirming ? (
        <details open>
          <summary>{t('session:vote.provisional')}</summary>
          <ResultText result={close.preview} />
        </details>
      ) : null}

      {live ? (
        close.confirming ? (
          <AnnounceConfirm vote={vote} preview={close.preview} invalidFields={invalidFields} busy={close.sealing} onConfirm={() => void close.closeNow()} onBack={() => close.setConfirming(false)} />
        ) : (
          <div className="row">
            <button className="primary" onClick={() => close.setConfirming(true)}>
              {t('session:vote.close')}
            </button>
            <CancelVote vote={vote} chairName={chairName} />
          </div>
        )
      ) : null}
    </section>
  )
}

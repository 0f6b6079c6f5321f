// Closing an open vote: the rules' provisional result recomputed after every change, and the
// announce step. A vote with phones first has the host seal them in; its failures say what to
// do, in words; a result the rules refuse (more votes than voters) closes nothing and is shown.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VoteResult } from '../../../shared/domain/votes'
import type { Vote } from '../../../shared/doc/votes'
import { useAnnounce } from '../../kit/announce'
import { useCouncil } from '../../kit/CouncilContext'
import { useEnv } from '../../kit/env'
import { useMeeting } from '../../kit/MeetingContext'
import { announce, provisionalResult, restoreSecretVote } from './actions'
import { usePhoneErrors } from './phoneMessages'

export function useVoteClose(vote: Vote, setFailure: (message: string | null) => void) {
  const { t } = useTranslation(['session', 'votes', 'common'])
  const env = useEnv()
  const say = useAnnounce()
  const { council } = useCouncil()
  const { handle } = useMeeting()
  const phoneErrs = usePhoneErrors()
  const [sealing, setSealing] = useState(false)
  const [preview, setPreview] = useState<VoteResult | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [refused, setRefused] = useState<VoteResult | null>(null)

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
      setConfirming(false)
    }
  }

  return { sealing, preview, refused, confirming, setConfirming, closeNow }
}

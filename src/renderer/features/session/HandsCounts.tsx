// Show-of-hands counts, stored in the meeting document as they are typed: each valid whole number
// is written at once (no save button to forget); an entry that is not one stays on screen with a
// message in its field, and announcing is refused naming that field (VotePanel).
import { useTranslation } from 'react-i18next'
import { CHOICES, type Choice } from '../../../shared/domain/votes'
import type { Vote } from '../../../shared/doc/votes'
import { useAnnounce } from '../../kit/announce'
import { useEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { useMeeting } from '../../kit/MeetingContext'
import { enterHand } from './voteFixActions'

/** What a count field holds that is not a stored number: the text as typed, by field. */
export type HandsDrafts = Partial<Record<Choice, string>>

const WHOLE = /^\d{1,5}$/

export function HandsCounts({ vote, live, drafts, onDrafts }: { vote: Vote; live: boolean; drafts: HandsDrafts; onDrafts: (d: HandsDrafts) => void }) {
  const { t } = useTranslation(['session', 'votes'])
  const env = useEnv()
  const { handle } = useMeeting()
  const { failure, run } = useAction()
  const say = useAnnounce()

  function typed(c: Choice, text: string) {
    const s = text.trim()
    if (!WHOLE.test(s)) return onDrafts({ ...drafts, [c]: text })
    const rest = { ...drafts }
    delete rest[c]
    onDrafts(rest)
    // Said once stored (a quick run of keystrokes is said once, as the last value).
    void run(() => enterHand(env, handle, vote.id, c, Number(s))).then((ok) => ok && say(t('session:voteFix.countStored', { choice: t(`votes:counts.${c}`), count: Number(s) })))
  }

  return (
    <fieldset className="hands-counts" aria-label={t('session:vote.handsTitle')}>
      <legend>{t('session:vote.handsTitle')}</legend>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <div className="row">
        {CHOICES.map((c) => (
          <TextField
            key={c}
            label={t(`votes:counts.${c}`)}
            inputMode="numeric"
            autoComplete="off"
            value={drafts[c] ?? String(vote.handsCounts[c])}
            error={drafts[c] !== undefined ? t('session:voteFix.countInvalid') : undefined}
            onChange={(e) => typed(c, e.target.value)}
            disabled={!live}
          />
        ))}
      </div>
      <p className="hint">{t('session:voteFix.storedAsTyped')}</p>
    </fieldset>
  )
}

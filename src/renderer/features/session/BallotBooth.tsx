// The laptop as a ballot box: after the secretary checks the voter in, the screen shows only the
// motion and three large choices, nothing of earlier ballots; the ballot is stored durably before
// it says "cast", then the screen resets for the next voter.
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberId } from '../../../shared/domain/ids'
import { CHOICES, type Choice } from '../../../shared/domain/votes'
import type { Motion } from '../../../shared/doc/motions'
import type { Vote } from '../../../shared/doc/votes'
import { useEnv } from '../../kit/env'
import { useAnnounce } from '../../kit/announce'
import { useErrors } from '../../kit/errors'
import { Banner } from '../../ui/Banner'
import { Dialog } from '../../ui/Dialog'
import { useMeeting } from '../../kit/MeetingContext'
import { castSecret } from './actions'

export function BallotBooth({ vote, motion, voterId, voterName, onDone }: { vote: Vote; motion: Motion; voterId: MemberId; voterName: string; onDone: () => void }) {
  const { t } = useTranslation(['session', 'votes', 'common'])
  const env = useEnv()
  const say = useAnnounce()
  const errs = useErrors()
  const { handle } = useMeeting()
  const [choice, setChoice] = useState<Choice | null>(null)
  const [state, setState] = useState<'choosing' | 'casting' | 'cast'>('choosing')
  const [failure, setFailure] = useState<string | null>(null)
  const castButton = useRef<HTMLButtonElement>(null)

  // While a voter is at the booth, the screen shows the booth alone: no header, no way elsewhere.
  useEffect(() => {
    document.body.classList.add('booth-open')
    return () => document.body.classList.remove('booth-open')
  }, [])

  async function cast() {
    if (!choice) return
    setState('casting')
    setFailure(null)
    try {
      await castSecret(env, handle, vote.id, voterId, choice)
      setChoice(null)
      setState('cast')
      say(t('common:announce.ballotCast'))
    } catch (e) {
      setState('choosing')
      setFailure(errs.message(e))
    }
  }

  return (
    <Dialog role="dialog" modal className="booth" label={t('session:ballot.boothTitle')} onCancel={state === 'choosing' ? onDone : undefined} initialFocus='[role="radio"][tabindex="0"]'>
      {state === 'cast' ? (
        <div className="booth-done">
          <p className="big">{t('session:ballot.thanks')}</p>
          <button className="primary huge" onClick={onDone} autoFocus>
            {t('session:ballot.next')}
          </button>
        </div>
      ) : (
        <>
          <p className="muted">{t('session:ballot.voter', { name: voterName })}</p>
          <h2>{t('session:ballot.question')}</h2>
          <p className="motion-text big pre">{motion.text}</p>
          {failure ? <Banner kind="error">{failure}</Banner> : null}
          <BoothChoices choice={choice} onChoose={setChoice} disabled={state === 'casting'} castButton={castButton} />
          <div className="row booth-actions">
            <button ref={castButton} className="primary huge" disabled={!choice || state === 'casting'} onClick={() => void cast()}>
              {choice ? t('session:ballot.castAs', { choice: t(`votes:counts.${choice}`) }) : t('session:ballot.chooseFirst')}
            </button>
            <button onClick={onDone} disabled={state === 'casting'}>
              {t('session:ballot.cancel')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}

// A radio group: the arrows move between the choices and choose as they go (one Tab stop for
// the group); Enter on a choice chooses it and moves on to the cast button, so casting takes a
// second, deliberate Enter.
function BoothChoices({ choice, onChoose, disabled, castButton }: { choice: Choice | null; onChoose: (c: Choice) => void; disabled: boolean; castButton: RefObject<HTMLButtonElement | null> }) {
  const { t } = useTranslation(['session', 'votes'])
  function onChoiceKey(e: KeyboardEvent<HTMLButtonElement>, c: Choice) {
    const i = CHOICES.indexOf(c)
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0
    if (step !== 0) {
      e.preventDefault()
      const next = CHOICES[(i + step + CHOICES.length) % CHOICES.length]!
      onChoose(next)
      e.currentTarget.parentElement?.querySelector<HTMLButtonElement>(`[data-choice="${next}"]`)?.focus()
    } else if (e.key === 'Enter') {
      e.preventDefault()
      onChoose(c)
      // The cast button is enabled on the next render.
      requestAnimationFrame(() => castButton.current?.focus())
    }
  }
  const tabStop = choice ?? CHOICES[0]
  return (
    <div className="choices" role="radiogroup" aria-label={t('session:ballot.question')}>
      {CHOICES.map((c) => (
        <button
          key={c}
          role="radio"
          data-choice={c}
          aria-checked={choice === c}
          tabIndex={c === tabStop ? 0 : -1}
          className={`huge choice ${c}${choice === c ? ' chosen' : ''}`}
          onClick={() => onChoose(c)}
          onKeyDown={(e) => onChoiceKey(e, c)}
          disabled={disabled}
        >
          {t(`votes:counts.${c}`)}
        </button>
      ))}
    </div>
  )
}

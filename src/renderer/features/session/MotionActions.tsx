// What a motion's status allows the secretary to do with it: record a seconder, move it to
// debate, withdraw or defer it. Failures show in the motion card's one banner (the `run` it passes).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberId } from '../../../shared/domain/ids'
import type { Motion } from '../../../shared/doc/motions'
import { useEnv } from '../../kit/env'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { SelectField } from '../../ui/Field'
import { moveTo, second } from './actions'
import type { Option, Run } from './floorTypes'

export function SecondForm({ motion, memberOptions, run }: { motion: Motion; memberOptions: Option[]; run: Run }) {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle } = useMeeting()
  const [seconder, setSeconder] = useState('')
  return (
    <form
      className="row"
      aria-label={t('session:motion.secondTitle')}
      onSubmit={(e) => {
        e.preventDefault()
        void run(() => second(env, handle, motion.id, seconder as MemberId)).then((ok) => ok && setSeconder(''))
      }}
    >
      <SelectField label={t('session:motion.seconder')} value={seconder} onChange={(e) => setSeconder(e.target.value)} options={memberOptions.filter((o) => o.value !== motion.proposerId)} />
      <button type="submit" disabled={!seconder}>
        {t('session:motion.second')}
      </button>
    </form>
  )
}

export function MotionMoves({ motion, run }: { motion: Motion; run: Run }) {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const { handle } = useMeeting()
  const canDebate = motion.status === 'seconded' || (motion.status === 'proposed' && !council.secondingRequired)
  const canLeave = ['proposed', 'seconded', 'debating'].includes(motion.status)
  return (
    <div className="row">
      {canDebate ? (
        <button className="primary" onClick={() => void run(() => moveTo(env, handle, council, motion.id, 'debating'))}>
          {t('session:motion.debate')}
        </button>
      ) : null}
      {canLeave ? (
        <>
          <button onClick={() => void run(() => moveTo(env, handle, council, motion.id, 'withdrawn'))}>{t('session:motion.withdraw')}</button>
          <button onClick={() => void run(() => moveTo(env, handle, council, motion.id, 'deferred'))}>{t('session:motion.defer')}</button>
        </>
      ) : null}
    </div>
  )
}

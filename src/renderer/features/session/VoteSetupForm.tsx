// Opening a vote on the motion under debate: the method, the threshold rule the method allows,
// and (where a host carries them) ballots on residents' phones.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ThresholdRule } from '../../../shared/domain/council'
import { isMeetingRule, rulesForMethod } from '../../../shared/domain/votes'
import type { Motion } from '../../../shared/doc/motions'
import { VOTE_METHODS, type VoteMethod } from '../../../shared/doc/votes'
import { useEnv } from '../../kit/env'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { SelectField } from '../../ui/Field'
import { startVote } from './actions'
import { usePhoneHost } from '../../kit/phoneHost'
import type { Run } from './floorTypes'

export function VoteSetupForm({ motion, run }: { motion: Motion; run: Run }) {
  const { t } = useTranslation(['session', 'common', 'votes'])
  const env = useEnv()
  const { council } = useCouncil()
  const { handle } = useMeeting()
  // The owners' rules are offered only where their figures can exist (shared/domain/votes/meetingRules.ts).
  const defaultRule = motion.parentId ? 'simple_majority' : council.defaultThreshold
  const [setup, setSetup] = useState<{ method: VoteMethod; rule: ThresholdRule | ''; phones: boolean }>({ method: 'hands', rule: defaultRule, phones: false })
  const host = usePhoneHost(council.id)
  // Phones vote by secret ballot (drawn codes) or roll call (named codes); hands are counted in the room.
  const phonesApply = setup.method !== 'hands'
  return (
    <form
      className="row vote-setup"
      aria-label={t('session:vote.setupTitle')}
      onSubmit={(e) => {
        e.preventDefault()
        const rule = setup.rule
        if (rule) void run(() => startVote(env, handle, motion.id, setup.method, rule, phonesApply && setup.phones && Boolean(host)))
      }}
    >
      <SelectField
        label={t('session:vote.method')}
        value={setup.method}
        onChange={(e) => {
          const method = e.target.value as VoteMethod
          // A rule the new method cannot use (an owners' rule in a secret ballot) is chosen again.
          setSetup((v) => ({ ...v, method, rule: v.rule && isMeetingRule(v.rule, method) ? v.rule : '' }))
        }}
        options={VOTE_METHODS.map((m) => ({ value: m, label: t(`session:vote.methods.${m}`) }))}
      />
      <SelectField
        label={t('session:vote.rule')}
        value={setup.rule}
        onChange={(e) => setSetup((v) => ({ ...v, rule: e.target.value as ThresholdRule }))}
        options={[...(setup.rule ? [] : [{ value: '', label: t('session:floor.choose') }]), ...rulesForMethod(setup.method).map((r) => ({ value: r, label: t(`common:enums.threshold.${r}`) }))]}
        hint={setup.method === 'secret' ? t('session:voteFix.ownersNotOffered') : undefined}
      />
      {phonesApply ? (
        <div className="phones-option">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={setup.phones && Boolean(host)}
              disabled={!host}
              onChange={(e) => setSetup((v) => ({ ...v, phones: e.target.checked }))}
              aria-describedby={`phones-why-${motion.id}`}
            />
            <span>{t('session:phones.option')}</span>
          </label>
          <span className="hint" id={`phones-why-${motion.id}`}>
            {host ? t('session:phones.optionHint') : host === null ? t('session:phones.needsServer') : null}
          </span>
        </div>
      ) : null}
      <button type="submit" className="primary" data-command="openVote" disabled={!setup.rule}>
        {t('session:vote.open')}
      </button>
    </form>
  )
}

// Small words for a path's steps: a step's state as a pill, and the step a matter stands at (the
// first that has not passed), shared by the matters table and the matter screen.
import { useTranslation } from 'react-i18next'
import type { ResolvedPath, StepState } from '../../../shared/matters/matterPath'
import { StatusPill } from '../../ui/StatusPill'

export function StepStatePill({ state }: { state: StepState }) {
  const { t } = useTranslation('matters')
  return <StatusPill status={`step-${state}`} label={t(`stepState.${state}`)} />
}

/** The first step not done or skipped, with its state; nothing once every step has passed. */
export function CurrentStep({ path }: { path: ResolvedPath }) {
  const { t } = useTranslation('matters')
  const at = path.steps.find((s) => s.state !== 'done' && s.state !== 'skipped')
  if (!at) return null
  return <span>{t('matterList.currentStep', { step: t(`step.${at.template.key}`), state: t(`stepState.${at.state}`) })}</span>
}

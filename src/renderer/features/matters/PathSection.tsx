// A matter's path on its screen: the path chosen (changeable until a step is recorded), then each
// step in order with its state, what was recorded for it, entries from another device that did not
// stand, and recording the step. What stands is the shared resolvePath's answer.
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readMatterPath, readStepEntries } from '../../../shared/doc/matters'
import type { Matter } from '../../../shared/matters/matter'
import { PATH_IDS, type PathId, type ResolvedPath, type ResolvedStep, type StepKey } from '../../../shared/matters/matterPath'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField } from '../../ui/Field'
import { chooseMatterPath } from './actions'
import { useMatterErrors } from './errors'
import { StepEntryView } from './StepEntryView'
import { StepForm } from './StepForm'
import { StepStatePill } from './StepLabels'

export function PathSection({ handle, matter }: { handle: DocHandle; matter: Matter }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const errs = useMatterErrors()
  const readPath = useCallback((doc: Y.Doc) => readMatterPath(doc, matter.id), [matter.id])
  const countSteps = useCallback((doc: Y.Doc) => readStepEntries(doc, matter.id).length, [matter.id])
  const path = useDocValue(handle.doc, readPath)
  const recorded = useDocValue(handle.doc, countSteps) ?? 0
  const [failure, setFailure] = useState<string | null>(null)
  if (!path) return null
  const choose = async (p: PathId) => {
    setFailure(null)
    try {
      await chooseMatterPath(env, handle, matter.id, p)
    } catch (e) {
      setFailure(errs.message(e))
    }
  }
  return (
    <section className="card" aria-labelledby="matter-path">
      <h2 id="matter-path">{t('matters:matterScreen.pathTitle')}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <div className="row bottom">
        <SelectField
          label={t('matters:matterScreen.pathChoose')}
          value={matter.path}
          disabled={recorded > 0 || handle.readOnly}
          hint={recorded > 0 ? t('matters:matterScreen.pathLocked') : undefined}
          onChange={(e) => void choose(e.target.value as PathId)}
          options={PATH_IDS.map((p) => ({ value: p, label: t(`matters:path.${p}`) }))}
        />
        <p>
          {t('matters:matterScreen.outcome', { outcome: t(`matters:pathOutcome.${path.outcome}`) })}
          {path.resolvedOn ? ` · ${t('matters:matterScreen.resolvedOn', { date: formatDate(i18n.language, path.resolvedOn) })}` : null}
        </p>
      </div>
      <StepList handle={handle} matterId={matter.id} path={path} />
    </section>
  )
}

function StepList({ handle, matterId, path }: { handle: DocHandle; matterId: string; path: ResolvedPath }) {
  const { t } = useTranslation(['matters', 'common'])
  const [open, setOpen] = useState<StepKey | null>(null)
  return (
    <ol className="path-steps" aria-label={t('matters:stepView.list')}>
      {path.steps.map((s) => (
        <li key={s.template.key} aria-label={t(`matters:step.${s.template.key}`)} className={`path-step step-${s.state}`}>
          <StepRow handle={handle} step={s} path={path} onRecord={() => setOpen(s.template.key)} canRecord={!handle.readOnly && !s.entry && s.state !== 'stopped' && open !== s.template.key} />
          {open === s.template.key ? <StepForm handle={handle} matterId={matterId} template={s.template} onDone={() => setOpen(null)} /> : null}
        </li>
      ))}
    </ol>
  )
}

function StepRow({ handle, step: s, path, canRecord, onRecord }: { handle: DocHandle; step: ResolvedStep; path: ResolvedPath; canRecord: boolean; onRecord: () => void }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const name = t(`matters:step.${s.template.key}`)
  const pending = path.steps.filter((d) => s.template.dependsOn.includes(d.template.key) && d.state !== 'done' && d.state !== 'skipped')
  return (
    <>
      <div className="row">
        <strong>{name}</strong>
        <StepStatePill state={s.state} />
        <span className="spacer" />
        {canRecord ? (
          <button type="button" onClick={onRecord} aria-label={t('matters:stepView.recordNamed', { step: name })}>
            {t('matters:stepView.record')}
          </button>
        ) : null}
      </div>
      {s.state === 'waiting' && pending.length ? <p className="muted">{t('matters:stepView.waitingFor', { steps: pending.map((d) => t(`matters:step.${d.template.key}`)).join(t('common:unsaved.separator')) })}</p> : null}
      {s.entry ? <StepEntryView handle={handle} entry={s.entry} /> : null}
      {s.outOfOrder ? <Banner kind="info">{t('matters:stepView.outOfOrder')}</Banner> : null}
      {s.conflicts.length ? (
        <Banner kind="info">
          {t('matters:stepView.conflicts', {
            list: s.conflicts.map((c) => `${formatDate(i18n.language, c.date)} ${t(`matters:stepMode.${c.mode}`)}${c.mode === 'skipped' ? '' : ` · ${t(`matters:stepOutcome.${c.outcome}`)}`}`).join(t('common:unsaved.separator')),
          })}
        </Banner>
      ) : null}
    </>
  )
}

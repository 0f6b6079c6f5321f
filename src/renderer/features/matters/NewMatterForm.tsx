// Opening a matter (党组织提议, a member's or residents' proposal): title, description, proposer,
// path, the day it is opened and the open requests of the register it gathers (GatherRequests.tsx).
// Once stored it opens on its screen.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { PATH_IDS, type PathId } from '../../../shared/matters/matterPath'
import { REQUESTER_KINDS, type RequesterKind } from '../../../shared/matters/requests'
import { useEditForm } from '../../kit/docForm'
import { useEnv } from '../../kit/env'
import { navigate } from '../../kit/router'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { openDirectMatter } from './actions'
import { useMatterErrors } from './errors'
import { GatherRequests } from './GatherRequests'

interface Values {
  title: string
  description: string
  proposerKind: RequesterKind
  proposerName: string
  path: PathId
  openedOn: string
  requestIds: string[]
}

export function NewMatterForm({ handle, councilId, year, today }: { handle: DocHandle; councilId: string; year: number; today: string }) {
  const { t } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const errs = useMatterErrors()
  // A matter of another year is opened on that year's first day unless the secretary says otherwise.
  const openedOn = today.startsWith(`${year}-`) ? today : `${year}-01-01`
  const stored = useMemo<Values>(() => ({ title: '', description: '', proposerKind: 'partyBranch', proposerName: '', path: 'fourTwo', openedOn, requestIds: [] }), [openedOn])
  const labels: Record<keyof Values, string> = {
    title: t('matters:matterForm.title'),
    description: t('matters:matterForm.description'),
    proposerKind: t('matters:matterForm.proposerKind'),
    proposerName: t('matters:matterForm.proposerName'),
    path: t('matters:matterForm.path'),
    openedOn: t('matters:matterForm.openedOn'),
    requestIds: t('matters:matterForm.requests'),
  }
  const f = useEditForm<Values>(
    stored,
    labels,
    async (v) => {
      const fields = { title: v.title, description: v.description, proposer: { kind: v.proposerKind, name: v.proposerName.trim() }, path: v.path, openedOn: v.openedOn }
      const matterId = await openDirectMatter(env, handle, fields, v.requestIds)
      navigate({ name: 'matter', councilId, year, matterId })
    },
    { describe: errs.describe, show: (k, v) => (k === 'path' ? t(`matters:path.${v as PathId}`) : k === 'proposerKind' ? t(`matters:requesterKind.${v as RequesterKind}`) : String(v)) },
  )
  const v = f.merged()
  const { errors } = f
  return (
    <form onSubmit={(e) => void f.submit(e)} noValidate aria-label={t('matters:matterList.openTitle')}>
      {f.failure ? <Banner kind="error">{f.failure}</Banner> : null}
      <div className="grid">
        <TextField label={labels.title} value={v.title} error={errors.title} onChange={(e) => f.set('title', e.target.value)} required />
        <SelectField
          label={labels.proposerKind}
          value={v.proposerKind}
          onChange={(e) => f.set('proposerKind', e.target.value as RequesterKind)}
          options={REQUESTER_KINDS.map((k) => ({
            value: k,
            label: t(`matters:requesterKind.${k}`),
          }))}
        />
        <TextField label={labels.proposerName} value={v.proposerName} error={errors.proposer} onChange={(e) => f.set('proposerName', e.target.value)} required />
        <SelectField
          label={labels.path}
          value={v.path}
          error={errors.path}
          onChange={(e) => f.set('path', e.target.value as PathId)}
          options={PATH_IDS.map((p) => ({
            value: p,
            label: t(`matters:path.${p}`),
          }))}
        />
        <TextField label={labels.openedOn} type="date" value={v.openedOn} error={errors.openedOn} onChange={(e) => f.set('openedOn', e.target.value)} required />
      </div>
      <TextAreaField label={labels.description} value={v.description} error={errors.description} rows={3} onChange={(e) => f.set('description', e.target.value)} />
      <GatherRequests doc={handle.doc} chosen={v.requestIds} onChange={(ids) => f.set('requestIds', ids)} />
      <FormActions submitLabel={t('matters:matterForm.submit')} busy={f.busy} />
    </form>
  )
}

// Opening a matter directly (党组织提议, a member's or residents' proposal) without a request:
// title, description, proposer, path and the day it is opened. Once stored it opens on its screen.
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

interface Values {
  title: string
  description: string
  proposerKind: RequesterKind
  proposerName: string
  path: PathId
  openedOn: string
}

export function NewMatterForm({ handle, councilId, year, today }: { handle: DocHandle; councilId: string; year: number; today: string }) {
  const { t } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const errs = useMatterErrors()
  // A matter of another year is opened on that year's first day unless the secretary says otherwise.
  const openedOn = today.startsWith(`${year}-`) ? today : `${year}-01-01`
  const stored = useMemo<Values>(() => ({ title: '', description: '', proposerKind: 'partyBranch', proposerName: '', path: 'fourTwo', openedOn }), [openedOn])
  const labels: Record<keyof Values, string> = {
    title: t('matters:matterForm.title'),
    description: t('matters:matterForm.description'),
    proposerKind: t('matters:matterForm.proposerKind'),
    proposerName: t('matters:matterForm.proposerName'),
    path: t('matters:matterForm.path'),
    openedOn: t('matters:matterForm.openedOn'),
  }
  const f = useEditForm<Values>(
    stored,
    labels,
    async (v) => {
      const matterId = await openDirectMatter(env, handle, {
        title: v.title,
        description: v.description,
        proposer: { kind: v.proposerKind, name: v.proposerName.trim() },
        path: v.path,
        openedOn: v.openedOn,
      })
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
          options={REQUESTER_KINDS.map((k) => ({ value: k, label: t(`matters:requesterKind.${k}`) }))}
        />
        <TextField label={labels.proposerName} value={v.proposerName} error={errors.proposer} onChange={(e) => f.set('proposerName', e.target.value)} required />
        <SelectField
          label={labels.path}
          value={v.path}
          error={errors.path}
          onChange={(e) => f.set('path', e.target.value as PathId)}
          options={PATH_IDS.map((p) => ({ value: p, label: t(`matters:path.${p}`) }))}
        />
        <TextField label={labels.openedOn} type="date" value={v.openedOn} error={errors.openedOn} onChange={(e) => f.set('openedOn', e.target.value)} required />
      </div>
      <TextAreaField label={labels.description} value={v.description} error={errors.description} rows={3} onChange={(e) => f.set('description', e.target.value)} />
      <FormActions submitLabel={t('matters:matterForm.submit')} busy={f.busy} />
    </form>
  )
}

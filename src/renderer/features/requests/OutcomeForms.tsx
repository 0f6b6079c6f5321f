// The three decisions about an open request, each a small form whose input is a draft (leaving
// asks, naming it) and whose refusal is the shared rule's, in words: merge into another open
// request, decline with a reason, or open a matter with it (and other open requests).
import { useTranslation } from 'react-i18next'
import { PATH_IDS, type PathId } from '../../../shared/matters/matterPath'
import { MAX_SHORT_TEXT, type RequestState } from '../../../shared/matters/requests'
import type { IsoDate } from '../../../shared/domain/dates'
import { useCouncil } from '../../kit/CouncilContext'
import { useEnv } from '../../kit/env'
import { navigate } from '../../kit/router'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { Banner } from '../../ui/Banner'
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import type { DocHandle } from '../../sync/docs'
import { declineRequest, makeMatter, mergeRequest } from './actions'
import { useDescribeRequestError } from './errors'
import { useRecorder } from './local'
import { requestSummary } from './requestText'

/** The other requests still open, oldest first: what this one can be merged into or gathered with. */
const othersOpen = (s: RequestState, states: ReadonlyMap<string, RequestState>) =>
  [...states.values()].filter((o) => o.status === 'open' && o.request.id !== s.request.id).sort((a, b) => (a.request.receivedOn < b.request.receivedOn ? -1 : a.request.receivedOn > b.request.receivedOn ? 1 : 0))

function useOutcomeWrite() {
  const env = useEnv()
  const by = useRecorder(env.db) ?? ''
  const action = useFormAction(useDescribeRequestError())
  return { env, by, action }
}

export function MergeForm({ handle, s, states }: { handle: DocHandle; s: RequestState; states: ReadonlyMap<string, RequestState> }) {
  const { t } = useTranslation(['matters', 'common'])
  const { env, by, action } = useOutcomeWrite()
  const draft = useDraft({ into: '', on: env.today() }, (v) => (v.into ? [t('matters:req.outcome.mergeInto')] : []))
  const candidates = othersOpen(s, states)
  const submit = () => draft.submit((v) => action.submit(() => mergeRequest(env, handle, s.request.id, v.into, v.on as IsoDate, by)))
  return (
    <form className="stack" aria-label={t('matters:req.outcome.way.merge')} noValidate onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}>
      {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
      {candidates.length === 0 ? <p className="muted">{t('matters:req.outcome.noOthers')}</p> : null}
      <SelectField
        label={t('matters:req.outcome.mergeInto')}
        hint={t('matters:req.outcome.mergeHint')}
        value={draft.value.into}
        onChange={(e) => draft.set((v) => ({ ...v, into: e.target.value }))}
        options={[{ value: '', label: t('matters:req.outcome.chooseRequest') }, ...candidates.map((o) => ({ value: o.request.id, label: requestSummary(t, o.request) }))]}
      />
      <TextField label={t('matters:req.outcome.on')} type="date" value={draft.value.on} onChange={(e) => draft.set((v) => ({ ...v, on: e.target.value }))} />
      <FormActions submitLabel={t('matters:req.outcome.mergeSubmit')} busy={action.busy} disabled={!draft.value.into} />
    </form>
  )
}

export function DeclineForm({ handle, s }: { handle: DocHandle; s: RequestState }) {
  const { t } = useTranslation(['matters', 'common'])
  const { env, by, action } = useOutcomeWrite()
  const draft = useDraft({ reason: '', on: env.today() }, (v) => (v.reason.trim() ? [t('matters:req.outcome.reason')] : []))
  const submit = () => draft.submit((v) => action.submit(() => declineRequest(env, handle, s.request.id, v.reason, v.on as IsoDate, by)))
  return (
    <form className="stack" aria-label={t('matters:req.outcome.way.decline')} noValidate onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}>
      {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
      <TextAreaField label={t('matters:req.outcome.reason')} rows={3} value={draft.value.reason} maxLength={4000} onChange={(e) => draft.set((v) => ({ ...v, reason: e.target.value }))} />
      <TextField label={t('matters:req.outcome.on')} type="date" value={draft.value.on} onChange={(e) => draft.set((v) => ({ ...v, on: e.target.value }))} />
      <FormActions submitLabel={t('matters:req.outcome.declineSubmit')} busy={action.busy} />
    </form>
  )
}

export function MatterForm({ handle, s, states, year }: { handle: DocHandle; s: RequestState; states: ReadonlyMap<string, RequestState>; year: number }) {
  const { t } = useTranslation(['matters', 'common'])
  const { council } = useCouncil()
  const { env, by, action } = useOutcomeWrite()
  const draft = useDraft({ title: '', path: 'fourTwo' as PathId, on: env.today(), others: [] as string[] }, (v) => [
    ...(v.title.trim() ? [t('matters:req.outcome.matterTitle')] : []),
    ...(v.others.length ? [t('matters:req.outcome.gather')] : []),
  ])
  const candidates = othersOpen(s, states)
  const v = draft.value
  const submit = () =>
    draft.submit((d) =>
      action.submit(async () => {
        const fields = { title: d.title, description: s.request.text, proposer: s.request.requester, path: d.path, openedOn: d.on as IsoDate }
        const matterId = await makeMatter(env, handle, fields, [s.request.id, ...d.others], by)
        navigate({ name: 'matter', councilId: council.id, year, matterId })
      }),
    )
  return (
    <form className="stack" aria-label={t('matters:req.outcome.way.matter')} noValidate onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}>
      {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
      <TextField label={t('matters:req.outcome.matterTitle')} value={v.title} maxLength={MAX_SHORT_TEXT} error={action.errors.title} onChange={(e) => draft.set((x) => ({ ...x, title: e.target.value }))} />
      <SelectField label={t('matters:req.outcome.path')} value={v.path} onChange={(e) => draft.set((x) => ({ ...x, path: e.target.value as PathId }))} options={PATH_IDS.map((p) => ({ value: p, label: t(`matters:path.${p}`) }))} />
      <TextField label={t('matters:req.outcome.openedOn')} type="date" value={v.on} error={action.errors.openedOn} onChange={(e) => draft.set((x) => ({ ...x, on: e.target.value }))} />
      {candidates.length > 0 ? (
        <fieldset>
          <legend>{t('matters:req.outcome.gather')}</legend>
          {candidates.map((o) => (
            <CheckboxField
              key={o.request.id}
              label={requestSummary(t, o.request)}
              checked={v.others.includes(o.request.id)}
              onChange={(e) => draft.set((x) => ({ ...x, others: e.target.checked ? [...x.others, o.request.id] : x.others.filter((id) => id !== o.request.id) }))}
            />
          ))}
        </fieldset>
      ) : null}
      <FormActions submitLabel={t('matters:req.outcome.matterSubmit')} busy={action.busy} />
    </form>
  )
}

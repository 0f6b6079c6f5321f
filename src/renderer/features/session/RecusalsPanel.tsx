// The current item's recusals: who stands aside and why, undone while the session runs, and the
// form to add one (the reason leaves the unsaved list as it is submitted; see kit/useDraft.ts).
import { useTranslation } from 'react-i18next'
import type { AgendaItemId, MemberId } from '../../../shared/domain/ids'
import { readRecusals } from '../../../shared/doc/recusals'
import { useEnv } from '../../kit/env'
import { useDraft } from '../../kit/useDraft'
import { useMeeting } from '../../kit/MeetingContext'
import { SelectField, TextField } from '../../ui/Field'
import { recuseMember, unrecuseMember } from './actions'
import type { SessionView } from './useSession'
import type { Option, Run } from './floorTypes'

export function RecusalsPanel({ view, itemId, live, memberOptions, run }: { view: SessionView; itemId: AgendaItemId; live: boolean; memberOptions: Option[]; run: Run }) {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle } = useMeeting()
  const recusal = useDraft({ memberId: '', reason: '' }, (r) => (r.reason.trim() ? [t('session:recusal.reason')] : []))
  const recusals = readRecusals(handle.doc, itemId)
  return (
    <details className="card">
      <summary>{t('session:recusal.title', { count: recusals.length })}</summary>
      <ul>
        {recusals.map((r) => (
          <li key={r.memberId}>
            {t('session:recusal.entry', { name: view.names.get(r.memberId) ?? r.memberId, reason: r.reason })}{' '}
            {live ? (
              <button className="small" onClick={() => void run(() => unrecuseMember(env, handle, itemId, r.memberId as MemberId))}>
                {t('session:recusal.undo')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {live ? (
        <form
          className="row"
          aria-label={t('session:recusal.add')}
          onSubmit={(e) => {
            e.preventDefault()
            void recusal.submit((r) => run(() => recuseMember(env, handle, itemId, r.memberId as MemberId, r.reason)))
          }}
        >
          <SelectField label={t('session:recusal.member')} value={recusal.value.memberId} onChange={(e) => recusal.set((r) => ({ ...r, memberId: e.target.value }))} options={memberOptions} />
          <TextField label={t('session:recusal.reason')} value={recusal.value.reason} onChange={(e) => recusal.set((r) => ({ ...r, reason: e.target.value }))} />
          <button type="submit" disabled={!recusal.value.memberId}>
            {t('session:recusal.add')}
          </button>
        </form>
      ) : null}
    </details>
  )
}

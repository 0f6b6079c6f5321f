// Proposing a motion, or an amendment to the motion under debate: who proposes and the text. The
// text leaves the unsaved list as it is submitted and comes back if the write is refused (kit/useDraft.ts).
import { useTranslation } from 'react-i18next'
import type { AgendaItemId, MemberId } from '../../../shared/domain/ids'
import type { Motion } from '../../../shared/doc/motions'
import { useEnv } from '../../kit/env'
import { useDraft } from '../../kit/useDraft'
import { useMeeting } from '../../kit/MeetingContext'
import { SelectField, TextAreaField } from '../../ui/Field'
import { propose } from './actions'
import type { Option, Run } from './floorTypes'

/** A motion on the item (no `parent`), or an amendment to `parent`. */
export function ProposeForm({ itemId, parent, memberOptions, run }: { itemId: AgendaItemId; parent?: Motion; memberOptions: Option[]; run: Run }) {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle } = useMeeting()
  const textLabel = parent ? t('session:amendment.text') : t('session:motion.text')
  const draft = useDraft({ proposerId: '', text: '' }, (d) => (d.text.trim() ? [textLabel] : []))
  const title = parent ? t('session:amendment.proposeTitle') : t('session:motion.proposeTitle')
  return (
    <form
      className={parent ? undefined : 'card'}
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault()
        void draft.submit((d) => run(() => propose(env, handle, { itemId, proposerId: d.proposerId as MemberId, text: d.text, ...(parent ? { parentId: parent.id } : {}) })))
      }}
    >
      {parent ? null : <h3>{title}</h3>}
      <SelectField label={t('session:motion.proposer')} value={draft.value.proposerId} onChange={(e) => draft.set((d) => ({ ...d, proposerId: e.target.value }))} options={memberOptions} />
      <TextAreaField
        label={textLabel}
        hint={parent ? t('session:amendment.hint') : undefined}
        value={draft.value.text}
        onChange={(e) => draft.set((d) => ({ ...d, text: e.target.value }))}
      />
      <button type="submit" className={parent ? undefined : 'primary'} disabled={!draft.value.proposerId}>
        {parent ? t('session:amendment.propose') : t('session:motion.propose')}
      </button>
    </form>
  )
}

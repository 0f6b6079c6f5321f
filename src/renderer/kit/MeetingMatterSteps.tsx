// The meeting's side of a matter step's link: the steps of matters (议题) this meeting carried, read
// from the matters documents (the link is written once, there: shared/doc/mattersLinks.ts), each
// with a link back to its matter. A matter opened the year before may be decided in this year's
// meeting, so the meeting's year and the one before are read, when the council has them.
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { indexedYears } from '../../shared/doc/council'
import { readMatters } from '../../shared/doc/matters'
import { readStepsOfMeeting } from '../../shared/doc/mattersLinks'
import { readMotion } from '../../shared/doc/motions'
import type { MotionId } from '../../shared/domain/ids'
import type { StepKey } from '../../shared/matters/matterPath'
import { useCouncil } from './CouncilContext'
import { useDocHandle, useDocValue } from './docHooks'
import { href } from './router'
import { yearDocName } from './yearDoc'

interface Carried {
  year: number
  id: string
  matterId: string
  matter: string
  step: StepKey
  motionId?: string
}

const yearsKey = (doc: Y.Doc): string => indexedYears(doc, 'matters').join(',')

/** The steps carried by the meeting, from one year's matters document (null name: none). */
function useCarriedIn(name: string | null, year: number, meetingId: string): Carried[] {
  const state = useDocHandle(name)
  const read = useCallback(
    (doc: Y.Doc) => {
      const titles = new Map(readMatters(doc).map((m) => [m.id, m.title]))
      return readStepsOfMeeting(doc, meetingId).flatMap((e) =>
        e.mode === 'meeting' && titles.has(e.matterId) ? [{ year, id: e.id, matterId: e.matterId, matter: titles.get(e.matterId)!, step: e.step, ...(e.motionId ? { motionId: e.motionId } : {}) }] : [],
      )
    },
    [meetingId, year],
  )
  return useDocValue(name && state.status === 'ready' ? state.handle.doc : null, read) ?? []
}

/** "Carries step X of matter Y" for each step this meeting carried, with a link to the matter; nothing when none. */
export function MeetingMatterSteps({ meetingId, year, meetingDoc }: { meetingId: string; year: number; meetingDoc: Y.Doc }) {
  const { t } = useTranslation('matters')
  const { council, handle } = useCouncil()
  const years = (useDocValue(handle.doc, yearsKey) ?? '').split(',').map(Number)
  // Only years the council already has: reading must not start a year's document.
  const nameOf = (y: number) => (years.includes(y) ? yearDocName('matters', council.id, y) : null)
  const carried = [...useCarriedIn(nameOf(year - 1), year - 1, meetingId), ...useCarriedIn(nameOf(year), year, meetingId)]
  if (carried.length === 0) return null
  return (
    <section className="card" aria-labelledby="meeting-matter-steps">
      <h2 id="meeting-matter-steps">{t('carried.title')}</h2>
      <ul>
        {carried.map((c) => {
          const motion = c.motionId ? readMotion(meetingDoc, c.motionId as MotionId) : null
          return (
            <li key={c.id}>
              <a href={href({ name: 'matter', councilId: council.id, year: c.year, matterId: c.matterId })}>{t('carried.line', { matter: c.matter, step: t(`step.${c.step}`) })}</a>
              {motion ? ` ${t('carried.motion', { text: motion.text })}` : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

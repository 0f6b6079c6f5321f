// Names what a checklist finding is about (the agenda item and the motion) from the record, so a
// reviewer reads "议题 1 · 同意3栋加装电梯" rather than ids.
import type { ChecklistItem } from '../../../shared/minutes/review'
import type { MeetingRecord } from '../../../shared/minutes/types'

export function aboutRef(record: MeetingRecord, label: (n: number, title: string) => string): (ref: NonNullable<ChecklistItem['ref']>) => string | null {
  return (ref) => {
    const index = record.agenda.findIndex((i) => i.id === ref.itemId || i.motions.some((m) => m.id === ref.motionId || m.amendments.some((a) => a.id === ref.motionId)))
    const item = record.agenda[index]
    if (!item) return null
    const motion = item.motions.flatMap((m) => [m, ...m.amendments]).find((m) => m.id === ref.motionId)
    return motion ? `${label(index + 1, item.title)} · ${motion.text}` : label(index + 1, item.title)
  }
}

// A step form's values as typed, and the step record they make. No rule here: whatever the record
// holds, recordStep checks it with the shared stepRefusal and the form shows the refusal's words.
import type { FileRef } from '../../../shared/files/fileRef'
import type { StepOutcome, StepRecord, StepTemplate } from '../../../shared/matters/matterPath'

export type StepMode = StepRecord['mode']

export interface StepValues {
  mode: StepMode
  date: string
  body: string
  outcome: StepOutcome
  note: string
  present: string
  due: string
  until: string
  reason: string
  meetingId: string
  agendaItemId: string
  motionId: string
  files: FileRef[]
}

/** The ways this step can be recorded: in a Yishi meeting only where Yishi runs the body; skipped only where the step may be. */
export const modesOf = (t: StepTemplate): StepMode[] => [...(t.inYishi ? (['meeting'] as const) : []), 'outside', ...(t.resolves ? [] : (['skipped'] as const))]

/** The outcomes a step can have: a deciding body approves or rejects, any other step is done. */
export const outcomesOf = (t: StepTemplate): StepOutcome[] => (t.decides ? ['approved', 'rejected'] : ['done'])

export function emptyStep(t: StepTemplate, today: string): StepValues {
  return { mode: modesOf(t)[0]!, date: today, body: '', outcome: outcomesOf(t)[0]!, note: '', present: '', due: '', until: '', reason: '', meetingId: '', agendaItemId: '', motionId: '', files: [] }
}

/** A typed count: an empty field is no count; anything else is kept as the number it reads as, so a wrong one is refused by name. */
const count = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim()))

/** The record to write, and the files attached beyond the scan. `voteOutcome`: the chosen motion's vote, which decides a meeting step's outcome. */
export function recordOf(v: StepValues, voteOutcome: StepOutcome | null): { record: StepRecord; moreFiles: FileRef[] } {
  if (v.mode === 'skipped') return { record: { mode: 'skipped', date: v.date, reason: v.reason }, moreFiles: [] }
  if (v.mode === 'meeting') {
    const record: StepRecord = {
      mode: 'meeting',
      date: v.date,
      meetingId: v.meetingId,
      ...(v.agendaItemId ? { agendaItemId: v.agendaItemId } : {}),
      ...(v.motionId ? { motionId: v.motionId } : {}),
      outcome: voteOutcome ?? v.outcome,
    }
    return { record, moreFiles: [] }
  }
  const [scan, ...moreFiles] = v.files
  const attendance = v.present.trim() || v.due.trim() ? { attendance: { present: count(v.present), due: count(v.due) } } : {}
  const record: StepRecord = {
    mode: 'outside',
    date: v.date,
    body: v.body.trim(),
    outcome: v.outcome,
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
    ...attendance,
    ...(v.until ? { until: v.until } : {}),
    ...(scan ? { scan } : {}),
  }
  return { record, moreFiles }
}

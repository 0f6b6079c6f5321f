// Deciding whether a frame of an authenticated document may reach Hocuspocus (gate.ts): it must
// decode and stay within the update bounds (frames.ts, updateBounds.ts, costTrial.ts), and the
// connection must stay within its time budget. Each check of an update is timed, and the time
// its trial on the shadow took is charged once more for Hocuspocus integrating it again. A connection whose updates took more than `maxUpdateMsPer10s` in the last 10 s is
// closed (1008 `update-time-budget`): the bounds make one update cost little, this keeps many
// cheap ones from adding up to a frozen server.
import type * as Y from 'yjs'
import { lastTrialMs, shadowOf } from './costTrial'
import { FrameError, TooCostly, carriesContent, readHeader, validateFrame, type FrameHeader } from './frames'
import { Close } from './gateRules'
import type { SyncServerEvent } from './log'
import type { TimeBudget } from './timeBudget'
import { UpdateTooCostly, type UpdateBounds } from './updateBounds'

export type Verdict = { ok: true } | { ok: false; event: SyncServerEvent; close: { code: number; reason: string } }

/**
 * Checks a whole frame of an authenticated document and charges its time to the connection.
 * `header`: the frame's header if the gate has read it already (each frame's is read once).
 */
export function judgeFrame(data: Uint8Array, bounds: UpdateBounds, documentOf: (name: string) => Y.Doc | undefined, budget: TimeBudget, header?: FrameHeader): Verdict {
  let name: string | undefined
  let started = performance.now()
  let integrateMs = 0
  try {
    const read = header ?? readHeader(data)
    name = read.documentName
    const doc = documentOf(name)
    // Copying the document for its shadow is the cost of loading it, not of this update.
    if (doc && carriesContent(data, read)) {
      shadowOf(doc)
      started = performance.now()
    }
    if (validateFrame(data, { bounds, doc }, read).writes) integrateMs = lastTrialMs
  } catch (e) {
    const reason = e instanceof FrameError || e instanceof UpdateTooCostly ? e.message : 'undecodable'
    const documentName = name?.slice(0, 200) ?? documentNameOf(data).documentName
    const where = documentName ? { documentName } : {}
    if (e instanceof TooCostly || e instanceof UpdateTooCostly) return { ok: false, event: { type: 'update-too-costly', reason, ...where }, close: Close.policy('update-too-costly') }
    return { ok: false, event: { type: 'malformed-message', reason, ...where }, close: Close.malformed }
  }
  if (budget.charge(performance.now() - started + integrateMs)) return { ok: true }
  const reason = `updates took ${Math.round(budget.spentMs)} ms in 10 s (at most ${bounds.maxUpdateMsPer10s})`
  return { ok: false, event: { type: 'update-too-costly', reason, documentName: name.slice(0, 200) }, close: Close.policy('update-time-budget') }
}

/** The document name of a frame, for the log, if it decodes. */
export function documentNameOf(frame: Uint8Array): { documentName?: string } {
  try {
    return { documentName: readHeader(frame).documentName.slice(0, 200) }
  } catch {
    return {}
  }
}

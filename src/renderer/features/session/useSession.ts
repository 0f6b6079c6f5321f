// Everything the session screens read from the meeting document, re-read after each transaction.
import { useMemo } from 'react'
import type * as Y from 'yjs'
import { presentRows } from '../../../shared/doc/attendance'
import { readAttendance, readObservers } from '../../../shared/doc/attendance'
import { readAgenda } from '../../../shared/doc/meeting'
import { readMotions } from '../../../shared/doc/motions'
import { readSession } from '../../../shared/doc/session'
import { readSpeeches } from '../../../shared/doc/speeches'
import { readVotes } from '../../../shared/doc/votes'
import { useDocValue } from '../../kit/docHooks'

function readAll(doc: Y.Doc) {
  return {
    session: readSession(doc),
    attendance: readAttendance(doc),
    observers: readObservers(doc),
    agenda: readAgenda(doc),
    motions: readMotions(doc),
    speeches: readSpeeches(doc),
    votes: readVotes(doc),
  }
}

export type SessionView = ReturnType<typeof readAll> & { names: Map<string, string> }

export function useSessionView(doc: Y.Doc): SessionView | null {
  const all = useDocValue(doc, readAll)
  return useMemo(() => {
    if (!all) return null
    const names = new Map<string, string>()
    for (const a of all.attendance) names.set(a.memberId, a.name)
    for (const o of all.observers) names.set(o.id, o.name)
    return { ...all, names }
  }, [all])
}

/** Members present now (signed in and not departed), observers excluded: the rule is shared/doc/attendance's. */
export const presentMembers = (view: SessionView) => presentRows(view.attendance)

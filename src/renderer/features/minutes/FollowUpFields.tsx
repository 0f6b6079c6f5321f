// Who implements a resolution and by when (落实人 / 完成时限), written into the meeting document as
// they are typed: no save button, so nothing typed can be dropped by 「草稿完成，送签」 (issue 14).
// A deadline is stored only once it is a whole date (or cleared); while the date field holds a
// partial date the field says so, and the draft panel refuses to send the draft, naming it.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readResolutionField } from '../../../shared/doc/minutes'
import { useErrors } from '../../kit/errors'
import { TextField } from '../../ui/Field'
import { useMeeting } from '../../kit/MeetingContext'
import { editFollowUp } from './actions'

/** Tells the draft panel whether a motion's deadline is typed only in part (not stored yet). */
export type ReportPending = (motionId: string, pending: boolean) => void

/** The stored value of one field, re-read after every transaction unless the field is mid-composition. */
function useStored(doc: Y.Doc, read: (d: Y.Doc) => string, hold: () => boolean): [string, (v: string) => void] {
  const [value, setValue] = useState(() => read(doc))
  useEffect(() => {
    const sync = () => {
      if (!hold()) setValue(read(doc))
    }
    sync()
    doc.on('afterTransaction', sync)
    return () => doc.off('afterTransaction', sync)
  }, [doc, read, hold])
  return [value, setValue]
}

export function FollowUpFields({ motionId, editable, onPending }: { motionId: string; editable: boolean; onPending: ReportPending }) {
  const { t } = useTranslation(['minutes', 'common'])
  const errs = useErrors()
  const { handle } = useMeeting()
  const composing = useRef(false)
  const holdName = useCallback(() => composing.current, [])
  const holdDue = useCallback(() => false, [])
  const readName = useCallback((d: Y.Doc) => readResolutionField(d, motionId, 'implementer'), [motionId])
  const readDue = useCallback((d: Y.Doc) => readResolutionField(d, motionId, 'due'), [motionId])
  const [implementer, setImplementer] = useStored(handle.doc, readName, holdName)
  const [due] = useStored(handle.doc, readDue, holdDue)
  const row = useRef<HTMLDivElement>(null)
  // Another device's deadline appears here, but never under the cursor of someone typing one.
  useEffect(() => {
    const input = row.current?.querySelector<HTMLInputElement>('input[type="date"]')
    if (input && input.value !== due && document.activeElement !== input) input.value = due
  }, [due])
  const [nameError, setNameError] = useState<string | undefined>()
  // 'incomplete' is translated when shown, so a language switch changes it too.
  const [dueError, setDueError] = useState<string | undefined>()

  const writeName = (v: string) => {
    try {
      editFollowUp(handle, motionId, 'implementer', v)
      setNameError(undefined)
    } catch (e) {
      setNameError(errs.message(e))
    }
  }
  // A date input reports a partial date as badInput with an empty value: nothing to store yet.
  const checkDue = (input: HTMLInputElement) => {
    if (input.validity.badInput) {
      setDueError('incomplete')
      onPending(motionId, true)
      return
    }
    try {
      editFollowUp(handle, motionId, 'due', input.value)
      setDueError(undefined)
      onPending(motionId, false)
    } catch (e) {
      setDueError(errs.message(e))
      onPending(motionId, true)
    }
  }
  useEffect(() => () => onPending(motionId, false), [motionId, onPending])

  return (
    <div className="row top" ref={row}>
      <TextField
        label={t('minutes:draft.implementer')}
        value={implementer}
        disabled={!editable}
        maxLength={200}
        error={nameError}
        onChange={(e) => {
          setImplementer(e.target.value)
          if (!composing.current) writeName(e.target.value)
        }}
        onCompositionStart={() => {
          composing.current = true
        }}
        onCompositionEnd={(e) => {
          composing.current = false
          writeName(e.currentTarget.value)
        }}
      />
      <TextField
        label={t('minutes:draft.due')}
        type="date"
        // Uncontrolled: a controlled date input would wipe the segments typed so far.
        defaultValue={due}
        disabled={!editable}
        error={dueError === 'incomplete' ? t('minutes:draft.dueIncomplete') : dueError}
        onInput={(e) => checkDue(e.currentTarget)}
        onChange={(e) => checkDue(e.currentTarget)}
        onBlur={(e) => checkDue(e.currentTarget)}
        onKeyUp={(e) => checkDue(e.currentTarget)}
      />
    </div>
  )
}

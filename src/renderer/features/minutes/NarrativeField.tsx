// A textarea bound to a Y.Text of the minutes: every change goes into the document as the
// smallest edit (so two people typing on two devices both keep their words), never while an
// input method is still composing (pinyin would otherwise land in the minutes), and text typed
// on another device appears here unless this field is mid-composition.
import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { TextAreaField } from '../../ui/Field'

export function NarrativeField(props: {
  label: string
  hint?: string
  doc: Y.Doc
  read: (doc: Y.Doc) => string
  write: (value: string) => void
  disabled: boolean
  rows?: number
  onError: (e: unknown) => void
}) {
  const { doc, read, write, onError } = props
  const [value, setValue] = useState(() => read(doc))
  const composing = useRef(false)
  useEffect(() => {
    const sync = () => {
      if (!composing.current) setValue(read(doc))
    }
    sync()
    doc.on('afterTransaction', sync)
    return () => doc.off('afterTransaction', sync)
  }, [doc, read])
  const commit = (next: string) => {
    try {
      write(next)
    } catch (e) {
      onError(e)
      setValue(read(doc))
    }
  }
  return (
    <TextAreaField
      label={props.label}
      hint={props.hint}
      value={value}
      rows={props.rows ?? 6}
      disabled={props.disabled}
      onChange={(e) => {
        setValue(e.target.value)
        if (!composing.current) commit(e.target.value)
      }}
      onCompositionStart={() => {
        composing.current = true
      }}
      onCompositionEnd={(e) => {
        composing.current = false
        commit(e.currentTarget.value)
      }}
    />
  )
}

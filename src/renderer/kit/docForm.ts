// A form over a record that other devices may change at the same time (issue 23): it shows the
// stored value of every field the person has not touched (so another laptop's edit appears as it
// arrives), saves only the fields the person changed, and, where another device changed a field
// the person is also changing, says so instead of silently overwriting. Its changed fields are
// registered as unsaved input (unsaved.ts), so leaving the screen asks first.
import { useCallback, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { planSave, sameValue as same, type FieldConflict } from '../../shared/doc/editPlan'
import { useUnsavedFields } from './unsaved'
import { useFormAction, type DescribeError } from './useFormAction'

type Key<T> = keyof T & string

export type { FieldConflict }

export interface DocForm<T extends object> {
  /** What the field shows: the person's edit, else what is stored now. */
  value: <K extends Key<T>>(k: K) => T[K]
  set: <K extends Key<T>>(k: K, v: T[K]) => void
  /** Several fields at once (a choice that fills in others, like a council's kind and its rules). */
  setMany: (patch: Partial<T>) => void
  /** The record to write: what is stored now with only the person's changes on top. */
  merged: () => T
  /** Fields the person changed (differing from what is stored). */
  changed: () => Partial<T>
  conflicts: FieldConflict<T>[]
  /** Keep the person's value: acknowledged, the next save writes it. */
  keepMine: (k: Key<T>) => void
  /** Take the other device's value: the person's edit of that field is dropped. */
  takeTheirs: (k: Key<T>) => void
  /** After a save (or a cancel): every field shows what is stored again, and nothing is unsaved. */
  reset: () => void
  /**
   * After a save of a form that stays open for the next record: drops only the edits that still
   * hold what was saved, so whatever was typed while the save ran stays.
   */
  clearSaved: (saved: Partial<T>) => void
  dirty: boolean
}

/**
 * `stored`: the record as the document holds it now (re-read on every render);
 * `labels`: each field's label in the user's language, for "unsaved: …" messages.
 */
export function useDocForm<T extends object>(stored: T, labels: Partial<Record<Key<T>, string>>, inFlight: Partial<T> | null = null): DocForm<T> {
  const [edits, setEdits] = useState<Partial<T>>({})
  const [base, setBase] = useState<Partial<T>>({})
  const plan = useMemo(() => planSave(stored, edits, base), [stored, edits, base])
  const changedKeys = Object.keys(plan.changed) as Key<T>[]
  // A value being saved right now is not unsaved input (a new record's form keeps it on screen
  // until the save returns); whatever is typed over it while the save runs is.
  const unsaved = changedKeys.filter((k) => !(inFlight && k in inFlight && same(inFlight[k], plan.changed[k])))
  const release = useUnsavedFields(unsaved.map((k) => labels[k] ?? k))

  const setMany = useCallback(
    (patch: Partial<T>) => {
      setBase((b) => {
        const next = { ...b }
        for (const k of Object.keys(patch) as Key<T>[]) if (!(k in next)) next[k] = stored[k]
        return next
      })
      setEdits((e) => ({ ...e, ...patch }))
    },
    [stored],
  )
  const keepMine = useCallback((k: Key<T>) => setBase((b) => ({ ...b, [k]: stored[k] })), [stored])
  const takeTheirs = useCallback((k: Key<T>) => {
    const drop = (o: Partial<T>) => {
      const next = { ...o }
      delete next[k]
      return next
    }
    setEdits(drop)
    setBase(drop)
  }, [])
  const reset = useCallback(() => {
    release()
    setEdits({})
    setBase({})
  }, [release])
  const clearSaved = useCallback((saved: Partial<T>) => {
    const keep = (o: Partial<T>, e: Partial<T>) => {
      const next: Partial<T> = {}
      for (const k of Object.keys(o) as Key<T>[]) if (!(k in saved) || !same(e[k], saved[k])) next[k] = o[k]
      return next
    }
    setEdits((e) => {
      const kept = keep(e, e)
      setBase((b) => keep(b, e))
      return kept
    })
  }, [])
  return {
    value: <K extends Key<T>>(k: K) => (k in edits ? (edits[k] as T[K]) : stored[k]),
    set: <K extends Key<T>>(k: K, v: T[K]) => setMany({ [k]: v } as unknown as Partial<T>),
    setMany,
    merged: () => ({ ...stored, ...plan.changed }),
    changed: () => plan.changed,
    conflicts: plan.conflicts,
    keepMine,
    takeTheirs,
    reset,
    clearSaved,
    dirty: changedKeys.length > 0,
  }
}

/**
 * useDocForm with its submit: refused while a conflict is unresolved (naming the fields), else the
 * merged record is written by `save`, the draft is cleared and "saved" shows until the next edit.
 * `show` turns a field's value into words for the conflict notice (default: as text).
 */
export function useEditForm<T extends object>(
  stored: T,
  labels: Partial<Record<Key<T>, string>>,
  save: (merged: T, changed: Partial<T>) => Promise<unknown>,
  options: {
    describe?: DescribeError
    show?: (k: Key<T>, v: T[Key<T>]) => string
    /** The form stays open for the next record (a new agenda item): keep what was typed during the save. */
    staysOpen?: boolean
  } = {},
) {
  const { t } = useTranslation('common')
  const [inFlight, setInFlight] = useState<Partial<T> | null>(null)
  const form = useDocForm(stored, labels, inFlight)
  const action = useFormAction(options.describe)
  const [saved, setSaved] = useState(false)
  const label = (k: Key<T>) => labels[k] ?? k
  const show = options.show ?? ((_k: Key<T>, v: T[Key<T>]) => String(v))
  async function submit(e?: FormEvent) {
    e?.preventDefault()
    if (form.conflicts.length > 0) {
      action.setFailure(t('unsaved.conflictRefused', { fields: form.conflicts.map((c) => label(c.key)).join(t('unsaved.separator')) }))
      return false
    }
    const merged = form.merged()
    const changed = form.changed()
    setInFlight(changed)
    const ok = await action.submit(() => save(merged, changed))
    setInFlight(null)
    if (ok) {
      if (options.staysOpen) form.clearSaved(changed)
      else form.reset()
      setSaved(true)
    }
    return ok
  }
  return {
    ...form,
    ...action,
    set: <K extends Key<T>>(k: K, v: T[K]) => {
      setSaved(false)
      form.set(k, v)
    },
    setMany: (patch: Partial<T>) => {
      setSaved(false)
      form.setMany(patch)
    },
    saved,
    submit,
    /** A cancel that first drops the draft (the person chose to discard it, so nothing asks). */
    discardThen: (onCancel?: () => void) =>
      onCancel &&
      (() => {
        form.reset()
        onCancel()
      }),
    /** The conflicts in words, for ui/FieldConflicts. */
    shownConflicts: form.conflicts.map((c) => ({ key: c.key, label: label(c.key), mine: show(c.key, c.mine), theirs: show(c.key, c.theirs) })),
    // A choice made answers the "choose first" message.
    keepMine: (k: string) => {
      action.setFailure(null)
      form.keepMine(k as Key<T>)
    },
    takeTheirs: (k: string) => {
      action.setFailure(null)
      form.takeTheirs(k as Key<T>)
    },
  }
}

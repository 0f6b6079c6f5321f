// What a form's save writes when other devices may have changed the same record meanwhile: only
// the fields the person changed, and a conflict for each of those that another device changed too
// since the person began editing it. Pure; used by every edit form (renderer/app/docForm.ts).

type Key<T> = keyof T & string

/** One field changed both here and elsewhere since the person began editing it. */
export interface FieldConflict<T> {
  key: Key<T>
  /** What the person is typing. */
  mine: T[Key<T>]
  /** What another device stored meanwhile. */
  theirs: T[Key<T>]
}

/** Field values are primitives or lists of them (chosen buildings); NaN (a number being typed) equals itself. */
export const sameValue = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => Object.is(x, b[i])))

/**
 * `stored`: the record now; `edits`: what the person typed; `base`: what was stored when the
 * person first touched each edited field. `changed` holds only the edits that differ from what is
 * stored; `conflicts` those whose stored value moved since the person began.
 */
export function planSave<T extends object>(stored: T, edits: Partial<T>, base: Partial<T>) {
  const changed: Partial<T> = {}
  const conflicts: FieldConflict<T>[] = []
  for (const k of Object.keys(edits) as Key<T>[]) {
    const mine = edits[k] as T[Key<T>]
    if (sameValue(mine, stored[k])) continue
    if (k in base && !sameValue(base[k], stored[k])) conflicts.push({ key: k, mine, theirs: stored[k] })
    changed[k] = mine
  }
  return { changed, conflicts }
}

// The one order in which people are listed everywhere (sign-in, roll call, the printed record):
// register order (building, unit, room, with numbers compared as numbers, so 3栋 comes before
// 13栋), then the name in pinyin order, then the id so that two replicas never disagree.
// People with no address part sort after those who have one: a register lists households first.

/** What the order needs to know about a person (a register member or a roster entry). */
export interface Listed {
  name: string
  building?: string
  unit?: string
  room?: string
}

// Pinyin for Han names, numeric for "13栋" vs "3栋". One collator, built once: collators are costly.
const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true, sensitivity: 'variant' })

/** Code-unit order: the last tie-break, identical on every device. */
const codeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function part(a: string | undefined, b: string | undefined): number {
  const x = (a ?? '').trim()
  const y = (b ?? '').trim()
  if (x === y) return 0
  if (x === '') return 1
  if (y === '') return -1
  return collator.compare(x, y) || codeUnits(x, y)
}

/** Pinyin order of two names (ties in pinyin, such as homophones, settled by code units). */
export const compareNames = (a: string, b: string): number => collator.compare(a.trim(), b.trim()) || codeUnits(a, b)

/** Register order, then pinyin; `idA`/`idB` settle people identical in every listed field. */
export function compareListed(a: Listed, b: Listed, idA = '', idB = ''): number {
  return part(a.building, b.building) || part(a.unit, b.unit) || part(a.room, b.room) || compareNames(a.name, b.name) || codeUnits(idA, idB)
}

/** A copy of `list` in the one order; `idOf` gives each person's id for the last tie-break. */
export function inListedOrder<T extends Listed>(list: readonly T[], idOf: (x: T) => string): T[] {
  return [...list].sort((a, b) => compareListed(a, b, idOf(a), idOf(b)))
}

/**
 * Entries naming people by id (a roll call's decisions, a ballot list) in the one order of the
 * people they name. Ids with no such person (damaged data) come last, in code-unit order.
 */
export function byListedPeople<T>(list: readonly T[], idOf: (x: T) => string, people: ReadonlyMap<string, Listed>): T[] {
  return [...list].sort((x, y) => {
    const a = idOf(x)
    const b = idOf(y)
    const pa = people.get(a)
    const pb = people.get(b)
    if (pa && pb) return compareListed(pa, pb, a, b)
    if (pa) return -1
    if (pb) return 1
    return codeUnits(a, b)
  })
}

/** Ids in the one order of the people they name (see byListedPeople). */
export const idsInListedOrder = <I extends string>(ids: readonly I[], people: ReadonlyMap<string, Listed>): I[] => byListedPeople(ids, (id) => id, people)

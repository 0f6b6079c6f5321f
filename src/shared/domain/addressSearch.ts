// How a typed search finds a household or a member by address: one rule for the register, the
// campaign table and anywhere else a room is looked up. "3栋2单元301" must find that room and not
// 13栋2单元301: a number typed is a whole number where it starts, never the tail of a longer one.

/** Text compared without width, case or spaces, so "3栋2单元301" finds "3栋 2单元 301室". */
export const foldForSearch = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '')

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

/**
 * Whether `folded` (already passed through foldForSearch) contains the query `q` (folded too) at a
 * place where a number in the query is not glued to digits before it: "3栋" is not found in
 * "13栋", "301" not in "1301". The end stays open ("30" finds "301") so the list narrows while a
 * person types. An empty query matches everything.
 */
export function matchesFolded(folded: string, q: string): boolean {
  if (q === '') return true
  if (foundAt(folded, q)) return true
  // "3栋2单元301" also reads as 3-2-301, so the same words find the room whatever language the
  // addresses are shown in (and however the register wrote them).
  const dashed = dashedAddress(q)
  return dashed !== q && dashed !== '' && foundAt(folded, dashed)
}

function foundAt(folded: string, q: string): boolean {
  const leadingDigit = isDigit(q[0])
  for (let i = folded.indexOf(q); i >= 0; i = folded.indexOf(q, i + 1)) {
    if (!leadingDigit || !isDigit(folded[i - 1])) return true
  }
  return false
}

// The words that follow a building, unit or room number, longest first (号楼 before 号 and 楼).
const DESIGNATORS = /(号楼|单元|單元|栋|棟|幢|座|楼|樓|室|号|號)/g

/** A folded query with its designator words turned into dashes: "3栋2单元301室" → "3-2-301". */
export function dashedAddress(q: string): string {
  return q.replace(DESIGNATORS, '-').replace(/-+/g, '-').replace(/^-|-$/g, '')
}

/** The parts of an entity a search may match, folded and joined so no match spans two parts. */
export const searchText = (parts: readonly string[]): string => parts.map(foldForSearch).join('|')

/** matchesFolded over raw text: the query and the parts are folded here. */
export const matchesSearch = (parts: readonly string[], query: string): boolean => matchesFolded(searchText(parts), foldForSearch(query))

/** The address as written, part by part and dashed ("3-2-301", "2-301"), for a search over a household or a member. */
export function addressSearchParts(h: { building: string; unit: string; room: string }): string[] {
  const dashed = [h.building, h.unit, h.room].filter((p) => p.trim() !== '').join('-')
  const unitRoom = [h.unit, h.room].filter((p) => p.trim() !== '').join('-')
  return [h.building, h.unit, h.room, dashed, unitRoom]
}

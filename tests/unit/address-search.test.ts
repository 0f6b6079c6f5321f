// One rule for finding a room by what a person types (issue 14): "3栋2单元301" finds that room and
// never 13栋2单元301; a number typed is whole where it starts, and the list narrows while typing.
import { describe, expect, it } from 'vitest'
import { addressSearchParts, matchesSearch } from '../../src/shared/domain/addressSearch'

const shown = (b: string, u: string, r: string) => `${b}栋 ${u}单元 ${r}室`
const parts = (b: string, u: string, r: string) => [...addressSearchParts({ building: b, unit: u, room: r }), shown(b, u, r), '张三']

describe('matchesSearch', () => {
  it('3栋2单元301 finds 3栋 and not 13栋', () => {
    expect(matchesSearch(parts('3', '2', '301'), '3栋2单元301')).toBe(true)
    expect(matchesSearch(parts('13', '2', '301'), '3栋2单元301')).toBe(false)
    expect(matchesSearch(parts('13', '2', '301'), '13栋2单元301')).toBe(true)
  })

  it('ignores spaces and full-width digits, and reads the dashed form', () => {
    expect(matchesSearch(parts('3', '2', '301'), ' ３栋 ２单元 ３０１ ')).toBe(true)
    expect(matchesSearch(parts('3', '2', '301'), '3-2-301')).toBe(true)
    expect(matchesSearch(parts('13', '2', '301'), '3-2-301')).toBe(false)
  })

  it('a room number is whole where it starts but open at its end while typing', () => {
    expect(matchesSearch(parts('3', '2', '1301'), '301')).toBe(false)
    expect(matchesSearch(parts('3', '2', '301'), '30')).toBe(true)
    expect(matchesSearch(parts('3', '2', '301'), '')).toBe(true)
  })

  it('the same words find the room when addresses are shown in another language', () => {
    const en = (b: string, u: string, r: string) => [...addressSearchParts({ building: b, unit: u, room: r }), `Bldg ${b}, Unit ${u}, Rm ${r}`]
    expect(matchesSearch(en('3', '2', '301'), '3栋2单元301室')).toBe(true)
    expect(matchesSearch(en('13', '2', '301'), '3栋2单元301')).toBe(false)
    expect(matchesSearch(en('3', '2', '301'), '2单元301')).toBe(true)
  })

  it('names match anywhere', () => {
    expect(matchesSearch(parts('3', '2', '301'), '三')).toBe(true)
  })
})

// Type-to-find by name or pinyin initials, as the secretary types at the sign-in table.
import { describe, expect, it } from 'vitest'
import { nameMatches, pinyinInitial } from '../../src/shared/domain/nameFind'

describe('pinyin initials', () => {
  it('gives the initials of common names', () => {
    const initials = (n: string) => [...n].map(pinyinInitial).join('')
    expect(['张建国', '李秀英', '王志强', '刘桂兰', '陈德明', '杨丽华', '黄淑珍', '吴美玲', '欧阳娜', '钱大伟', '孔令芳', '韩立新'].map(initials)).toEqual([
      'ZJG', 'LXY', 'WZQ', 'LGL', 'CDM', 'YLH', 'HSZ', 'WML', 'OYN', 'QDW', 'KLF', 'HLX',
    ])
  })
  it('is empty for what is not a letter or a Han character', () => {
    expect(pinyinInitial('3')).toBe('')
    expect(pinyinInitial('·')).toBe('')
    expect(pinyinInitial('a')).toBe('A')
  })
})

describe('nameMatches', () => {
  it('finds by part of the name', () => {
    expect(nameMatches('王志强', '志强')).toBe(true)
    expect(nameMatches('王志强', '王')).toBe(true)
    expect(nameMatches('王志强', '李')).toBe(false)
  })
  it('finds by the start of the pinyin initials, in either case', () => {
    expect(nameMatches('王志强', 'wzq')).toBe(true)
    expect(nameMatches('王志强', 'WZ')).toBe(true)
    expect(nameMatches('王志强', 'w')).toBe(true)
    expect(nameMatches('王志强', 'zq')).toBe(false)
    expect(nameMatches('王志强', 'wzqx')).toBe(false)
  })
  it('lets a surname read differently from its everyday reading answer to both', () => {
    expect(nameMatches('曾国藩', 'zgf')).toBe(true)
    expect(nameMatches('单雄信', 'sxx')).toBe(true)
    expect(nameMatches('单雄信', 'dxx')).toBe(true)
  })
  it('matches everyone for an empty query', () => {
    expect(nameMatches('张建国', '  ')).toBe(true)
  })
})

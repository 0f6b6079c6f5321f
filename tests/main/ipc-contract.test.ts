// The shared IPC contract: every channel has a validator and an API function, and the
// validators refuse wrong types, extra keys, over-long names, control and path characters.
import { describe, expect, it } from 'vitest'
import {
  IPC_CHANNELS,
  IPC_VALIDATORS,
  SUGGESTED_NAME_MAX,
  YISHI_API_CHANNELS,
  validateNoPayload,
  validateSavePdf,
} from '../../src/shared/ipc'

describe('the contract', () => {
  it('maps every API function to a distinct channel and every channel to a function', () => {
    const channels = Object.values(YISHI_API_CHANNELS)
    expect(new Set(channels).size).toBe(channels.length)
    expect([...channels].sort()).toEqual([...IPC_CHANNELS].sort())
    expect(Object.keys(YISHI_API_CHANNELS).sort()).toEqual(['getAppInfo', 'print', 'savePdf'])
  })

  it('has a validator for every channel', () => {
    expect(Object.keys(IPC_VALIDATORS).sort()).toEqual([...IPC_CHANNELS].sort())
  })
})

describe('validateNoPayload', () => {
  it('accepts nothing and refuses anything', () => {
    expect(validateNoPayload(undefined)).toEqual({ ok: true, payload: undefined })
    for (const input of [null, 0, '', {}, [], 'x', false]) expect(validateNoPayload(input).ok).toBe(false)
  })
})

describe('validateSavePdf', () => {
  it('accepts a Chinese file name', () => {
    expect(validateSavePdf({ suggestedName: '第三次居民议事会 会议纪要 2025-03-01' })).toEqual({
      ok: true,
      payload: { suggestedName: '第三次居民议事会 会议纪要 2025-03-01' },
    })
  })

  it('accepts exactly the maximum length and refuses one more', () => {
    expect(validateSavePdf({ suggestedName: '纪'.repeat(SUGGESTED_NAME_MAX) }).ok).toBe(true)
    expect(validateSavePdf({ suggestedName: '纪'.repeat(SUGGESTED_NAME_MAX + 1) }).ok).toBe(false)
  })

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'minutes'],
    ['an array', [{ suggestedName: 'x' }]],
    ['a number name', { suggestedName: 42 }],
    ['a null name', { suggestedName: null }],
    ['an object name', { suggestedName: { toString: () => 'x' } }],
    ['no name', {}],
    ['an extra key', { suggestedName: 'x', path: '/etc' }],
    ['a misspelt key', { suggestedname: 'x' }],
    ['an empty name', { suggestedName: '' }],
    ['a blank name', { suggestedName: '   ' }],
    ['a slash', { suggestedName: '../minutes' }],
    ['a backslash', { suggestedName: '..\\minutes' }],
    ['an absolute path', { suggestedName: '/etc/passwd' }],
    ['a Windows path', { suggestedName: 'C:\\Users\\x' }],
    ['a dot-dot name', { suggestedName: '..' }],
    ['a NUL', { suggestedName: 'minutes\u0000.pdf' }],
    ['a newline', { suggestedName: 'minutes\n.pdf' }],
    ['a DEL', { suggestedName: 'minutes\u007f' }],
    ['a C1 control', { suggestedName: 'minutes\u0085' }],
    ['a right-to-left override', { suggestedName: 'minutes\u202Efdp.exe' }],
    ['a class instance', { suggestedName: 'x', __proto__: { constructor: Date } }],
  ])('refuses %s', (_label, input) => {
    const result = validateSavePdf(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).not.toBe('')
  })

  it('refuses an object that is not plain', () => {
    class Request {
      suggestedName = 'x'
    }
    expect(validateSavePdf(new Request()).ok).toBe(false)
    expect(validateSavePdf(Object.assign(Object.create(null) as object, { suggestedName: 'x' })).ok).toBe(true)
  })
})

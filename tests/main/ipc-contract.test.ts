// The shared IPC contract: every channel has a validator and an API function, and the
// validators refuse wrong types, extra keys, over-long names, control and path characters,
// and any projector route but the exact one.
import { describe, expect, it } from 'vitest'
import {
  IPC_CHANNELS,
  IPC_VALIDATORS,
  PROJECTOR_ROUTE_MAX,
  SUGGESTED_NAME_MAX,
  YISHI_API_CHANNELS,
  isProjectorRoute,
  projectorRoute,
  validateNoPayload,
  validateOpenProjector,
  validateSavePdf,
} from '../../src/shared/ipc'

describe('the contract', () => {
  it('maps every API function to a distinct channel and every channel to a function', () => {
    const channels = Object.values(YISHI_API_CHANNELS)
    expect(new Set(channels).size).toBe(channels.length)
    expect([...channels].sort()).toEqual([...IPC_CHANNELS].sort())
    expect(Object.keys(YISHI_API_CHANNELS).sort()).toEqual(['getAppInfo', 'hostSync', 'openProjector', 'print', 'savePdf'])
    expect(YISHI_API_CHANNELS.openProjector).toBe('app:openProjector')
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

describe('validateOpenProjector', () => {
  const COUNCIL = 'council-0001'
  const MEETING = '0d9f3c2a-7b1e-4c5d-9e8f-1a2b3c4d5e6f'
  const ROUTE = `#/c/${COUNCIL}/m/${MEETING}/projector`

  it('accepts the exact projector route', () => {
    expect(validateOpenProjector({ route: ROUTE })).toEqual({ ok: true, payload: { route: ROUTE } })
    expect(projectorRoute(COUNCIL, MEETING)).toBe(ROUTE)
    expect(isProjectorRoute(ROUTE)).toBe(true)
  })

  it('accepts ids of 8 and of 64 characters, the longest route there is, and refuses 7 and 65', () => {
    const longest = projectorRoute('a'.repeat(64), 'b'.repeat(64))
    expect(longest).toHaveLength(PROJECTOR_ROUTE_MAX)
    expect(validateOpenProjector({ route: longest }).ok).toBe(true)
    expect(validateOpenProjector({ route: projectorRoute('12345678', 'abcdefgh') }).ok).toBe(true)
    expect(validateOpenProjector({ route: projectorRoute('1234567', MEETING) }).ok).toBe(false)
    expect(validateOpenProjector({ route: projectorRoute(COUNCIL, 'b'.repeat(65)) }).ok).toBe(false)
  })

  it.each([
    // not the payload shape
    ['undefined', undefined],
    ['null', null],
    ['the bare route string', ROUTE],
    ['an array', [{ route: ROUTE }]],
    ['a number route', { route: 42 }],
    ['a String object route', { route: new String(ROUTE) }],
    ['no route', {}],
    ['an extra key', { route: ROUTE, fullscreen: true }],
    ['an extra key named like a URL', { route: ROUTE, url: 'https://evil.example/' }],
    ['a misspelt key', { Route: ROUTE }],
    // other routes
    ['another screen', { route: `#/c/${COUNCIL}/m/${MEETING}/minutes` }],
    ['the meeting itself', { route: `#/c/${COUNCIL}/m/${MEETING}` }],
    ['the home route', { route: '#/' }],
    ['an empty route', { route: '' }],
    ['short ids', { route: '#/c/x/m/y/projector' }],
    ['a query after the route', { route: '#/c/x/m/y/projector?x=1' }],
    ['a query after a valid route', { route: `${ROUTE}?x=1` }],
    ['a query before the hash', { route: `?x=1${ROUTE}` }],
    ['a second hash', { route: `${ROUTE}#top` }],
    ['no hash', { route: ROUTE.slice(1) }],
    ['a path before the hash', { route: `/index.html${ROUTE}` }],
    ['a full URL', { route: `app://yishi/index.html${ROUTE}` }],
    ['a foreign URL', { route: `https://evil.example/${ROUTE}` }],
    ['javascript:', { route: 'javascript:alert(1)' }],
    ['javascript: in the id', { route: `#/c/javascript:alert(1)/m/${MEETING}/projector` }],
    ['data:', { route: 'data:text/html,<script>alert(1)</script>' }],
    // traversal, slashes, encodings
    ['.. as an id', { route: `#/c/../m/${MEETING}/projector` }],
    ['.. segments', { route: `#/c/${COUNCIL}/m/${MEETING}/../projector` }],
    ['a double slash', { route: `#//c/${COUNCIL}/m/${MEETING}/projector` }],
    ['a slash inside', { route: `#/c/${COUNCIL}//m/${MEETING}/projector` }],
    ['a trailing slash', { route: `${ROUTE}/` }],
    ['a backslash', { route: `#\\c\\${COUNCIL}\\m\\${MEETING}\\projector` }],
    ['a percent-encoded slash', { route: `#/c/${COUNCIL}%2Fm/${MEETING}/projector` }],
    ['percent-encoded dots', { route: `#/c/%2e%2e%2e%2e%2e%2e%2e%2e/m/${MEETING}/projector` }],
    ['a percent-encoded id character', { route: `#/c/council%2D0001/m/${MEETING}/projector` }],
    // characters outside the id alphabet
    ['an uppercase council id', { route: `#/c/COUNCIL-0001/m/${MEETING}/projector` }],
    ['an uppercase meeting id', { route: `#/c/${COUNCIL}/m/${MEETING.toUpperCase()}/projector` }],
    ['uppercase Projector', { route: `#/c/${COUNCIL}/m/${MEETING}/Projector` }],
    ['an underscore', { route: `#/c/council_0001/m/${MEETING}/projector` }],
    ['a dot', { route: `#/c/council.0001/m/${MEETING}/projector` }],
    ['a space', { route: `#/c/council 0001/m/${MEETING}/projector` }],
    ['fullwidth digits', { route: `#/c/council-０００１/m/${MEETING}/projector` }],
    ['Chinese characters', { route: `#/c/议事会议事会议事会/m/${MEETING}/projector` }],
    ['a trailing newline', { route: `${ROUTE}\n` }],
    ['a leading space', { route: ` ${ROUTE}` }],
    ['a NUL', { route: `${ROUTE}\u0000` }],
    ['a right-to-left override', { route: `#/c/${COUNCIL}\u202e/m/${MEETING}/projector` }],
    // size
    ['an over-long route', { route: `#/c/${'a'.repeat(65)}/m/${'b'.repeat(64)}/projector` }],
    ['a huge string', { route: `${ROUTE}${'x'.repeat(100_000)}` }],
  ])('refuses %s', (_label, input) => {
    const result = validateOpenProjector(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).not.toBe('')
  })

  it('refuses an object that is not plain, and a route hidden on the prototype', () => {
    class Request {
      route = ROUTE
    }
    expect(validateOpenProjector(new Request()).ok).toBe(false)
    expect(validateOpenProjector(Object.create({ route: ROUTE }) as unknown).ok).toBe(false)
    expect(validateOpenProjector(Object.assign(Object.create(null) as object, { route: ROUTE })).ok).toBe(true)
  })

  it('is the validator registered for app:openProjector', () => {
    expect(IPC_VALIDATORS['app:openProjector']).toBe(validateOpenProjector)
  })
})

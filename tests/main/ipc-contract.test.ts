// The shared IPC contract: every channel has a validator and an API function, and the
// validators refuse wrong types, extra keys, over-long names, control and path characters,
// and any projector route but the exact one.
import { describe, expect, it } from 'vitest'
import {
  BACKUP_TEXT_MAX,
  FILE_DATA_MAX,
  FILE_EXTENSIONS,
  IPC_CHANNELS,
  IPC_ERROR_CODES,
  IPC_VALIDATORS,
  MENU_COMMANDS,
  MENU_COMMAND_CHANNEL,
  OPEN_FILE_KINDS,
  PROJECTOR_ROUTE_MAX,
  SAVE_FILE_KINDS,
  SUGGESTED_NAME_MAX,
  YISHI_API_CHANNELS,
  YISHI_API_EVENTS,
  isMenuCommand,
  isProjectorRoute,
  projectorRoute,
  utf8Length,
  validateNoPayload,
  validateOpenFile,
  validateOpenProjector,
  validateReadBackup,
  validateSaveFile,
  validateSavePdf,
  validateSetLanguage,
  validateWriteBackup,
} from '../../src/shared/ipc'
import { MAX_BACKUP_CHARS } from '../../src/shared/backup/format'
import { BACKUP_EXTENSION } from '../../src/main/backup'

describe('the contract', () => {
  it('maps every API function to a distinct channel and every channel to a function', () => {
    const channels = Object.values(YISHI_API_CHANNELS)
    expect(new Set(channels).size).toBe(channels.length)
    expect([...channels].sort()).toEqual([...IPC_CHANNELS].sort())
    expect(Object.keys(YISHI_API_CHANNELS).sort()).toEqual([
      'backupStatus',
      'chooseBackupFolder',
      'getAppInfo',
      'hostSync',
      'listBackups',
      'openFiles',
      'openProjector',
      'pinCertificate',
      'print',
      'readBackup',
      'saveFile',
      'savePdf',
      'setLanguage',
      'writeBackup',
    ])
    expect(YISHI_API_CHANNELS.openProjector).toBe('app:openProjector')
  })

  it('sends menu commands on an event channel that is not an invoke channel', () => {
    expect(YISHI_API_EVENTS).toEqual({ onMenuCommand: MENU_COMMAND_CHANNEL })
    expect(IPC_CHANNELS as readonly string[]).not.toContain(MENU_COMMAND_CHANNEL)
    expect(Object.keys(YISHI_API_CHANNELS)).not.toContain('onMenuCommand')
  })

  it('has distinct error codes, the backup ones included', () => {
    expect(new Set(IPC_ERROR_CODES).size).toBe(IPC_ERROR_CODES.length)
    for (const code of ['no-folder', 'folder-missing', 'folder-not-writable', 'not-found', 'disk-full', 'not-a-file', 'too-large']) {
      expect(IPC_ERROR_CODES).toContain(code)
    }
  })

  it("keeps the backup limits and extension in step with the backup format's", () => {
    expect(BACKUP_TEXT_MAX).toBe(MAX_BACKUP_CHARS)
    expect(FILE_EXTENSIONS.backup).toBe(BACKUP_EXTENSION)
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

describe('validateSetLanguage', () => {
  it('accepts the three app languages only', () => {
    for (const language of ['zh-CN', 'zh-TW', 'en']) expect(validateSetLanguage({ language })).toEqual({ ok: true, payload: { language } })
    for (const input of [{ language: 'fr' }, { language: 'zh' }, { language: 'zh-cn' }, { language: 1 }, {}, 'en', null, { language: 'en', extra: 1 }]) {
      expect(validateSetLanguage(input).ok).toBe(false)
    }
  })
})

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['议事', 6],
    ['😀', 4],
    ['\ud800', 3], // a lone surrogate: TextEncoder writes U+FFFD
    ['\ud800x', 4],
  ])('%j is %i bytes, as TextEncoder says', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes)
    expect(new TextEncoder().encode(text).length).toBe(bytes)
  })
})

describe('validateSaveFile', () => {
  it('accepts every kind, text or bytes', () => {
    for (const kind of SAVE_FILE_KINDS) {
      expect(validateSaveFile({ suggestedName: '纪要', kind, data: 'text' })).toEqual({ ok: true, payload: { suggestedName: '纪要', kind, data: 'text' } })
      const bytes = new Uint8Array([1, 2])
      const check = validateSaveFile({ suggestedName: '纪要', kind, data: bytes })
      expect(check.ok && check.payload.data).toBe(bytes)
    }
  })

  it('measures text in UTF-8 bytes and refuses past the limit', () => {
    // 3 bytes a character: a third of the limit passes, one character more does not.
    const third = Math.floor(FILE_DATA_MAX / 3)
    expect(validateSaveFile({ suggestedName: 'x', kind: 'csv', data: '议'.repeat(third) }).ok).toBe(true)
    expect(validateSaveFile({ suggestedName: 'x', kind: 'csv', data: '议'.repeat(third + 1) }).ok).toBe(false)
    expect(validateSaveFile({ suggestedName: 'x', kind: 'pdf', data: new Uint8Array(FILE_DATA_MAX + 1) }).ok).toBe(false)
  })

  it.each([
    ['no data', { suggestedName: 'x', kind: 'pdf' }],
    ['an unknown kind', { suggestedName: 'x', kind: 'exe', data: '' }],
    ['an uppercase kind', { suggestedName: 'x', kind: 'PDF', data: '' }],
    ['a number array', { suggestedName: 'x', kind: 'pdf', data: [1, 2] }],
    ['an ArrayBuffer', { suggestedName: 'x', kind: 'pdf', data: new ArrayBuffer(2) }],
    ['another typed array', { suggestedName: 'x', kind: 'pdf', data: new Int8Array(2) }],
    ['a DataView', { suggestedName: 'x', kind: 'pdf', data: new DataView(new ArrayBuffer(2)) }],
    ['a String object', { suggestedName: 'x', kind: 'pdf', data: new String('x') }],
    ['a path in the name', { suggestedName: '../../.bashrc', kind: 'csv', data: '' }],
    ['a control character in the name', { suggestedName: 'a\u0000b', kind: 'csv', data: '' }],
    ['a bidi override in the name', { suggestedName: 'x\u202Efdp.exe', kind: 'pdf', data: '' }],
    ['an extra key', { suggestedName: 'x', kind: 'pdf', data: '', folder: '/tmp' }],
    ['not an object', 'x'],
  ])('refuses %s', (_label, input) => {
    expect(validateSaveFile(input).ok).toBe(false)
  })
})

describe('validateOpenFile', () => {
  it('accepts every kind, one file or several', () => {
    for (const kind of OPEN_FILE_KINDS) {
      expect(validateOpenFile({ kind, multiple: false })).toEqual({ ok: true, payload: { kind, multiple: false } })
      expect(validateOpenFile({ kind, multiple: true }).ok).toBe(true)
    }
  })

  it.each([
    ['a save-only kind', { kind: 'pdf', multiple: false }],
    ['no multiple', { kind: 'bundle' }],
    ['a truthy multiple', { kind: 'bundle', multiple: 1 }],
    ['a default folder', { kind: 'bundle', multiple: false, defaultPath: '/etc' }],
    ['an array', [{ kind: 'bundle', multiple: false }]],
  ])('refuses %s', (_label, input) => {
    expect(validateOpenFile(input).ok).toBe(false)
  })
})

describe('validateWriteBackup and validateReadBackup', () => {
  it('takes the backup file\'s bytes, not empty; no text, no folder', () => {
    expect(validateWriteBackup({ data: Uint8Array.of(0x1f, 0x8b, 8) }).ok).toBe(true)
    expect(validateWriteBackup({ data: new Uint8Array(0) }).ok).toBe(false)
    expect(validateWriteBackup({ data: '{"format":"yishi.backup/1"}' }).ok).toBe(false)
    expect(validateWriteBackup({ text: '{"format":"yishi.backup/1"}' }).ok).toBe(false)
    expect(validateWriteBackup({ data: Uint8Array.of(1), folder: '/tmp' }).ok).toBe(false)
  })

  it('takes a plain file name only, never a path', () => {
    expect(validateReadBackup({ name: 'yishi-backup-20250301-100000.yishibackup' }).ok).toBe(true)
    for (const name of ['../x.yishibackup', '/etc/passwd', 'C:\\x', '..', '', 'a\u0000b', 7]) expect(validateReadBackup({ name }).ok).toBe(false)
    expect(validateReadBackup({ name: 'x', path: '/etc/passwd' }).ok).toBe(false)
  })
})

describe('menu commands', () => {
  it('are distinct and recognised exactly', () => {
    expect(new Set(MENU_COMMANDS).size).toBe(MENU_COMMANDS.length)
    for (const command of MENU_COMMANDS) expect(isMenuCommand(command)).toBe(true)
    for (const value of ['', 'NEXTAGENDAITEM', 'nextAgendaItem ', 'toString', '__proto__', 1, null, { command: 'print' }]) {
      expect(isMenuCommand(value)).toBe(false)
    }
  })
})

// safeFileName: what Windows forbids or hides is replaced or trimmed, reserved device names are
// defused, the length is capped in UTF-8 bytes, and the name always ends in the kind's extension.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FILE_EXTENSIONS, SAVE_FILE_KINDS } from '../../src/shared/ipc'
import { FILE_NAME_MAX_BYTES, filterExtension, safeFileName } from '../../src/shared/fileNames'

const bytes = (text: string): number => new TextEncoder().encode(text).length

describe('safeFileName', () => {
  it.each([
    ['会议纪要', 'pdf', '会议纪要.pdf'],
    ['清风社区居民议事会-2025-03-01-会议纪要', 'docx', '清风社区居民议事会-2025-03-01-会议纪要.docx'],
    ['minutes.PDF', 'pdf', 'minutes.PDF'],
    ['a<b>c:d"e|f?g*h', 'pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['  trailing dots... ', 'pdf', 'trailing dots.pdf'],
    ['.hidden', 'pdf', 'hidden.pdf'],
    ['CON', 'pdf', '_CON.pdf'],
    ['con.pdf', 'pdf', '_con.pdf'],
    ['nul', 'csv', '_nul.csv'],
    ['lpt1.txt', 'pdf', '_lpt1.txt.pdf'],
    ['COM¹', 'xlsx', '_COM¹.xlsx'],
    ['CONSOLE', 'pdf', 'CONSOLE.pdf'],
    ['...', 'pdf', 'yishi.pdf'],
    ['.pdf', 'pdf', 'pdf.pdf'],
    ['和平里-报送', 'bundle', '和平里-报送.yishi.json'],
    ['和平里-报送.yishi.json', 'bundle', '和平里-报送.yishi.json'],
    ['和平里-审核意见', 'review', '和平里-审核意见.yishi-review.json'],
    ['备份', 'backup', '备份.yishibackup'],
    ['名册', 'csv', '名册.csv'],
    ['公示', 'html', '公示.html'],
    ['minutes . ', 'pdf', 'minutes.pdf'],
  ] as const)('%s (%s) -> %s', (input, kind, expected) => expect(safeFileName(input, kind)).toBe(expected))

  it('composes decomposed characters (macOS hands out NFD)', () => {
    expect(safeFileName('Cafe\u0301', 'pdf')).toBe('Caf\u00e9.pdf')
  })

  it('caps a long Chinese name in bytes without cutting a character, keeping the extension', () => {
    const name = safeFileName('议'.repeat(200), 'bundle')
    expect(bytes(name)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES)
    expect(name).toMatch(/^议+\.yishi\.json$/u)
    const emoji = safeFileName('😀'.repeat(100), 'pdf')
    expect(bytes(emoji)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES)
    expect(emoji).toMatch(/^(😀)+\.pdf$/u)
  })

  it('whatever the suggestion, answers a name every OS accepts, ending in the extension', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), fc.constantFrom(...SAVE_FILE_KINDS), (input, kind) => {
        const name = safeFileName(input, kind)
        const extension = FILE_EXTENSIONS[kind]
        expect(name.toLowerCase().endsWith(extension)).toBe(true)
        expect(name.length).toBeGreaterThan(extension.length)
        expect(bytes(name)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES)
        // eslint-disable-next-line no-control-regex -- checking that none is left
        expect(name).not.toMatch(/[<>:"|?*\\/\u0000-\u001f\u007f]/u)
        expect(name).not.toMatch(/^[. ]/u)
        expect(name).not.toMatch(/[. ]$/u)
        expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])\s*$/iu)
      }),
    )
  })
})

describe('filterExtension', () => {
  it('gives dialogs the last segment of each extension', () => {
    expect(SAVE_FILE_KINDS.map((k) => filterExtension(k))).toEqual(['pdf', 'docx', 'json', 'json', 'yishibackup', 'csv', 'xlsx', 'html'])
  })
})

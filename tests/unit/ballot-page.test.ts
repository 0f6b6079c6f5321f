// The phone ballot page's pure parts: the address (?m= and #c=), typing a code, the language a
// phone gets, the host's answers, and the page's words in all three languages.
import { describe, expect, it } from 'vitest'
import { newVoterCode, normaliseVoterCode } from '../../src/shared/domain/voterCode'
import { PHONE_ERROR_CODES } from '../../src/shared/phoneBallot'
import { interpretAnswer, isCastResponse, isOpenResponse } from '../../src/renderer/ballot/api'
import { groupTyped, maskCode, readBallotAddress } from '../../src/renderer/ballot/location'
import { pickLanguage, translate, type Language } from '../../src/renderer/ballot/messages'
import zhCN from '../../src/shared/i18n/locales/zh-CN/ballot.json'
import zhTW from '../../src/shared/i18n/locales/zh-TW/ballot.json'
import en from '../../src/shared/i18n/locales/en/ballot.json'
import zhCNvotes from '../../src/shared/i18n/locales/zh-CN/votes.json'
import zhTWvotes from '../../src/shared/i18n/locales/zh-TW/votes.json'
import enVotes from '../../src/shared/i18n/locales/en/votes.json'

const MEETING = 'council/0c0ffee0-aaaa/meeting/1234abcd-bbbb'

describe('readBallotAddress', () => {
  it('reads the meeting from the query and the code from the fragment', () => {
    expect(readBallotAddress(`?m=${encodeURIComponent(MEETING)}`, '#c=7KQM2X9P4HRTW3CD')).toEqual({ meeting: MEETING, code: '7KQM2X9P4HRTW3CD' })
    expect(readBallotAddress(`?x=1&m=${MEETING}`, '')).toEqual({ meeting: MEETING, code: null })
    expect(readBallotAddress(`?m=${MEETING}`, '#c=')).toEqual({ meeting: MEETING, code: null })
  })

  it('names no meeting for anything but a meeting document', () => {
    for (const search of ['', '?m=', '?m=council%2F0c0ffee0-aaaa', '?m=council/0c0ffee0-aaaa/campaign/1234abcd-bbbb', '?m=%E0%A4%A', '?m=../../etc'])
      expect(readBallotAddress(search, '#c=X').meeting, search).toBeNull()
  })

  it('builds what ballotPageUrl builds', async () => {
    const { ballotPageUrl } = await import('../../src/shared/domain/voterCode')
    const code = newVoterCode()
    const url = new URL(ballotPageUrl('http://192.168.1.20:4455/', MEETING, code))
    expect(url.pathname).toBe('/ballot/')
    // The meeting's id alone: no council id on a slip (issue 15); the host finds the meeting by it.
    expect(readBallotAddress(url.search, url.hash)).toEqual({ meeting: '1234abcd-bbbb', code: normaliseVoterCode(code) })
    expect(url.search).not.toContain('0c0ffee0')
  })
})

describe('typing a code', () => {
  it('groups in fours, upper case, at most 16 characters', () => {
    expect(groupTyped('7kqm2x9p')).toBe('7KQM-2X9P')
    expect(groupTyped('7kq m-2x9p 4hrtw3cd extra')).toBe('7KQM-2X9P-4HRT-W3CD')
    expect(groupTyped('')).toBe('')
    expect(groupTyped('7KQM-')).toBe('7KQM')
  })

  it('shows only the last group once it is in use', () => {
    expect(maskCode('7KQM2X9P4HRTW3CD')).toBe('W3CD')
  })
})

describe('pickLanguage', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-SG', 'en'], 'zh-CN'],
    [['zh-Hans-HK'], 'zh-CN'],
    [['zh-TW'], 'zh-TW'],
    [['zh-HK'], 'zh-TW'],
    [['zh-MO'], 'zh-TW'],
    [['zh-Hant'], 'zh-TW'],
    [['zh-Hant-CN'], 'zh-TW'],
    [['zh_TW'], 'zh-TW'],
    [['en-US', 'zh-CN'], 'en'],
    [['fr-FR', 'zh-TW'], 'zh-TW'],
    [['fr-FR', 'de'], 'en'],
    [[], 'zh-CN'],
    [[''], 'zh-CN'],
  ] as [string[], Language][])('%j → %s', (preferred, expected) => {
    expect(pickLanguage(preferred)).toBe(expected)
  })
})

describe('the host answers', () => {
  const vote = { voteId: 'v1', method: 'secret', motionText: 'Paint the stairwell', voted: false }

  it('accepts well-formed answers only', () => {
    expect(isOpenResponse({ ok: true, vote: null })).toBe(true)
    expect(isOpenResponse({ ok: true, vote })).toBe(true)
    expect(isOpenResponse({ ok: true, vote: { ...vote, method: 'hands' } })).toBe(false)
    expect(isOpenResponse({ ok: true, vote: { ...vote, voted: 'no' } })).toBe(false)
    expect(isOpenResponse({ ok: true })).toBe(false)
    expect(isCastResponse({ ok: true, receipt: 'ABCD-EFGH' })).toBe(true)
    expect(isCastResponse({ ok: true })).toBe(false)
  })

  it('turns errors into values', () => {
    expect(interpretAnswer(200, JSON.stringify({ ok: true, vote: null }), isOpenResponse)).toEqual({ ok: true, value: { ok: true, vote: null } })
    expect(interpretAnswer(409, '{"error":"code-used"}', isCastResponse)).toEqual({ ok: false, error: 'code-used' })
    expect(interpretAnswer(429, '{"error":"rate-limited"}', isCastResponse)).toEqual({ ok: false, error: 'rate-limited' })
    expect(interpretAnswer(502, '<html>Bad gateway</html>', isCastResponse)).toEqual({ ok: false, error: 'unavailable' })
    expect(interpretAnswer(200, '{"ok":true}', isCastResponse)).toEqual({ ok: false, error: 'unavailable' })
    expect(interpretAnswer(0, '', isCastResponse)).toEqual({ ok: false, error: 'network' })
  })
})

describe('ballot.json', () => {
  const LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const
  const VOTES = { 'zh-CN': zhCNvotes, 'zh-TW': zhTWvotes, en: enVotes } as const
  const languages = Object.keys(LOCALES) as Language[]

  it.each(languages)('%s has a plain message for every error code the host sends, and for no answer', (lang) => {
    const expected = [...PHONE_ERROR_CODES, 'network', 'cast-network', 'bad-format'].sort()
    expect(Object.keys(LOCALES[lang].error).sort()).toEqual(expected)
    for (const code of expected) expect(LOCALES[lang].error[code as keyof typeof zhCN.error].length, code).toBeGreaterThan(8)
  })

  it.each(languages)('%s calls the choices what the rest of the app calls them', (lang) => {
    for (const c of ['for', 'against', 'abstain'] as const) expect(LOCALES[lang].choice[c]).toBe(VOTES[lang].counts[c])
  })

  it('fills placeholders and leaves none showing', () => {
    expect(translate('en', 'receipt.previous', { receipt: 'ABCD-EFGH' })).toBe('Receipt for the previous vote: ABCD-EFGH')
    expect(translate('zh-CN', 'codeTail', { code: maskCode('7KQM2X9P4HRTW3CD') })).toBe('投票码尾号 W3CD')
    expect(translate('zh-TW', 'choice.against')).toBe('反對')
  })
})

// One rule for "is the 公示 over?" (issue 14): the council's export warning (noticeOverOn, with the
// days left it shows) and the street office's checklist (checkBundle's notice item) never disagree,
// whatever day the bundle is sent.
import { describe, expect, it } from 'vitest'
import { noticeDaysLeft, noticeOverOn } from '../../src/shared/doc/minutes'
import { checkBundle } from '../../src/shared/minutes/review'
import { baseRecord, bundleOf, TODAY } from './minutes-bundle-fixture'

const notice = { place: '小区公告栏', startDate: '2025-03-11', endDate: '2025-03-17', postedAt: '2025-03-11T01:00:00.000Z' }

describe('the end of the public notice', () => {
  it('is over from its last day on, with the days left counted in calendar days across a month end', () => {
    expect(noticeOverOn(notice, '2025-03-16')).toBe(false)
    expect(noticeOverOn(notice, '2025-03-17')).toBe(true)
    expect(noticeOverOn(notice, '2025-04-01')).toBe(true)
    expect(noticeDaysLeft(notice, '2025-03-11')).toBe(6)
    expect(noticeDaysLeft(notice, '2025-03-16')).toBe(1)
    expect(noticeDaysLeft(notice, '2025-03-17')).toBe(0)
    expect(noticeDaysLeft(notice, '2025-03-20')).toBe(0)
    expect(noticeDaysLeft({ endDate: '2025-03-02' }, '2025-02-27')).toBe(3)
  })

  it('warns at export exactly when the checklist would not pass the notice for that submission day', async () => {
    // Submitted at 10:00 in Chengdu on each day from the first day of the notice to the day after it ended.
    for (const day of ['2025-03-11', '2025-03-14', '2025-03-16', '2025-03-17', '2025-03-18']) {
      const bundle = await bundleOf(baseRecord(), { annex: { notice, submittedAt: `${day}T02:00:00.000Z` } })
      const item = checkBundle(bundle, { today: TODAY }).find((i) => i.id === 'notice')!
      expect(item.status === 'pass', day).toBe(noticeOverOn(notice, day))
    }
  })
})

// Issue 24 item 3: a device's meeting list follows a meeting changed on another device without
// the meeting being opened there. The street office (read-only) watches the list while the
// secretary sends the meeting's notice: the row's status changes on the street office's screen.
import { test, expect } from './fixtures'
import { RO, councilWithMeeting, invite, join, newDevice } from './syncDevices'
import zhCommon from '../../src/shared/i18n/locales/zh-CN/common.json' with { type: 'json' }

const COUNCIL = '望江路院落议事会'
const MEETING = '停车位划线协商会'
const STATUS = zhCommon.enums.meetingStatus

test('the street office sees a meeting change status in its list without opening it', async ({ browser, problems }) => {
  const secretary = await newDevice(browser, problems, 'secretary')
  const meetingUrl = await councilWithMeeting(secretary, COUNCIL, MEETING)
  const invitation = await invite(secretary.page, COUNCIL, RO, '街道办')
  const office = await newDevice(browser, problems, 'street office')
  await join(office.page, invitation, COUNCIL)
  const row = office.page.getByRole('row', { name: new RegExp(MEETING) })
  await expect(row).toContainText(STATUS.draft)

  await secretary.page.goto(meetingUrl)
  await secretary.page.getByRole('button', { name: '发出通知' }).click()
  await secretary.page.getByRole('button', { name: '确认发出通知' }).click()
  await expect(secretary.page.getByRole('heading', { level: 1, name: '会议通知' })).toBeVisible()

  // The street office's list, untouched, follows.
  await expect(row).toContainText(STATUS.noticed, { timeout: 15_000 })
  await expect(office.page).toHaveURL(/\/meetings$/)
  for (const d of [secretary, office]) await d.context.close()
})

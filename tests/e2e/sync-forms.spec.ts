// Issue 23, item 2: two laptops editing the same meeting's details through the real server. A form
// shows another laptop's change in every field its person has not touched, saves only the fields
// its person changed, and where both changed the same field it says so instead of overwriting.
import { test, expect } from './fixtures'
import { councilWithMeeting, invite, join, newDevice, RW, type Device } from './syncDevices'

const details = (d: Device) => d.page.getByRole('form', { name: '保存' })
const whenLine = (d: Device) => d.page.locator('main p.muted').first()

test('a form never writes back a value it did not change, and names a field changed on both laptops', async ({ browser, problems }) => {
  const council = '同心社区居民议事会'
  const meeting = '七月居民议事会'
  const a = await newDevice(browser, problems, 'A')
  const b = await newDevice(browser, problems, 'B')
  const meetingUrl = await councilWithMeeting(a, council, meeting)
  await join(b.page, await invite(a.page, council, RW, '第二台记录电脑'), council)
  for (const d of [a, b]) {
    await d.page.goto(meetingUrl)
    await expect(d.page.getByRole('heading', { level: 1, name: meeting })).toBeVisible()
    await d.page.getByText('会议信息（名称、时间、地点、召集人）').click()
  }

  // B corrects the place while A's form is open: A's untouched field shows it as it arrives.
  await details(b).getByLabel('地点', { exact: true }).fill('党群服务中心二楼')
  await details(b).getByRole('button', { name: '保存' }).click()
  await expect(details(a).getByLabel('地点', { exact: true })).toHaveValue('党群服务中心二楼')
  // A changes only the convener and saves: B's place stays, on both laptops.
  await details(a).getByLabel('召集人').fill('王建国')
  await details(a).getByRole('button', { name: '保存' }).click()
  for (const d of [a, b]) {
    await expect(whenLine(d)).toContainText('党群服务中心二楼')
    await expect(details(d).getByLabel('召集人')).toHaveValue('王建国')
  }

  // Both change the title: A, still typing, is told what B stored, and saving waits for a choice.
  await details(a).getByLabel('会议名称').fill('七月议事会（A 改）')
  await details(b).getByLabel('会议名称').fill('七月议事会（B 改）')
  await details(b).getByRole('button', { name: '保存' }).click()
  await expect(b.page.getByRole('heading', { level: 1, name: '七月议事会（B 改）' })).toBeVisible()
  const conflict = a.page.getByTestId('field-conflicts')
  await expect(conflict).toContainText('「会议名称」在另一台设备上已改为「七月议事会（B 改）」，你改成了「七月议事会（A 改）」。')
  await details(a).getByRole('button', { name: '保存' }).click()
  await expect(details(a).getByRole('alert').filter({ hasText: '另一台设备也改了：会议名称' })).toBeVisible()
  await expect(a.page.getByRole('heading', { level: 1, name: '七月议事会（B 改）' })).toBeVisible()
  // A keeps theirs on purpose; then the save goes through and reaches B.
  await conflict.getByRole('button', { name: '保留我的' }).click()
  await details(a).getByRole('button', { name: '保存' }).click()
  for (const d of [a, b]) await expect(d.page.getByRole('heading', { level: 1, name: '七月议事会（A 改）' })).toBeVisible()
  // Taking the other laptop's value drops the edit instead.
  await details(b).getByLabel('召集人').fill('李秀英')
  await details(a).getByLabel('召集人').fill('张三')
  await details(a).getByRole('button', { name: '保存' }).click()
  await expect(b.page.getByTestId('field-conflicts')).toContainText('「召集人」在另一台设备上已改为「张三」')
  await b.page.getByTestId('field-conflicts').getByRole('button', { name: '采用另一台设备的' }).click()
  await expect(details(b).getByLabel('召集人')).toHaveValue('张三')
  await expect(b.page.getByTestId('field-conflicts')).toHaveCount(0)
  await a.context.close()
  await b.context.close()
})

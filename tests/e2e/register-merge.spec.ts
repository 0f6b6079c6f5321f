// Issue 14, as a secretary meets it in zh-CN: importing into a register that already has members
// adds the new one and, when asked, updates the changed one (old → new shown before anything is
// written, kept in history) and says what it did; 3栋2单元301 finds that room and not 13栋; in a
// campaign, signing asks first, and a signature made by mistake is voided with a reason: kept on
// the trail, no longer counted. Screenshots of the merge preview and the void dialog in zh-CN and en.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { test, expect, createCouncil } from './fixtures'
import { fmt } from './i18n'
import C from '../../src/shared/i18n/locales/zh-CN/campaigns.json' with { type: 'json' }
import enC from '../../src/shared/i18n/locales/en/campaigns.json' with { type: 'json' }
import I from '../../src/shared/i18n/locales/zh-CN/import.json' with { type: 'json' }
import enI from '../../src/shared/i18n/locales/en/import.json' with { type: 'json' }
import common from '../../src/shared/i18n/locales/zh-CN/common.json' with { type: 'json' }
import enCommon from '../../src/shared/i18n/locales/en/common.json' with { type: 'json' }

test.use({ timezoneId: 'Asia/Shanghai' })

const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const SHOTS = '/tmp/shots/register'

function file(info: TestInfo, name: string, lines: string[]): string {
  const dir = info.outputPath('files')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n'))
  return path
}

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

// The language picker is labelled in the language shown.
const language = (page: Page, lang: 'zh-CN' | 'en') => page.getByLabel(lang === 'en' ? common.language.label : enCommon.language.label).selectOption(lang)

test('import into a register that has members: update one, add one, see the change and the history; campaign: confirm, void, the rate goes back', async ({ page, problems }, info) => {
  test.setTimeout(120_000)
  void problems
  await page.clock.install({ time: new Date(`${TODAY}T09:00:00+08:00`) })
  await createCouncil(page, '清风社区居民议事会')

  // The first import into an empty register says how many it imported.
  await page.getByRole('link', { name: '从表格导入（CSV / Excel）' }).click()
  await page.getByLabel(I.preview.choose).setInputFiles(file(info, 'first.csv', ['姓名,楼栋,单元,房号,联系电话', '张三,3,2,301,13800000000', '李四,3,2,302,13900000000', '王五,3,2,303,13700000000']))
  await page.getByRole('button', { name: fmt(I.preview.confirm_other, { count: 3 }) }).click()
  await expect(page.getByRole('status').filter({ hasText: fmt(I.preview.imported_other, { count: 3 }) })).toBeVisible()

  // The same register again, with 李四's phone changed and 赵六 new: matched, not refused.
  await page.getByRole('link', { name: '从表格导入（CSV / Excel）' }).click()
  await page
    .getByLabel(I.preview.choose)
    .setInputFiles(file(info, 'second.csv', ['姓名,楼栋,单元,房号,联系电话', '张三,3,2,301,13800000000', '李四,3,2,302,13911112222', '王五,3,2,303,', '赵六,3,2,304,13600000000']))
  const merge = page.getByRole('group', { name: I.merge.title })
  await expect(merge).toContainText(fmt(I.merge.summary, { add: 1, matched: 3, changed: 1 }))
  const lisi = page.getByRole('row').filter({ hasText: '李四' })
  await expect(lisi).toContainText(I.merge.action.skip)
  await expect(lisi).toContainText(fmt(I.merge.change, { field: I.fields.phone, from: '13900000000', to: '13911112222' }))
  await merge.getByLabel(I.merge.update).check()
  await expect(lisi).toContainText(I.merge.action.update)
  await expect(page.getByRole('row').filter({ hasText: '赵六' })).toContainText(I.merge.action.add)
  // An empty cell is no change: 王五 keeps the phone on the register.
  await expect(page.getByRole('row').filter({ hasText: '王五' })).toContainText(I.merge.action.unchanged)
  await shoot(page, 'zh-CN-import-merge-preview')
  await language(page, 'en')
  await expect(page.getByRole('group', { name: enI.merge.title })).toBeVisible()
  await expect(lisi).toContainText(fmt(enI.merge.change, { field: enI.fields.phone, from: '13900000000', to: '13911112222' }))
  await shoot(page, 'en-import-merge-preview')
  await language(page, 'zh-CN')
  await page.getByRole('button', { name: fmt(I.merge.confirm, { add: 1, update: 1 }) }).click()
  const done = [fmt(I.preview.imported_other, { count: 1 }), fmt(I.merge.updatedMembers_other, { count: 1 })].join(I.merge.sep)
  await expect(page.getByRole('status').filter({ hasText: done })).toBeVisible()
  const registerRows = page.getByRole('table', { name: '成员名册' }).locator('tbody tr')
  await expect(registerRows).toHaveCount(4)
  await expect(registerRows.filter({ hasText: '李四' })).toContainText('13911112222')
  await expect(registerRows.filter({ hasText: '王五' })).toContainText('13700000000')
  // The update is in 李四's history, as an edit would be.
  await page.getByRole('button', { name: '编辑成员：李四' }).click()
  await expect(page.getByRole('region', { name: '修改记录' }).getByRole('listitem')).toContainText('电话：13900000000 → 13911112222')
  await page.getByRole('button', { name: '取消' }).click()

  // Households in 3栋 and 13栋: the search for 3栋2单元301 finds only that room.
  await page.getByRole('link', { name: common.nav.households, exact: true }).click()
  await page.getByRole('link', { name: '从表格导入（CSV / Excel）' }).click()
  await page.getByLabel('选择 CSV 或 XLSX 文件').setInputFiles(file(info, 'households.csv', ['楼栋,单元,房号,产权人,面积', '3,2,301,张三,80', '13,2,301,李四,80', '3,2,302,王五,80']))
  await page.getByRole('button', { name: '导入 3 户' }).click()
  await expect(page.getByRole('status').filter({ hasText: fmt(I.merge.importedHouseholds_other, { count: 3 }) })).toBeVisible()
  await page.getByLabel('查找住户').fill('3栋2单元301')
  await expect(page.getByRole('cell', { name: '张三', exact: true })).toBeVisible()
  await expect(page.getByRole('cell', { name: '李四', exact: true })).toHaveCount(0)

  // A campaign: signing asks first, then counts.
  await page.getByRole('link', { name: common.nav.campaigns, exact: true }).click()
  await page.getByRole('link', { name: C.new }).click()
  await page.getByLabel(C.fields.title, { exact: true }).fill('模拟搬迁')
  await page.getByLabel(C.fields.deadline, { exact: true }).fill(TODAY)
  await page.getByRole('button', { name: C.create }).click()
  const nav = page.getByRole('navigation', { name: C.tabs.label })
  await nav.getByRole('link', { name: C.tabs.record, exact: true }).click()
  await page.getByLabel(C.record.recorder).fill('李秘书')
  const address = [fmt(C.address.building, { v: '3' }), fmt(C.address.unit, { v: '2' }), fmt(C.address.room, { v: '301' })].join(C.address.sep)
  await page.getByLabel(C.record.search).fill('3栋2单元301')
  await expect(page.getByRole('button', { name: fmt(C.record.signFor, { household: fmt(C.address.building, { v: '13' }) + C.address.sep + fmt(C.address.unit, { v: '2' }) + C.address.sep + fmt(C.address.room, { v: '301' }) }) })).toHaveCount(0)
  await page.getByRole('button', { name: fmt(C.record.signFor, { household: address }) }).click()
  const confirm = page.getByRole('alertdialog', { name: fmt(C.record.signFor, { household: address }) })
  await expect(confirm).toContainText(fmt(C.record.confirmSign, { household: address, owner: '张三', date: fmtDate(TODAY), by: '李秘书' }))
  // Nothing is recorded until confirmed.
  await expect(page.getByRole('row', { name: new RegExp(`^${address}`) })).toContainText(C.record.noEntries)
  await confirm.getByRole('button', { name: C.record.confirmSignButton }).click()
  await expect(page.getByTestId('record-status')).toHaveText(fmt(C.record.saved, { household: address, what: C.entry.sign }))
  await nav.getByRole('link', { name: C.tabs.overview, exact: true }).click()
  await expect(page.getByTestId('signed-count')).toHaveText(fmt(C.count_other, { signed: 1, count: 3 }))

  // It was a mistake: void it with a reason. The entry stays, struck through; the rate goes back.
  await nav.getByRole('link', { name: C.tabs.record, exact: true }).click()
  await page.getByLabel(C.record.search).fill('3栋2单元301')
  const what = fmt(C.entry.byOwner, { what: C.entry.sign })
  await page.getByRole('button', { name: fmt(C.record.voidFor, { what }) }).click()
  const dialog = page.getByRole('dialog', { name: fmt(C.record.voidTitle, { household: address }) })
  await dialog.getByRole('button', { name: C.record.voidConfirm }).click()
  await expect(dialog.getByRole('alert')).toHaveText(C.errors.code.reasonRequired)
  await dialog.getByLabel(C.record.voidReason).fill('点错了户，应为 302 室')
  await shoot(page, 'zh-CN-campaign-void-dialog')
  await language(page, 'en')
  await expect(page.getByRole('dialog', { name: fmt(enC.record.voidTitle, { household: [fmt(enC.address.building, { v: '3' }), fmt(enC.address.unit, { v: '2' }), fmt(enC.address.room, { v: '301' })].join(enC.address.sep) }) })).toBeVisible()
  await shoot(page, 'en-campaign-void-dialog')
  await language(page, 'zh-CN')
  await dialog.getByRole('button', { name: C.record.voidConfirm }).click()
  await expect(page.getByTestId('record-status')).toHaveText(fmt(C.record.voidSaved, { household: address, what }))
  const row = page.getByRole('row', { name: new RegExp(`^${address}`) })
  await expect(row.locator('li.voided')).toContainText('李秘书')
  await expect(row.locator('li.voided')).toContainText('点错了户，应为 302 室')
  await expect(row).toContainText(C.status.unsigned)
  await shoot(page, 'zh-CN-campaign-voided-entry')
  await nav.getByRole('link', { name: C.tabs.overview, exact: true }).click()
  await expect(page.getByTestId('signed-count')).toHaveText(fmt(C.count_other, { signed: 0, count: 3 }))
})

/** A date as the zh-CN screens write it: 2026年12月7日. */
function fmtDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

// Importing a register that is not right, as a secretary meets it: a sheet with faulty rows, a
// file that is not a spreadsheet, an empty file, an empty workbook, a GBK CSV from Chinese
// Windows Excel, and the same file chosen twice. Nothing is written unless every row is right.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, createCouncil, fixturesDir } from './fixtures'

const members30: { name: string; building: string; unit: string; room: string }[] = JSON.parse(
  readFileSync(join(fixturesDir, 'members-30.json'), 'utf8'),
)

const registerRows = (page: Page) => page.getByRole('table', { name: '成员名册' }).locator('tbody tr')
const summary = (current: number, voting: number, all: number) =>
  `现有成员 ${current} 人（其中有表决权 ${voting} 人），名册共 ${all} 人（含已离开的成员）。`

async function openImport(page: Page) {
  await page.getByRole('link', { name: '从表格导入（CSV / Excel）' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '从表格导入成员' })).toBeVisible()
}

async function choose(page: Page, file: string) {
  await page.getByLabel('选择 CSV 或 XLSX 文件').setInputFiles(join(fixturesDir, file))
}

async function backToRegister(page: Page) {
  await page.getByRole('link', { name: '返回成员名册' }).click()
  await expect(page.getByRole('heading', { name: '成员名册' })).toBeVisible()
}

test('a sheet with faulty rows lists every problem by row and imports nothing', async ({ page, problems }) => {
  await createCouncil(page, '幸福里社区居民议事会')
  // One member is already on the register before the import.
  await page.getByRole('button', { name: '添加成员' }).click()
  const form = page.getByRole('form', { name: '添加成员' })
  await form.getByLabel('姓名').fill('孙立新')
  await form.getByLabel('楼栋').fill('8')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(summary(1, 1, 1))).toBeVisible()

  await openImport(page)
  await choose(page, 'members-bad-rows.xlsx')
  const preview = page.getByRole('table', { name: '预览：members-bad-rows.xlsx' })
  await expect(preview).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: '9 行有问题——请改好文件后重新选择。现在什么都还没有导入。' })).toContainText(
    '只要有一行有问题，就一个也不导入，免得名册只导入了一半。',
  )
  // By default only the faulty rows are shown: nine of the eleven (the blank row 10 is no row at all).
  const rowNumbers = preview.locator('tbody tr td:first-child')
  await expect(rowNumbers).toHaveText(['3', '5', '6', '7', '8', '9', '11', '12', '13'])
  const problemsOf = (row: number) => preview.locator('tbody tr').filter({ has: page.locator(`td:first-child:text-is("${row}")`) }).locator('td').last()
  await expect(problemsOf(3)).toHaveText('第 3 行，姓名：没有填姓名')
  await expect(problemsOf(5)).toHaveText('第 5 行：和第 4 行是同一个人（姓名和住址都一样）')
  await expect(problemsOf(6)).toHaveText('第 6 行，面积（平方米）：面积不是数字。请只写数字，例如 62.35')
  await expect(problemsOf(7)).toHaveText('第 7 行，面积（平方米）：面积不能是负数')
  await expect(problemsOf(8)).toHaveText('第 8 行，角色：看不懂这个角色。可以写：主持人、记录人、议事会成员、列席、监事，或者空着（算作议事会成员）')
  await expect(problemsOf(9)).toHaveText('第 9 行，加入日期：看不懂这个日期。请写成 2024-03-01 或 2024年3月1日 这样')
  await expect(problemsOf(11)).toHaveText('第 11 行，电话：电话号码不对。请只写数字，例如 13812345678 或 028-85551234')
  await expect(problemsOf(12)).toHaveText('第 12 行，离开日期：离开日期比加入日期还早')
  await expect(problemsOf(13)).toHaveText('第 13 行，面积（平方米）：面积最多保留两位小数，例如 62.35')
  // The cell as written stays visible next to its problem.
  await expect(preview.locator('tbody tr').filter({ hasText: '王志强' })).toContainText('abc')
  // Names, roles, phones and dates are readable, each on one line (not one character a line).
  const lines = await preview.locator('tbody tr td:is(:nth-child(2), :nth-child(3), :nth-child(8), :nth-child(9))').evaluateAll((cells) =>
    cells.map((td) => {
      const range = document.createRange()
      range.selectNodeContents(td)
      return { text: td.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size }
    }),
  )
  expect(lines.filter((c) => c.text && c.lines !== 1)).toEqual([])

  // The import is blocked while any row is faulty.
  const importButton = page.getByRole('button', { name: /^导入 \d+ 名成员$/ })
  await expect(importButton).toHaveText('导入 11 名成员')
  await expect(importButton).toBeDisabled()

  // All rows on request: the good ones say so, and the blank row 10 is not counted.
  await page.getByRole('checkbox', { name: '只看有问题的行' }).uncheck()
  await expect(rowNumbers).toHaveText(['2', '3', '4', '5', '6', '7', '8', '9', '11', '12', '13'])
  await expect(problemsOf(2)).toHaveText('新增')
  await expect(problemsOf(4)).toHaveText('新增')
  await expect(importButton).toBeDisabled()

  // Back on the register: only the member who was there before, nothing from the file.
  await backToRegister(page)
  await expect(page.getByText(summary(1, 1, 1))).toBeVisible()
  await expect(registerRows(page)).toHaveCount(1)
  await expect(registerRows(page).first()).toContainText('孙立新')
  await page.reload()
  await expect(page.getByText(summary(1, 1, 1))).toBeVisible()
  await page.getByRole('checkbox', { name: '同时显示已离开的成员' }).check()
  await expect(registerRows(page)).toHaveCount(1)
  expect(problems).toEqual([])
})

test('a picture, an empty CSV and an empty workbook each get their own message and write nothing', async ({ page, problems }) => {
  await createCouncil(page, '和平里院落议事会')
  await openImport(page)
  // Ordered so that each message differs from the one before it.
  const cases: [string, string][] = [
    ['empty.csv', '这个文件是空的，里面没有内容。请看看是不是选错了文件。'],
    ['not-a-spreadsheet.xlsx', '这个文件不是表格，或者已经损坏，读不出来。请选择 .xlsx 或 .csv 格式的表格文件。'],
    ['blank.xlsx', '这个文件是空的，里面没有内容。请看看是不是选错了文件。'],
  ]
  for (const [file, message] of cases) {
    await choose(page, file)
    await expect(page.getByRole('alert')).toHaveText(message)
    // No preview, no import button: there is nothing to confirm.
    await expect(page.getByRole('heading', { name: /^预览：/ })).toHaveCount(0)
    await expect(page.getByRole('button', { name: /^导入/ })).toHaveCount(0)
  }
  await backToRegister(page)
  await expect(page.getByText(summary(0, 0, 0))).toBeVisible()
  await expect(page.getByText('名册里还没有成员。可以逐个添加，也可以从社区的表格导入。')).toBeVisible()
  await page.reload()
  await expect(page.getByText(summary(0, 0, 0))).toBeVisible()
  expect(problems).toEqual([])
})

test('a GBK CSV from Chinese Windows Excel imports with the right Chinese names', async ({ page, problems }) => {
  await createCouncil(page, '清风社区居民议事会')
  await openImport(page)
  await choose(page, 'members-gbk.csv')
  // The encoding was recognised: the offered choice is GBK, and the names read correctly.
  await expect(page.getByLabel('文字显示成乱码？换一种编码试试')).toHaveValue('gb18030')
  const preview = page.getByRole('table', { name: '预览：members-gbk.csv' })
  await expect(preview.locator('tbody tr')).toHaveCount(30)
  await expect(preview.locator('tbody tr td:nth-child(2)')).toHaveText(members30.map((m) => m.name))
  await expect(page.getByRole('status').filter({ hasText: '30 行可以导入' })).toBeVisible()
  await page.getByRole('button', { name: '导入 30 名成员' }).click()

  await expect(page.getByRole('heading', { name: '成员名册' })).toBeVisible()
  await expect(registerRows(page)).toHaveCount(30)
  for (const m of [members30[0]!, members30[1]!, members30[17]!, members30[29]!]) {
    const row = registerRows(page).filter({ has: page.getByRole('cell', { name: m.name, exact: true }) })
    await expect(row).toHaveCount(1)
    // "3栋" in the CSV is building 3: the register shows it once, not "3栋栋".
    await expect(row).toContainText(`${m.building}栋 ${m.unit}单元 ${m.room}室`)
  }
  await page.reload()
  await expect(registerRows(page)).toHaveCount(30)
  await expect(page.getByRole('cell', { name: members30[0]!.name, exact: true })).toBeVisible()
  expect(problems).toEqual([])
})

test('choosing the same file again finds every row already on the register, unchanged: nothing to add or update, nothing written', async ({ page, problems }) => {
  await createCouncil(page, '向阳社区居民议事会')
  await openImport(page)
  await choose(page, 'members-30.xlsx')
  await page.getByRole('button', { name: '导入 30 名成员' }).click()
  await expect(registerRows(page)).toHaveCount(30)

  await openImport(page)
  await choose(page, 'members-30.xlsx')
  const preview = page.getByRole('table', { name: '预览：members-30.xlsx' })
  // Matched, not refused (issue 14): each row is already there and says so.
  await expect(page.getByRole('group', { name: '表格里已在名册上的行' })).toContainText('新增 0 行；30 行已在名册上（姓名和住址都一样），其中 0 行和名册上的内容不同。')
  await expect(page.getByRole('status').filter({ hasText: '表格里的每一行都已在名册上，没有要新增或更新的内容。' })).toBeVisible()
  await expect(preview.locator('tbody tr')).toHaveCount(30)
  await expect(preview.locator('tbody tr.has-error')).toHaveCount(0)
  // Row numbers as the spreadsheet shows them: a title row, the header in row 2, members from row 3.
  await expect(preview.locator('tbody tr td:first-child')).toHaveText(members30.map((_, i) => String(i + 3)))
  await expect(preview.locator('tbody tr td:last-child')).toHaveText(members30.map(() => '已在名册上，没有改动'))
  // Nothing to write: no import button to press.
  await expect(page.getByRole('button', { name: /^确认导入/ })).toHaveCount(0)

  await backToRegister(page)
  await expect(registerRows(page)).toHaveCount(30)
  await expect(page.getByText(summary(30, 28, 30))).toBeVisible()
  expect(problems).toEqual([])
})

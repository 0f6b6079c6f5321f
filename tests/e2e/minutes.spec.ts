// The minutes from the room to the street office and back, as the people involved do it: the
// secretary closes a meeting, drafts the minutes, the chair and the recorder sign, the minutes
// are sealed and exported (PDF, DOCX, bundle) and publicly posted; a reviewer in another browser
// (its own storage) opens the bundle, sees it verified and checked, refuses a tampered and a
// truncated copy with their reasons, and returns it with a comment; the council imports the
// answer. A hostile string in the motion stays text everywhere. Pages are kept as images.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, HOSTILE, importRegister, openSessionOnFloor, motionUnderDebate, voteByHands } from './fixtures'
import { fmt, texts } from './i18n'

const { session: S, minutes: M, review: R } = texts['zh-CN']
const NAMES = ['钱大伟', '孔令芳', '曹志刚', '严秋月', '华国强']
const MOTION = `请物业三日内疏通排水。${HOSTILE}`
const NARRATIVE = '会议由钱大伟主持，5名成员全部到会。'

async function closedMeeting(page: Page, dir: string) {
  writeFileSync(join(dir, 'five.csv'), ['姓名,角色,楼栋,房号', ...NAMES.map((n, i) => `${n},${i === 0 ? '主持人' : i === 1 ? '记录人' : '议事会成员'},7,${201 + i}`)].join('\n'))
  await createCouncil(page, '小院议事会', { street: '东城街道' })
  await importRegister(page, join(dir, 'five.csv'), 5)
  await createMeeting(page, '院内积水议事会', '2026-12-20T10:00')
  await addItem(page, '院内积水处理')
  await openSessionOnFloor(page, NAMES)
  const motion = await motionUnderDebate(page, '院内积水处理', MOTION, '曹志刚', '严秋月')
  await voteByHands(page, motion, { yes: 4, no: 1 }, 'passed')
  await page.getByRole('button', { name: S.close.button }).click()
  await page.getByRole('button', { name: S.close.yes }).click()
}

/** The current screen as a PDF through Chromium's print path (print CSS, A4 from @page), checked with poppler. */
async function pdfOf(page: Page, file: string): Promise<{ fonts: string; text: string; pages: number }> {
  await page.emulateMedia({ media: 'print' })
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  await page.emulateMedia({ media: 'screen' })
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '2', file, file.replace(/\.pdf$/, '')])
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return {
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
    // White space removed: justified Chinese lines come out with spaces between characters.
    text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
  }
}

/** Every font in a pdffonts listing is an embedded, named TrueType font, and CJK ones are among them. */
function expectEmbeddedCjk(fonts: string) {
  const rows = fonts.split('\n').slice(2).filter((l) => l.trim())
  expect(rows.length).toBeGreaterThan(0)
  for (const row of rows) expect(row, row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/)
  expect(fonts).toMatch(/\+(UMingCN|WenQuanYiZenHei|UKaiCN)\s/)
}

test('minutes: drafted, signed, sealed, exported, posted, sent, verified, returned, answered', async ({ page, browser, problems }, info) => {
  test.setTimeout(240_000)
  const dir = info.outputPath('files')
  mkdirSync(dir, { recursive: true })
  await closedMeeting(page, dir)

  // Drafting: the recorded facts are in; the secretary adds the narrative and the follow-up.
  await page.getByRole('link', { name: M.open }).click()
  await expect(page.getByRole('heading', { level: 1, name: fmt(M.heading, { title: '院内积水议事会' }) })).toBeVisible()
  await page.getByLabel(M.draft.narrative).fill(NARRATIVE)
  await page.getByLabel(M.draft.itemNotes).fill('成员一致认为应尽快疏通。')
  const resolution = page.getByRole('group', { name: fmt(M.draft.resolutionOf, { text: MOTION }) })
  await resolution.getByLabel(M.draft.implementer).fill('物业服务中心')
  await resolution.getByLabel(M.draft.due).fill('2026-12-23')
  await page.reload()
  await expect(page.getByRole('group', { name: fmt(M.draft.resolutionOf, { text: MOTION }) }).getByLabel(M.draft.implementer)).toHaveValue('物业服务中心')
  await expect(page.getByLabel(M.draft.narrative)).toHaveValue(NARRATIVE)
  await page.screenshot({ path: join(dir, 'minutes-draft-zh-CN.png'), fullPage: true })
  await page.getByRole('button', { name: M.draft.finish }).click()

  // Signing: the chair and the recorder, then the seal.
  const chair = page.getByRole('form', { name: M.sign.role.chair })
  await expect(chair.getByLabel(M.sign.name)).toHaveValue('钱大伟')
  await chair.getByRole('button', { name: M.sign.sign, exact: true }).click()
  await expect(chair.getByRole('status')).toContainText('钱大伟')
  await expect(page.getByRole('button', { name: M.sign.seal })).toBeDisabled()
  const recorder = page.getByRole('form', { name: M.sign.role.recorder })
  await recorder.getByRole('button', { name: M.sign.sign, exact: true }).click()
  await page.getByRole('button', { name: M.sign.seal }).click()
  await page.getByRole('alertdialog', { name: M.sign.sealConfirmTitle }).getByRole('button', { name: M.sign.yesSeal }).click()
  const hash = (await page.getByTestId('sealed-hash').textContent()) ?? ''
  expect(hash).toMatch(/^[0-9a-f]{64}$/)
  await page.screenshot({ path: join(dir, 'minutes-sealed-zh-CN.png'), fullPage: true })

  // The documents: the record shows the motion as text, the hash and its QR code; PDF and DOCX.
  await page.getByRole('link', { name: M.tabs.documents }).click()
  const sheet = page.getByTestId('print-document')
  await expect(sheet).toContainText(MOTION)
  await expect(sheet).toContainText(hash)
  await expect(sheet.locator('img, script, iframe')).toHaveCount(0)
  await expect(sheet.locator('svg')).toHaveCount(1)
  const record = await pdfOf(page, join(dir, 'record.pdf'))
  expectEmbeddedCjk(record.fonts)
  expect(record.text).toContain('请物业三日内疏通排水。<imgsrc=xonerror=alert(1)>')
  expect(record.text).toContain('散会')
  expect(record.text).toContain(hash.slice(0, 16))
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: M.export.docx }).click()])
  expect(docx.suggestedFilename()).toBe(`小院议事会-2026-12-20-${M.documents.record}.docx`)
  const zip = await JSZip.loadAsync(readFileSync(await docx.path()))
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  expect(xml).toContain('请物业三日内疏通排水。&lt;img src=x onerror=alert(1)&gt;')
  expect(xml).toContain(NARRATIVE)
  expect(xml).not.toContain('<img')
  await page.getByLabel(M.documents.summary).check()
  await expect(sheet).toContainText('出席')
  const summary = await pdfOf(page, join(dir, 'summary.pdf'))
  expectEmbeddedCjk(summary.fonts)
  expect(summary.text).toContain('物业服务中心')

  // The public notice, an objection and its handling.
  await page.getByRole('link', { name: M.tabs.notice }).click()
  await page.getByLabel(M.notice.place).fill('7号院公告栏')
  await expect(page.getByLabel(M.notice.end)).not.toHaveValue('')
  await page.getByRole('button', { name: M.notice.post }).click()
  await expect(page.getByRole('form', { name: M.notice.formTitle })).toContainText('7号院公告栏')
  const objection = page.getByRole('form', { name: M.objection.add })
  await objection.getByLabel(M.objection.from).fill('7号院严女士')
  await objection.getByLabel(M.objection.content).fill('疏通时请避开早晚高峰。')
  await objection.getByRole('button', { name: M.objection.add }).click()
  const handle = page.getByRole('form', { name: fmt(M.objection.handleFor, { from: '7号院严女士' }) })
  await handle.getByLabel(M.objection.handling).fill('已请物业安排在上午十点后施工。')
  await handle.getByRole('button', { name: M.objection.saveHandling }).click()
  await expect(page.getByText(M.objection.pending)).toHaveCount(0)

  // Sending: the self-check shows the notice still running; the bundle is saved anyway.
  await page.getByRole('link', { name: M.tabs.submit }).click()
  await expect(page.locator('tr[data-check="notice"]')).toHaveAttribute('data-status', 'fail')
  await expect(page.locator('tr[data-check="signatures"]')).toHaveAttribute('data-status', 'pass')
  await page.screenshot({ path: join(dir, 'minutes-submit-zh-CN.png'), fullPage: true })
  await page.getByRole('button', { name: M.submit.send }).click()
  const [bundleDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('alertdialog', { name: M.submit.noticeRunningTitle }).getByRole('button', { name: M.submit.sendAnyway }).click()])
  const bundlePath = join(dir, bundleDownload.suggestedFilename())
  await bundleDownload.saveAs(bundlePath)
  const bundleText = readFileSync(bundlePath, 'utf8')
  await expect(page.getByRole('heading', { level: 1 }).locator('..').locator('.pill')).toHaveText(texts['zh-CN'].common.enums.meetingStatus.submitted)

  // The street office, in a browser of its own: one good file, one with a flipped byte, one cut short.
  const office = await browser.newContext({ locale: 'zh-CN' })
  const reviewer = await office.newPage()
  reviewer.on('pageerror', (e) => problems.push(`reviewer: ${e.message}`))
  reviewer.on('console', (m) => m.type() === 'error' && problems.push(`reviewer console: ${m.text()}`))
  reviewer.on('dialog', (d) => (problems.push(`reviewer dialog: ${d.message()}`), void d.dismiss()))
  const at = bundleText.indexOf('"for":4')
  const tampered = bundleText.slice(0, at) + '"for":5' + bundleText.slice(at + 7)
  writeFileSync(join(dir, 'tampered.yishi.json'), tampered)
  writeFileSync(join(dir, 'truncated.yishi.json'), bundleText.slice(0, Math.floor(bundleText.length / 2)))
  await reviewer.goto('/')
  await reviewer.getByRole('link', { name: R.openScreen }).click()
  await reviewer.getByLabel(R.choose).setInputFiles([bundlePath, join(dir, 'tampered.yishi.json'), join(dir, 'truncated.yishi.json')])
  const results = reviewer.getByRole('list', { name: R.results })
  await expect(results.getByRole('status')).toHaveText(fmt(R.verified, { file: bundleDownload.suggestedFilename() }))
  await expect(results.getByRole('alert')).toHaveText([
    fmt(R.rejected, { file: 'tampered.yishi.json', reason: R.reason.hashMismatch }),
    fmt(R.rejected, { file: 'truncated.yishi.json', reason: R.reason.truncated }),
  ])
  await expect(reviewer.locator('tr[data-check="notice"]')).toHaveAttribute('data-status', 'fail')
  await expect(reviewer.locator('tr[data-check="threshold"]')).toHaveAttribute('data-status', 'pass')
  await expect(reviewer.locator('tr[data-check="quorum"]')).toHaveAttribute('data-status', 'pass')
  await reviewer.getByLabel(R.reviewer).fill('王科长')
  await reviewer.getByLabel(R.office).fill('东城街道办事处')
  await expect(reviewer.getByRole('button', { name: R.return })).toBeDisabled()
  await reviewer.getByLabel(R.comments, { exact: true }).fill('公示期未满，请期满后重新报送。')
  await reviewer.screenshot({ path: join(dir, 'review-zh-CN.png'), fullPage: true })
  await reviewer.getByRole('button', { name: R.return }).click()
  await expect(reviewer.getByTestId('print-document')).toContainText('公示期未满，请期满后重新报送。')
  const opinion = await pdfOf(reviewer, join(dir, 'opinion.pdf'))
  expectEmbeddedCjk(opinion.fonts)
  expect(opinion.text).toContain('公示期未满，请期满后重新报送。')
  const [answer] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByRole('button', { name: R.saveFile }).click()])
  const answerPath = join(dir, answer.suggestedFilename())
  await answer.saveAs(answerPath)
  await reviewer.getByLabel('界面语言').selectOption('en')
  await reviewer.screenshot({ path: join(dir, 'review-en.png'), fullPage: true })
  await office.close()

  // Back at the council: the answer is imported, the minutes are returned with the comment.
  await page.getByLabel(M.answer.import).setInputFiles(answerPath)
  await expect(page.getByText(M.answer.imported.returned)).toBeVisible()
  await expect(page.getByText('公示期未满，请期满后重新报送。')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 }).locator('..').locator('.pill')).toHaveText(texts['zh-CN'].common.enums.meetingStatus.returned)
  await page.getByLabel('界面语言').selectOption('en')
  await page.getByRole('link', { name: texts.en.minutes.tabs.sign }).click()
  await page.screenshot({ path: join(dir, 'minutes-returned-en.png'), fullPage: true })
})

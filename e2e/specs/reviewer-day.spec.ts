/// <reference lib="dom" />
// The reviewer's day of issue 11, end to end: a roster of 8 units and 20 files (the same reports in
// several formats, a corrected version, one unit missing), who is missing and who is late, two
// submissions reviewed from the roster, 已审 2 / 7 and the library's rows changing state, then the
// library scrolled, a report opened and the rows found again on the way back. Screenshots of the
// roster, the library and the workspace at 1440×900 and 1280×720 along the way.
import fs from 'node:fs'
import path from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { expect, FIXTURES, test } from '../fixtures/renderer'
import { copyReports } from '../fixtures/data'
import { makeRosterBatch } from '../fixtures/roster-batch'
import { ITEMS, screens } from '../pages'

/** The same screen at the two sizes a reviewer's screens have: a desktop and a laptop. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.screenshot({ path: testInfo.outputPath(`${name}-1440.png`) })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`) })
  await page.setViewportSize({ width: 1440, height: 900 })
}

test("the reviewer's day: the roster, 未报送 and 逾期, two reviews, 已审 2 / 7, the library's states, and its rows kept", async ({ app }, testInfo) => {
  test.setTimeout(120_000)
  const { page } = app
  const { header, imports, library, workspace } = screens(page)
  await app.services.api.settings.update({ reviewerName: '李审核' })
  // the year under review, set once for the project (the library then shows that year first)
  await app.services.api.roster.updateSettings({ reviewYear: 2024 })
  await page.reload()
  const batch = makeRosterBatch(app.dir)
  expect(batch.files).toHaveLength(20)

  // The roster pasted from the bureau's sheet, then the spring's files dropped on the window.
  await header.tab('报送情况')
  const roster = page.getByTestId('roster')
  await roster.getByRole('button', { name: '粘贴名单…' }).first().click()
  await page.getByTestId('roster-paste').locator('textarea').fill(batch.roster)
  await page.getByRole('button', { name: '导入', exact: true }).click()
  await expect(roster.locator('tr[data-unit]')).toHaveCount(8)
  await app.drop([batch.dir], { checkOverlay: false })
  await imports.waitForSummary('共 20 个文件：导入 20，重复 0，失败 0。')
  await imports.close()

  // Who has reported, who is late, who is missing.
  const unit = (u: string) => roster.locator(`tr[data-unit="${u}"]`)
  await expect(roster.locator('[data-figure="submit"]')).toContainText('7 / 8 家')
  await expect(roster.locator('[data-figure="reviewed"]')).toContainText('0 / 7')
  await expect(unit(batch.missing)).toContainText('未报送')
  for (const u of batch.late) await expect(unit(u)).toContainText(/逾期 \d+ 天/)
  // the Word file, the PDF and the saved page are one version; the corrected text is the second
  await expect(unit('葛坑镇')).toContainText('4 个文件 · 2 版')
  await expect(unit('浔中镇')).toContainText('3 个文件 · 1 版')
  await roster.locator('[data-filter="late"]').click()
  await expect(roster.locator('tr[data-unit]')).toHaveCount(batch.late.length)
  await roster.locator('[data-filter="all"]').click()
  await shoot(page, testInfo, 'roster')

  // The library before any review: one row per submission of the year, each 未审.
  await header.tab('报告库')
  await expect(library.count).toHaveText('共 7 份报告')
  await expect(library.table.locator('[data-review="unreviewed"]')).toHaveCount(7)
  await header.tab('报送情况')

  // The first review, opened from the roster: two items judged and the overall verdict.
  await unit('葛坑镇').click()
  await expect(workspace.root).toBeVisible()
  await expect(page.getByRole('button', { name: '← 返回报送情况' })).toBeVisible()
  await expect(workspace.title).toHaveText(/葛坑镇/)
  // the header names the unit, the version on screen (the corrected text), the year, the date and the 文号
  await expect(page.getByTestId('meta-line')).toContainText('葛坑镇')
  await expect(page.getByTestId('meta-line')).toContainText('第 2 版（共 2 版）')
  await expect(page.getByTestId('meta-line')).toContainText('2024')
  await expect(page.getByTestId('meta-line')).toContainText('2025-02-28')
  await expect(page.getByTestId('meta-line')).toContainText('葛政〔2025〕11号')
  await workspace.judge(ITEMS.shortcomings, '部分符合')
  await workspace.setReason(ITEMS.shortcomings, '原因分析仍不具体')
  await workspace.judge(ITEMS.plans, '符合')
  await workspace.setOverall('需修改')
  await expect(workspace.overall('需修改')).toBeChecked()
  await shoot(page, testInfo, 'workspace')

  // 下一份未审: the next unit in the roster's order not reviewed yet; passed.
  const first = await workspace.currentFile()
  await page.getByTestId('next-unreviewed').click()
  await expect(workspace.root).not.toHaveAttribute('data-file', first!)
  const secondTitle = await workspace.title.innerText()
  await workspace.judge(ITEMS.leadership, '符合')
  await workspace.setOverall('通过')
  await expect(workspace.overall('通过')).toBeChecked()
  await workspace.clickText()
  await page.keyboard.press('Escape')
  await expect(workspace.root).toHaveCount(0)

  // Back on the roster: the progress and both verdicts.
  await expect(roster.locator('[data-figure="reviewed"]')).toContainText('2 / 7')
  await expect(roster.locator('[data-figure="passed"]')).toContainText('1 / 2')
  await expect(unit('葛坑镇')).toContainText('已审')
  await expect(unit('葛坑镇')).toContainText('需修改')
  await expect(unit('葛坑镇')).toContainText('李审核')
  const second = roster.locator('tr[data-unit]').filter({ hasText: '通过' })
  await expect(second).toHaveCount(1)
  const secondUnit = (await second.getAttribute('data-unit'))!
  expect(secondTitle).toContain(secondUnit.replace(/^县/, ''))
  await roster.locator('[data-filter="unreviewed"]').click()
  await expect(roster.locator('tr[data-unit]')).toHaveCount(5)
  await roster.locator('[data-filter="revise"]').click()
  await expect(roster.locator('tr[data-unit]')).toHaveCount(1)
  await roster.locator('[data-filter="all"]').click()
  await shoot(page, testInfo, 'roster-reviewed')

  // The library: one row per submission of the review year, the states changed, the verdicts marked.
  await header.tab('报告库')
  await expect(page.getByTestId('library-year')).toContainText('2024 年度')
  await expect(library.count).toHaveText('共 7 份报告')
  const row = (u: string) => library.table.locator(`tbody tr[data-unit="${u}"]`)
  await expect(row('葛坑镇').locator('[data-review]')).toHaveAttribute('data-review', 'reviewed')
  await expect(row('葛坑镇').locator('[data-review]')).toContainText('需修改')
  await expect(row('葛坑镇').locator('[data-review]')).toContainText('李审核')
  await expect(row('葛坑镇').locator('[data-item="shortcomings"]')).toHaveAttribute('data-verdict', 'partial')
  await expect(row('葛坑镇').locator('[data-item="plans"]')).toHaveAttribute('data-verdict', 'meets')
  await expect(row(secondUnit).locator('[data-review]')).toContainText('通过')
  const untouched = batch.units.find((u) => u !== '葛坑镇' && u !== secondUnit && u !== batch.missing)!
  await expect(row(untouched).locator('[data-review]')).toHaveAttribute('data-review', 'unreviewed')
  await expect(row(untouched).locator('[data-review]')).toContainText('未审')
  // a title the text gives stays; none is a file name
  for (const t of await library.table.getByTestId('title').allInnerTexts()) expect(t).not.toMatch(/\.(txt|html|pdf|docx)$/)
  await page.getByTestId('unreviewed-only').click()
  await expect(library.count).toHaveText('共 5 / 7 份')
  await page.getByTestId('unreviewed-only').click()
  // the box in the header ticks every row listed (for an export or a bulk verdict), and unticks them
  const all = library.table.getByRole('checkbox', { name: '全选本页所列报告' })
  await library.row((await row('葛坑镇').getAttribute('data-file'))!).getByRole('checkbox').click()
  await expect(library.exportMenu).toHaveText(/导出所选（1）/)
  await all.click()
  await expect(library.exportMenu).toHaveText(/导出所选（7）/)
  await shoot(page, testInfo, 'library')
  await all.click()
  // with nothing ticked the export covers the review year, and the button says so
  await expect(library.exportMenu).toHaveText(/导出 2024 年度/)
  await expect(workspace.root).toHaveCount(0)

  // The rest of the county's batch (copies waiting for a unit), enough rows to scroll on a laptop.
  copyReports(app.services, 60)
  await page.reload()
  await header.tab('报告库')
  await expect(library.count).toHaveText('共 67 份报告')
  await page.setViewportSize({ width: 1280, height: 720 })
  const top = await library.visibleFiles()
  await library.scrollBy(1600)
  await expect.poll(async () => (await library.visibleFiles()).filter((f) => top.includes(f))).toEqual([])
  const inView = await library.visibleFiles()
  expect(inView.length).toBeGreaterThan(3)
  await library.open(inView[2]!)
  await expect(workspace.root).toBeVisible()
  await workspace.back()
  await expect(workspace.root).toHaveCount(0)
  // the rows are there, around the report just read, not a blank table under its header
  await expect.poll(() => library.visibleFiles()).toContain(inView[2])
  expect((await library.visibleFiles()).length).toBeGreaterThan(3)
  await expect(library.count).toHaveText('共 67 份报告')
  await page.screenshot({ path: testInfo.outputPath('library-back-1280.png') })
})

test('the review year: units are kept across years and the library follows the year the roster is set to', async ({ app }) => {
  const { page } = app
  const { header, imports, library } = screens(page)
  const dir = path.join(app.dir, '两年的报告')
  fs.mkdirSync(dir)
  // This year's report of one unit and a 2020 report of another, kept for comparison.
  fs.copyFileSync(path.join(FIXTURES, 'corpus', 'formats', 'gekeng-2024.docx'), path.join(dir, '葛坑镇.docx'))
  fs.copyFileSync(path.join(FIXTURES, 'corpus', 'formats', 'xincheng-2020.pdf'), path.join(dir, '新城镇.pdf'))
  await header.tab('报送情况')
  const roster = page.getByTestId('roster')
  await roster.getByRole('button', { name: '粘贴名单…' }).first().click()
  await page.getByTestId('roster-paste').locator('textarea').fill('葛坑镇\t乡镇\n新城镇\t乡镇\n美湖镇\t乡镇')
  await page.getByRole('button', { name: '导入', exact: true }).click()
  await app.drop([dir], { checkOverlay: false })
  await imports.waitForSummary('导入 2')
  await imports.close()

  const pickYear = async (y: number) => {
    await roster.getByRole('combobox', { name: '审核年度' }).or(roster.locator('.bar .n-select')).first().click()
    await page.locator('.n-base-select-option', { hasText: `${y}` }).click()
  }
  await pickYear(2020)
  // the same three units, each with its report of that year
  await expect(roster.locator('tr[data-unit]')).toHaveCount(3)
  await expect(roster.locator('tr[data-unit="新城镇"]')).toContainText('逾期')
  await expect(roster.locator('tr[data-unit="葛坑镇"]')).toContainText('未报送')
  await header.tab('报告库')
  await expect(page.getByTestId('library-year')).toContainText('2020 年度')
  await expect(library.count).toHaveText('共 1 份报告')
  await expect(library.table.locator('tbody tr[data-unit="新城镇"]')).toHaveCount(1)

  await header.tab('报送情况')
  await pickYear(2024)
  await expect(roster.locator('tr[data-unit]')).toHaveCount(3)
  await expect(roster.locator('tr[data-unit="葛坑镇"]')).not.toContainText('未报送')
  await header.tab('报告库')
  await expect(page.getByTestId('library-year')).toContainText('2024 年度')
  await expect(library.table.locator('tbody tr[data-unit="葛坑镇"]')).toHaveCount(1)
})

// A reviewer's spring: the roster of 8 units, 20 files dropped on the window, who has reported, who is
// late, who is missing, and the review's progress as submissions are judged.
import { expect, test } from '../fixtures/renderer'
import { makeRosterBatch } from '../fixtures/roster-batch'

test('the roster: paste the units, drop the batch, see 未报送 and 逾期, filter, attach, and the figures', async ({ app }, testInfo) => {
  const { page } = app
  const batch = makeRosterBatch(app.dir)
  await app.services.api.roster.updateSettings({ reviewYear: 2024 })
  await page.locator('.n-tabs-tab', { hasText: '报送情况' }).click()
  const roster = page.getByTestId('roster')
  await expect(roster).toContainText('还没有报送单位名单')
  await page.screenshot({ path: testInfo.outputPath('roster-empty.png') })

  // The roster pasted from a sheet: name and level, one unit a line.
  await roster.getByRole('button', { name: '粘贴名单…' }).first().click()
  await page.getByTestId('roster-paste').locator('textarea').fill(batch.roster)
  await page.getByRole('button', { name: '导入', exact: true }).click()
  await expect(roster.locator('tr[data-unit]')).toHaveCount(8)
  await expect(roster.locator(`tr[data-unit="${batch.missing}"]`)).toContainText('未报送')

  await app.drop([batch.dir])
  await expect(page.getByTestId('import-summary')).toContainText('共 20 个文件：导入 20，重复 0，失败 0。')
  await expect(roster.locator('[data-figure="submit"]')).toContainText('87.5%')
  await expect(roster.locator('[data-figure="submit"]')).toContainText('7 / 8 家')
  await expect(roster.locator('[data-figure="ontime"]')).toContainText('5 / 7 家')
  await expect(roster.locator('[data-figure="reviewed"]')).toContainText('0 / 7')
  await expect(roster.locator('tr[data-unit="葛坑镇"]')).toContainText('4 个文件 · 2 版')
  for (const u of batch.late) await expect(roster.locator(`tr[data-unit="${u}"]`)).toContainText(/逾期 \d+ 天/)
  await expect(roster.locator(`tr[data-unit="${batch.missing}"]`)).toContainText('未报送')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.screenshot({ path: testInfo.outputPath('roster-1440.png') })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: testInfo.outputPath('roster-1280.png') })

  // Filters answer the reviewer's questions: who is missing, who is late.
  await roster.locator('[data-filter="missing"]').click()
  await expect(roster.locator('tr[data-unit]')).toHaveCount(1)
  await roster.locator('[data-filter="late"]').click()
  await expect(roster.locator('tr[data-unit]')).toHaveCount(2)
  await roster.locator('[data-filter="all"]').click()
  await expect(roster.locator('tr[data-unit]')).toHaveCount(8)
})

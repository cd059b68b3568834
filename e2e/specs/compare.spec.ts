/// <reference lib="dom" />
// A reviewer opens this year's report of a unit whose last year's report is in the project, sees the
// copied-text findings beside the report's own, opens the side-by-side comparison and steps through
// the passages the two reports share.
import fs from 'node:fs'
import path from 'node:path'
import type { Locator } from '@playwright/test'
import { expect, FIXTURES, test } from '../fixtures/renderer'

/** This year's report: last year's with the years moved on (one forgotten) and one paragraph rewritten. */
function thisYear(dir: string): string {
  const source = fs.readFileSync(path.join(FIXTURES, 'corpus', 'reports', 'gekeng-2024.txt'), 'utf8')
  const text = source
    .replace(/2025/g, '2026')
    .replace(/2024/g, '2025')
    .replace('接受人民监督,2025年', '接受人民监督,2024年')
    .replace(/二是维护市场公平竞争[^\n]*/, '二是全面推行“一网通办”，群众办事平均跑动次数降到0.3次以下，全年受理事项一万二千余件，满意率保持在百分之九十九以上。')
  const file = path.join(dir, '葛坑镇2025年法治政府建设情况报告.txt')
  fs.writeFileSync(file, text)
  return file
}

/** A passage's words without punctuation, spaces, digits or list numbers: what the two sides share. */
const words = (t: string) => t.replace(/[\s\p{P}\p{S}]/gu, '').replace(/\d/g, '0').replace(/[一二三四五六七八九十]是/g, '是')

async function current(pane: Locator): Promise<string> {
  return (await pane.locator('span.current').allTextContents()).join('')
}

test('see the copied-text findings, open the comparison with last year, step through the passages', async ({ app }, testInfo) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await app.services.api.roster.updateSettings({ reviewYear: 2025 })
  await app.services.api.roster.importUnitsText('葛坑镇\t乡镇')
  const mine = thisYear(app.dir)
  await app.drop([mine, path.join(FIXTURES, 'corpus', 'formats', 'gekeng-2024.docx')])
  await expect(page.getByTestId('import-summary')).toContainText('导入 2')

  // a project with a roster opens on it: the library is the other tab
  await page.locator('.n-tabs-tab', { hasText: '报告库' }).click()
  // the comparison runs after the import; the library shows its findings when it is done
  const row = page.locator(`tr[data-file="${path.basename(mine)}"]`)
  await expect(row.locator('[data-finding="copied-from-last-year"]')).toHaveText('沿用上年文字', { timeout: 20_000 })
  await expect(row.locator('[data-finding="stale-year"]')).toHaveText('沿用上年年份')
  await page.screenshot({ path: testInfo.outputPath('library-1440.png') })
  await row.click()
  const findings = page.getByTestId('findings')
  await expect(findings.locator('[data-finding="copied-from-last-year"]')).toBeVisible()
  await expect(findings.locator('[data-finding="copied-from-last-year"]')).toContainText('沿用上年文字')
  await expect(findings).toContainText(/相同的文字约占全文 9\d%/)
  await expect(findings.locator('[data-finding="stale-year"]')).toContainText('「2024年」')

  await page.screenshot({ path: testInfo.outputPath('workspace-findings-1440.png') })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: testInfo.outputPath('workspace-findings-1280.png') })
  await page.setViewportSize({ width: 1440, height: 900 })

  await page.getByTestId('open-compare').click()
  const compare = page.getByTestId('compare')
  await expect(compare).toBeVisible()
  await expect(page.getByTestId('compare-other')).toContainText('葛坑镇 2024 年度（上年报告）')
  await expect(page.getByTestId('compare-share')).toContainText(/本报告 9\d% 的文字见于对方/)
  await expect(page.getByTestId('compare-stale')).toHaveText('1 处沿用上年年份')
  const position = page.getByTestId('compare-position')
  await expect(position).toHaveText(/^第 1 \/ \d+ 段$/)
  const total = Number((await position.textContent())!.match(/\/ (\d+)/)![1])
  expect(total).toBeGreaterThan(10)

  const left = page.getByTestId('compare-left')
  const right = page.getByTestId('compare-right')
  // both texts, the shared passages highlighted, never as HTML
  await expect(left).toContainText('葛坑镇始终围绕全镇经济社会发展实际')
  await expect(right).toContainText('葛坑镇始终围绕全镇经济社会发展实际')
  await expect(left.locator('span.passage').first()).toBeVisible()
  await expect(left.locator('span.stale')).toHaveText(['2024年'])
  expect(await left.locator('script, img, a').count()).toBe(0)
  await page.screenshot({ path: testInfo.outputPath('compare-1440.png') })

  // step through: the passage in focus is the same words on both sides, and in view on both
  const seen = new Set<string>()
  for (let i = 1; i <= Math.min(total, 6); i++) {
    await expect(position).toHaveText(`第 ${i} / ${total} 段`)
    const a = await current(left)
    const b = await current(right)
    expect(words(a).length).toBeGreaterThan(5)
    expect(words(a)).toBe(words(b))
    await expect(left.locator('span.current').first()).toBeInViewport()
    await expect(right.locator('span.current').first()).toBeInViewport()
    seen.add(a)
    if (i < Math.min(total, 6)) await page.getByTestId('compare-next').click()
  }
  expect(seen.size).toBe(Math.min(total, 6))
  // keys: P back, N forward; the last passage, then no further
  await page.keyboard.press('p')
  await expect(position).toHaveText(`第 ${Math.min(total, 6) - 1} / ${total} 段`)
  await page.keyboard.press('n')
  await expect(position).toHaveText(`第 ${Math.min(total, 6)} / ${total} 段`)
  // clicking a highlighted passage focuses it
  await left.locator('span.passage:not(.current)').first().click()
  await expect(position).toHaveText(`第 1 / ${total} 段`)
  // the rewritten paragraph is not highlighted
  await expect(left.locator('span.passage', { hasText: '一网通办' })).toHaveCount(0)

  await page.setViewportSize({ width: 1280, height: 720 })
  await page.getByTestId('compare-next').click()
  await page.screenshot({ path: testInfo.outputPath('compare-1280.png') })
  await expect(left.locator('span.current').first()).toBeInViewport()
})

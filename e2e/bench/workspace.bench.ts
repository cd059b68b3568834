// Benchmark (not a test): a 100,000-character report opened in the workspace in Chromium with the real
// services. Prints the time from the click to the rendered text, the longest frame while scrolling
// through it, and the time to jump to its last heading. Run by `npm run bench`.
/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import { FIXTURES, test } from '../fixtures/renderer'

test('workspace with a 100,000-character report', async ({ app }) => {
  const { page } = app
  const base = fs.readFileSync(path.join(FIXTURES, 'corpus', 'reports', 'gekeng-2024.txt'), 'utf8')
  let text = '关于2024年度法治政府建设情况的报告（汇编）\n'
  for (let n = 1; text.length < 100_000; n++) text += `${'一二三四五六七八九十'[(n - 1) % 10]}、第${n}部分\n${base}\n`
  const file = path.join(app.dir, '长报告.txt')
  fs.writeFileSync(file, text)
  app.dialogs.reports.push([file])
  await page.getByRole('button', { name: '导入文件…' }).first().click()
  await page.getByTestId('import-summary').waitFor()

  const t0 = Date.now()
  await page.locator('tr[data-file="长报告.txt"] td').nth(1).click()
  await page.getByTestId('report-text').locator('p').last().waitFor({ state: 'attached' })
  const openMs = Date.now() - t0

  const frames = await page.getByTestId('report-text').evaluate(async (el) => {
    const gaps: number[] = []
    let last = performance.now()
    while (el.scrollTop + el.clientHeight < el.scrollHeight - 2) {
      el.scrollBy(0, 600)
      await new Promise(requestAnimationFrame)
      const now = performance.now()
      gaps.push(now - last)
      last = now
    }
    return { count: gaps.length, max: Math.max(...gaps), mean: gaps.reduce((a, b) => a + b, 0) / gaps.length, chars: el.textContent?.length ?? 0 }
  })

  const t1 = Date.now()
  await page.getByTestId('outline').locator('a').last().click()
  await page.locator('.flash').first().waitFor()
  const jumpMs = Date.now() - t1

  console.log(`workspace: ${frames.chars.toLocaleString('en')} characters opened in ${openMs} ms`)
  console.log(`workspace: scrolled through in ${frames.count} frames, mean ${frames.mean.toFixed(1)} ms, longest ${frames.max.toFixed(1)} ms (smooth: < 50 ms) ${frames.max < 50 ? 'MET' : 'NOT MET'}`)
  console.log(`workspace: jump to the last heading in ${jumpMs} ms`)
})

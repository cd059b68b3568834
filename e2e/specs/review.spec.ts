/// <reference lib="dom" />
// A reviewer's day in the workspace: read a report beside its checklist, judge each item, annotate,
// write the opinion, undo a step, reload and find it all again.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, FIXTURES, test } from '../fixtures/renderer'

async function importSamples(page: Page) {
  await page.getByTestId('empty-state').getByRole('button', { name: '导入示例报告' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('导入 4')
}

/** Selects the first occurrence of `phrase` in the report text, as a mouse drag would. */
async function selectText(page: Page, phrase: string) {
  await page.getByTestId('report-text').evaluate((root, p) => {
    // a mouse drag in the text takes the focus away from any field
    ;(document.activeElement as HTMLElement | null)?.blur()
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(p)
      if (i < 0) continue
      const r = document.createRange()
      r.setStart(n, i)
      r.setEnd(n, i + p.length)
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(r)
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
      return
    }
    throw new Error(`text not found: ${p}`)
  }, phrase)
}

test('open a report, see evidence, judge, annotate, write the opinion, undo, reload and find it all', async ({ app }, testInfo) => {
  const { page } = app
  await app.services.api.settings.update({ reviewerName: '李审核' })
  await importSamples(page)
  await page.locator('tr[data-file="gekeng-2024.docx"]').click()
  const review = page.getByTestId('review')
  await expect(review).toBeVisible()
  await expect(page.getByTestId('report-text')).toContainText('葛坑镇始终围绕全镇经济社会发展实际')
  await expect(page.getByTestId('outline').locator('a').first()).toBeVisible()
  await expect(page.getByTestId('review-position')).toHaveText(/^\d \/ 4$/)
  // The metadata with where each value was read; an item marked down says why.
  await expect(page.getByTestId('meta-line')).toContainText('葛坑镇人民政府')
  await expect(page.locator('[data-meta="docNumber"]')).toContainText('葛政〔2025〕11号')
  await expect(page.locator('[data-meta="published"]')).toHaveAttribute('title', /^依据：/)
  await expect(review.locator('[data-item-panel="shortcomings"] [data-detected-reason]')).toHaveText('只列举了问题，未分析原因')

  // Clicking an item shows its evidence highlighted in the text.
  const leadership = review.locator('[data-item-panel="leadership"]')
  await leadership.locator('.item-head').click()
  await expect(leadership.getByTestId('evidence').locator('li').first()).toBeVisible()
  const highlighted = page.getByTestId('report-text').locator('span.evidence[data-evidence~="leadership"]')
  await expect(highlighted.first()).toBeVisible()
  await expect(highlighted.first()).toHaveCSS('background-color', /rgba?\(/)

  // Verdicts with a reason.
  const shortcomings = review.locator('[data-item-panel="shortcomings"]')
  await shortcomings.locator('[data-verdict="partial"]').click()
  await shortcomings.getByRole('textbox', { name: /理由/ }).fill('只列问题，原因分析不够具体')
  await shortcomings.getByRole('textbox', { name: /理由/ }).press('Enter')
  await review.locator('[data-item-panel="plans"] [data-verdict="meets"]').click()

  // Select a passage and press 1: an annotation on the first item.
  await selectText(page, '一是加强组织领导')
  await expect(page.getByTestId('selection-bar')).toBeVisible()
  await page.keyboard.press('1')
  const annotations = page.getByTestId('annotations')
  await expect(annotations.locator('[data-annotation-id]')).toHaveCount(1)
  await expect(annotations).toContainText('“一是加强组织领导”')
  await expect(page.getByTestId('report-text').locator('span.annotation')).toHaveText(['一是加强组织领导'])
  await annotations.getByRole('textbox', { name: '批注说明（可选）' }).fill('组织领导措施具体')
  await annotations.getByRole('textbox', { name: '批注说明（可选）' }).press('Enter')

  // Overall verdict and opinion; then one more change, undone.
  await page.getByTestId('overall').locator('[data-overall="revise"]').click()
  await page.getByRole('textbox', { name: '审核意见' }).fill('报告结构完整，但问题原因分析不够具体，请补充后重新公开。')
  await page.getByTestId('report-text').click({ position: { x: 5, y: 5 } })
  await page.getByTestId('overall').locator('[data-overall="fail"]').click()
  await expect(page.getByTestId('overall').locator('[data-overall="fail"]')).toHaveClass(/checked/)
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('overall').locator('[data-overall="revise"]')).toHaveClass(/checked/)
  await page.screenshot({ path: testInfo.outputPath('workspace-zh.png') })

  // The audit trail lists every change with the reviewer's name.
  await page.getByRole('button', { name: '审核记录' }).click()
  const audit = page.getByTestId('audit')
  await expect(audit.locator('tr[data-action="item-verdict"]')).toHaveCount(3)
  await expect(audit.locator('tr[data-action="overall"]')).toHaveCount(3)
  await expect(audit.locator('tr[data-action="annotation-add"]')).toHaveCount(1)
  await expect(audit.locator('tr[data-action="annotation-edit"]')).toHaveCount(1)
  await expect(audit.locator('tr[data-action="opinion"]')).toHaveCount(1)
  await expect(audit).toContainText('李审核')
  await page.screenshot({ path: testInfo.outputPath('audit-zh.png') })
  await page.keyboard.press('Escape')

  // Reload: everything is still there.
  await page.reload()
  await page.locator('tr[data-file="gekeng-2024.docx"]').click()
  await expect(review.locator('[data-item-panel="shortcomings"] [data-verdict="partial"]')).toHaveClass(/checked/)
  await expect(review.locator('[data-item-panel="shortcomings"]').getByRole('textbox', { name: /理由/ })).toHaveValue('只列问题，原因分析不够具体')
  await expect(review.locator('[data-item-panel="plans"] [data-verdict="meets"]')).toHaveClass(/checked/)
  await expect(page.getByTestId('overall').locator('[data-overall="revise"]')).toHaveClass(/checked/)
  await expect(page.getByRole('textbox', { name: '审核意见' })).toHaveValue('报告结构完整，但问题原因分析不够具体，请补充后重新公开。')
  await expect(annotations.getByRole('textbox', { name: '批注说明（可选）' })).toHaveValue('组织领导措施具体')
  await expect(page.getByTestId('report-text').locator('span.annotation')).toHaveText(['一是加强组织领导'])

  // Previous / next keep the place in the list.
  const pos = await page.getByTestId('review-position').innerText()
  const title = await page.getByTestId('review-title').innerText()
  const k = Number(pos.split('/')[0])
  await page.keyboard.press(k < 4 ? 'Alt+ArrowRight' : 'Alt+ArrowLeft')
  await expect(page.getByTestId('review-position')).toHaveText(`${k < 4 ? k + 1 : k - 1} / 4`)
  await expect(page.getByTestId('review-title')).not.toHaveText(title)
  await page.getByRole('button', { name: /返回报告库/ }).click()
  await expect(page.getByTestId('library')).toBeVisible()
})

test('a portal page holding <script> and an onerror handler shows its text and runs nothing', async ({ app }) => {
  const { page } = app
  const body = fs.readFileSync(path.join(FIXTURES, 'corpus', 'reports', 'xincheng-2020.txt'), 'utf8')
  const paras = body.split('\n').filter((l) => l.trim())
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>新城镇2020年法治政府建设情况报告</title>
<script>window.__pwned = 'script'</script></head><body>
<img src="x" onerror="window.__pwned = 'onerror'">
<div class="content">${paras.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}
<p>附注：正文中出现的 &lt;script&gt;alert(1)&lt;/script&gt; 只是文字。</p>
<a href="javascript:window.__pwned='link'">链接</a></div></body></html>`
  const file = path.join(app.dir, '带脚本的网页.html')
  fs.writeFileSync(file, html)
  app.dialogs.reports.push([file])
  await page.getByRole('button', { name: '导入文件…' }).first().click()
  await expect(page.getByTestId('import-summary')).toContainText('导入 1')
  await page.locator('tr[data-file="带脚本的网页.html"]').click()
  const text = page.getByTestId('report-text')
  await expect(text).toContainText('新城镇')
  await expect(text).toContainText('<script>alert(1)</script> 只是文字')
  expect(await text.locator('script, img, a, iframe').count()).toBe(0)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
})

test('settings: reviewer name, and switching the checklist re-checks every report and keeps the verdicts', async ({ app }, testInfo) => {
  const { page } = app
  await importSamples(page)
  await page.locator('tr[data-file="gekeng-2024.docx"]').click()
  await page.getByTestId('review').locator('[data-item-panel="shortcomings"] [data-verdict="missing"]').click()
  await expect(page.getByTestId('review').locator('[data-item-panel="shortcomings"] [data-verdict="missing"]')).toHaveClass(/checked/)
  await page.getByRole('button', { name: /返回报告库/ }).click()

  await page.getByRole('button', { name: '设置' }).click()
  await page.getByRole('textbox', { name: '审核人姓名' }).fill('王审核')
  await page.getByRole('textbox', { name: '审核人姓名' }).press('Enter')
  await page.locator('[data-checklist="statutory"]').getByRole('button', { name: '使用此清单' }).click()
  await expect(page.locator('[data-checklist="statutory"]')).toContainText('正在使用')
  await page.screenshot({ path: testInfo.outputPath('settings-zh.png') })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('library').locator('thead')).toContainText('第一责任人')
  await expect(page.getByTestId('library').locator('tr[data-file="gekeng-2024.docx"] [data-item="responsibility"]')).toBeVisible()
  expect((await app.services.api.settings.get()).reviewerName).toBe('王审核')
  // The verdict set under the old checklist is still stored, and the item of the same id shows it.
  await page.locator('tr[data-file="gekeng-2024.docx"]').click()
  await expect(page.getByTestId('review').locator('[data-item-panel="shortcomings"] [data-verdict="missing"]')).toHaveClass(/checked/)
  await expect(page.getByTestId('review').locator('[data-item-panel="responsibility"]')).toBeVisible()
})

test('checklists: duplicate the default, rename an item and add a heading phrasing in the editor, use it', async ({ app }) => {
  const { page } = app
  await importSamples(page)
  await page.getByRole('button', { name: '设置' }).click()
  await page.locator('[data-checklist="default"]').getByRole('button', { name: '复制' }).click()
  const editor = page.getByTestId('checklist-editor')
  await expect(editor).toBeVisible()
  await editor.getByRole('textbox', { name: '1 名称（中文）' }).fill('党政主要负责人履职')
  await editor.getByRole('textbox', { name: '1 标题写法（每行一个，可用正则）' }).press('End')
  await editor.getByRole('textbox', { name: '1 标题写法（每行一个，可用正则）' }).pressSequentially('\n第一责任人')
  await editor.getByRole('button', { name: '保存' }).click()
  await expect(editor).toHaveCount(0)
  const copy = page.locator('[data-checklist="default-copy"]')
  await expect(copy).toContainText('默认审核清单（副本）')
  await copy.getByRole('button', { name: '使用此清单' }).click()
  await expect(copy).toContainText('正在使用')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('library').locator('thead [data-column-item="leadership"]')).toHaveAttribute('title', '党政主要负责人履职')
  const saved = await app.services.api.checklists.get('default-copy')
  expect(saved.items[0]!.headings.at(-1)).toBe('第一责任人')
  await expect.poll(async () => (await app.services.api.library.list()).every((r) => r.checklistId === 'default-copy')).toBe(true)
})

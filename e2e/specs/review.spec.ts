/// <reference lib="dom" />
// A reviewer's day in the workspace: read a report beside its checklist, judge each item, annotate,
// write the opinion, undo a step, reload and find it all again; and what must hold while doing so.
import fs from 'node:fs'
import path from 'node:path'
import { expect, FIXTURES, test } from '../fixtures/renderer'
import { ITEMS, screens } from '../pages'

test('open a report, see evidence, judge, annotate, write the opinion, undo, reload and find it all', async ({ app }, testInfo) => {
  const { page } = app
  const { library, workspace } = screens(page)
  await app.services.api.settings.update({ reviewerName: '李审核' })
  await library.importSamples()
  await library.open('gekeng-2024.docx')
  await expect(workspace.root).toBeVisible()
  await expect(workspace.text).toContainText('葛坑镇始终围绕全镇经济社会发展实际')
  await expect(workspace.outline.getByRole('link').first()).toBeVisible()
  await expect(workspace.position).toHaveText(/^\d \/ 3$/)
  // The metadata with where each value was read; an item marked down says why.
  await expect(page.getByTestId('meta-line')).toContainText('葛坑镇人民政府')
  await expect(page.locator('[data-meta="docNumber"]')).toContainText('葛政〔2025〕11号')
  await expect(page.locator('[data-meta="published"]')).toHaveAttribute('title', /^依据：/)
  await expect(workspace.root.locator('[data-item-panel="shortcomings"] [data-detected-reason]')).toHaveText('只列举了问题，未分析原因')

  // Clicking an item shows its evidence highlighted in the text.
  await workspace.openItem(ITEMS.leadership)
  await expect(workspace.evidence(ITEMS.leadership).first()).toBeVisible()
  const highlighted = workspace.text.locator('span.evidence[data-evidence~="leadership"]')
  await expect(highlighted.first()).toBeVisible()
  await expect(highlighted.first()).toHaveCSS('background-color', /rgba?\(/)

  // Verdicts with a reason.
  await workspace.judge(ITEMS.shortcomings, '部分符合')
  await workspace.setReason(ITEMS.shortcomings, '只列问题，原因分析不够具体')
  await workspace.judge(ITEMS.plans, '符合')

  // Select a passage and press 1: an annotation on the first item.
  await workspace.selectText('一是加强组织领导')
  await expect(workspace.selectionBar).toBeVisible()
  await page.keyboard.press('1')
  await expect(workspace.annotationItems).toHaveCount(1)
  await expect(workspace.annotations).toContainText('“一是加强组织领导”')
  await expect(workspace.text.locator('span.annotation')).toHaveText(['一是加强组织领导'])
  await workspace.annotations.getByRole('textbox', { name: '批注说明（可选）' }).fill('组织领导措施具体')
  await workspace.annotations.getByRole('textbox', { name: '批注说明（可选）' }).press('Enter')

  // Overall verdict and opinion; then one more change, undone.
  await workspace.setOverall('需修改')
  await workspace.opinion.fill('报告结构完整，但问题原因分析不够具体，请补充后重新公开。')
  await workspace.clickText()
  await workspace.setOverall('不通过')
  await expect(workspace.overall('不通过')).toBeChecked()
  await page.keyboard.press('Control+z')
  await expect(workspace.overall('需修改')).toBeChecked()
  await page.screenshot({ path: testInfo.outputPath('workspace-zh.png') })

  // The audit trail lists every change with the reviewer's name; the undo says it is one.
  const audit = await workspace.openAudit()
  await expect(audit.entries('item-verdict')).toHaveCount(3)
  await expect(audit.entries('overall')).toHaveCount(3)
  await expect(audit.entries('annotation-add')).toHaveCount(1)
  await expect(audit.entries('annotation-edit')).toHaveCount(1)
  await expect(audit.entries('opinion')).toHaveCount(1)
  await expect(audit.entries().first()).toContainText('撤销：总体结论')
  await expect(audit.entries().first()).toContainText(/不通过\s*→\s*需修改/)
  await expect(audit.root).toContainText('李审核')
  await page.screenshot({ path: testInfo.outputPath('audit-zh.png') })
  await audit.close()

  // Reload: everything is still there.
  await page.reload()
  await library.open('gekeng-2024.docx')
  await expect(workspace.verdict(ITEMS.shortcomings, '部分符合')).toBeChecked()
  await expect(workspace.reason(ITEMS.shortcomings)).toHaveValue('只列问题，原因分析不够具体')
  await expect(workspace.verdict(ITEMS.plans, '符合')).toBeChecked()
  await expect(workspace.overall('需修改')).toBeChecked()
  await expect(workspace.opinion).toHaveValue('报告结构完整，但问题原因分析不够具体，请补充后重新公开。')
  await expect(workspace.annotations.getByRole('textbox', { name: '批注说明（可选）' })).toHaveValue('组织领导措施具体')
  await expect(workspace.text.locator('span.annotation')).toHaveText(['一是加强组织领导'])

  // Previous / next keep the place in the list.
  const pos = await workspace.position.innerText()
  const title = await workspace.title.innerText()
  const k = Number(pos.split('/')[0])
  await page.keyboard.press(k < 3 ? 'Alt+ArrowRight' : 'Alt+ArrowLeft')
  await expect(workspace.position).toHaveText(`${k < 3 ? k + 1 : k - 1} / 3`)
  await expect(workspace.title).not.toHaveText(title)
  await workspace.back()
  await expect(library.table).toBeVisible()
})

test('undo after Alt+→ stays in the report on screen: the change made in the report just left is kept', async ({ app }) => {
  const { page } = app
  const { library, workspace } = screens(page)
  await library.importSamples()
  await library.open('gekeng-2024.docx')
  const first = await workspace.title.innerText()
  await workspace.judge(ITEMS.shortcomings, '缺失')
  await expect(workspace.verdict(ITEMS.shortcomings, '缺失')).toBeChecked()
  await expect(workspace.undoButton).toBeEnabled()

  await workspace.clickText()
  await page.keyboard.press('Alt+ArrowRight')
  await expect(workspace.title).not.toHaveText(first)
  await expect(workspace.undoButton).toBeDisabled()
  await page.keyboard.press('Control+z')

  await page.keyboard.press('Alt+ArrowLeft')
  await expect(workspace.title).toHaveText(first)
  await expect(workspace.verdict(ITEMS.shortcomings, '缺失')).toBeChecked()
  const audit = await workspace.openAudit()
  await expect(audit.entries()).toHaveCount(1)
  await expect(audit.entries().first()).not.toContainText('撤销')
})

test('bringing work over from another version names the overall verdict and the opinion it brought', async ({ app }) => {
  const { page } = app
  const { header, imports, library, workspace } = screens(page)
  app.dialogs.reports.push([path.join(FIXTURES, 'corpus/formats/gekeng-2024.docx')], [path.join(FIXTURES, 'corpus/formats/gekeng-2024.pdf')])
  await header.importFiles()
  await expect(imports.summary).toContainText('导入 1')
  await library.open('gekeng-2024.docx')
  await workspace.judge(ITEMS.shortcomings, '部分符合')
  await workspace.setOverall('需修改')
  await workspace.opinion.fill('请补充问题原因后重新公开。')
  await workspace.back()

  // The same report arrives as a PDF: one row still, the PDF among the submission's files.
  await header.importFiles()
  await expect(imports.summary).toContainText('导入 1')
  await expect(library.rows).toHaveCount(1)
  await library.open('gekeng-2024.docx')
  await expect(workspace.position).toHaveText('1 / 1')
  await workspace.openFile('gekeng-2024.pdf')
  await expect(workspace.position).toHaveText('1 / 1')
  await expect(workspace.otherVersion).toContainText('gekeng-2024.docx')
  await workspace.otherVersion.getByRole('button', { name: '带入批注和结论' }).click()
  await expect(page.getByText('已带入 1 项结论、0 条批注、总体结论、审核意见')).toBeVisible()
  await expect(workspace.overall('需修改')).toBeChecked()
  await expect(workspace.opinion).toHaveValue('请补充问题原因后重新公开。')
})

test('a portal page holding <script> and an onerror handler shows its text and runs nothing', async ({ app }) => {
  const { page } = app
  const { header, imports, library, workspace } = screens(page)
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
  await header.importFiles()
  await expect(imports.summary).toContainText('导入 1')
  await library.open('带脚本的网页.html')
  await expect(workspace.text).toContainText('新城镇')
  await expect(workspace.text).toContainText('<script>alert(1)</script> 只是文字')
  expect(await workspace.text.locator('script, img, a, iframe').count()).toBe(0)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
})

test('clicking evidence scrolls only the text: the header and the toolbar stay where they are', async ({ app }) => {
  const { page } = app
  const { library, workspace } = screens(page)
  await library.importSamples()
  await library.open('gekeng-2024.docx')
  const heading = page.getByRole('heading', { name: '法治报告审核台' })
  const before = (await heading.boundingBox())!.y
  await workspace.openItem(ITEMS.leadership)
  const evidence = workspace.evidence(ITEMS.leadership)
  await evidence.nth(1).click()
  await expect(workspace.text.locator('.flash').first()).toBeInViewport()
  await evidence.last().click()
  await expect(workspace.text.locator('.flash').first()).toBeInViewport()
  expect(await workspace.text.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
  expect((await heading.boundingBox())!.y).toBe(before)
  // nothing but the panes scrolled: the window and every container above the text are at the top
  const scrolled = await page.evaluate(() =>
    [document.scrollingElement!, ...Array.from(document.querySelectorAll('body *'))].filter((el) => el.scrollTop > 0 && !el.closest('[data-testid="report-text"], nav, aside')).map((el) => el.className || el.tagName)
  )
  expect(scrolled).toEqual([])
})

test('Tab reaches the verdicts after one stop in the outline; arrows move within it', async ({ app }) => {
  const { page } = app
  const { library, workspace } = screens(page)
  await library.importSamples()
  await library.open('gekeng-2024.docx')
  expect(await workspace.outline.getByRole('link').count()).toBeGreaterThan(20)
  await page.getByRole('button', { name: /返回报告库/ }).focus()
  const stops: string[] = []
  for (let n = 0; n < 40; n++) {
    await page.keyboard.press('Tab')
    const where = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement
      return el.closest('nav') ? 'outline' : el.closest('[data-item-panel]') ? `item:${el.closest<HTMLElement>('[data-item-panel]')!.dataset.itemPanel}` : el.tagName
    })
    stops.push(where)
    if (where.startsWith('item:')) break
  }
  expect(stops.filter((s) => s === 'outline')).toHaveLength(1)
  expect(stops.length).toBeLessThanOrEqual(15)

  // In the outline, ↓ moves to the next heading and Enter jumps to it.
  await workspace.outline.getByRole('link').first().focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  const third = workspace.outline.getByRole('link').nth(2)
  await expect(third).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(workspace.text.locator('.flash').first()).toBeInViewport()
  await expect(workspace.text.locator('.flash').first()).toContainText((await third.innerText()).slice(0, 6))
})

test.describe('on a 1280×720 screen', () => {
  test.use({ windowSize: { width: 1280, height: 720 } })

  test('the findings are in view in the library and in the workspace', async ({ app }, testInfo) => {
    const { page } = app
    const { library, workspace } = screens(page)
    await library.importSamples()
    await expect(library.column('发现的问题')).toBeInViewport({ ratio: 1 })
    await expect(library.row('xincheng-2020.pdf').locator('[data-finding="late-publication"]')).toBeInViewport({ ratio: 1 })
    await page.screenshot({ path: testInfo.outputPath('library-1280.png') })
    await library.open('xincheng-2020.pdf')
    await expect(workspace.findings.getByRole('listitem').first()).toBeInViewport({ ratio: 1 })
    await expect(workspace.findings).toContainText('逾期公开')
    await page.screenshot({ path: testInfo.outputPath('workspace-1280.png') })
  })

  test('each audit-trail entry shows its time and reviewer on one line', async ({ app }, testInfo) => {
    const { page } = app
    const { library, workspace } = screens(page)
    await library.importSamples()
    await library.open('gekeng-2024.docx')
    await workspace.judge(ITEMS.shortcomings, '部分符合')
    await workspace.setReason(ITEMS.shortcomings, '只列出问题，没有分析产生问题的原因，也没有说明整改的措施、责任单位和完成时限')
    await workspace.opinion.fill('报告结构完整，但存在的不足部分只列问题、没有分析原因，请补充原因分析和整改措施后重新公开。')
    await workspace.clickText()
    await workspace.setOverall('需修改')
    const audit = await workspace.openAudit()
    await expect(audit.entries()).toHaveCount(4)
    const lines = await audit.entries().evaluateAll((items) =>
      items.map((li) => {
        const rects = (sel: string) => {
          const r = document.createRange()
          r.selectNodeContents(li.querySelector(sel)!)
          return new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top))).size
        }
        return { when: rects('.when'), who: rects('.who'), whenText: li.querySelector('.when')!.textContent }
      })
    )
    for (const l of lines) {
      expect(l.when).toBe(1)
      expect(l.who).toBe(1)
      expect(l.whenText).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    }
    await expect(audit.root).toContainText('未署名审核人')
    await page.screenshot({ path: testInfo.outputPath('audit-1280.png') })
  })
})

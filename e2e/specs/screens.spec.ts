/// <reference lib="dom" />
// The reviewer's path at the two window sizes the app is checked at (1440×900, a 1280×720 laptop), one
// screenshot per screen kept with the test's results (and in SCREENSHOT_DIR when set) for a person to look at.
import fs from 'node:fs'
import path from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { expect, FIXTURES, test } from '../fixtures/renderer'
import { copyReports } from '../fixtures/data'
import { ITEMS, screens } from '../pages'

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 }
]

async function shot(page: Page, testInfo: TestInfo, name: string) {
  // drawers and dialogs slide in: the picture is of where they come to rest
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'))
  const file = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path: file })
  const dir = process.env.SCREENSHOT_DIR
  if (!dir) return
  fs.mkdirSync(dir, { recursive: true })
  fs.copyFileSync(file, path.join(dir, `${page.viewportSize()!.width}-${name}.png`))
}

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ windowSize: size, firstStart: true })

    test('the reviewer’s path: first start, import, library, workspace, audit trail, settings', async ({ app }, testInfo) => {
      const { page } = app
      const { header, imports, library, settings, workspace } = screens(page)
      await expect(page.getByRole('dialog', { name: '欢迎使用法治报告审核台' })).toBeVisible()
      await shot(page, testInfo, '01-first-start')
      await page.getByRole('button', { name: '以后再说' }).click()
      await shot(page, testInfo, '02-empty')

      // An import with a bad file, in progress and done.
      const bad = path.join(app.dir, '损坏的报告.pdf')
      fs.writeFileSync(bad, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x20)]))
      const formats = path.join(FIXTURES, 'corpus', 'formats')
      app.dialogs.reports.push([...['gekeng-2024.docx', 'xincheng-2020.pdf', 'xiaduopu-2020.gbk.html', 'xincheng-2020.gbk.txt'].map((f) => path.join(formats, f)), bad])
      await header.importFiles()
      await expect(imports.summary).toContainText('失败 1')
      copyReports(app.services, 60)
      await page.reload()
      await expect(library.count).toHaveText('共 63 份报告')
      await shot(page, testInfo, '03-library')
      await library.search.fill('普法')
      await expect(library.count).toHaveText('找到 63 份报告')
      await shot(page, testInfo, '04-search')
      await library.search.fill('')
      await expect(library.count).toHaveText('共 63 份报告')

      // The workspace: evidence, a verdict with a reason, an annotation, the opinion.
      await library.open('xincheng-2020.pdf')
      await expect(workspace.root).toBeVisible()
      await shot(page, testInfo, '05-workspace')
      await workspace.openItem(ITEMS.leadership)
      await workspace.evidence(ITEMS.leadership).nth(1).click()
      await workspace.judge(ITEMS.shortcomings, '部分符合')
      await workspace.setReason(ITEMS.shortcomings, '只列出问题，没有分析原因')
      await workspace.selectText('法治政府建设')
      await shot(page, testInfo, '06-evidence-selection')
      await page.keyboard.press('1')
      await workspace.setOverall('需修改')
      await workspace.opinion.fill('报告逾期公开，存在的不足部分没有分析原因，请补充后重新公开。')
      await workspace.clickText()
      await workspace.setOverall('不通过')
      await page.keyboard.press('Control+z')
      await expect(workspace.overall('需修改')).toBeChecked()
      const side = page.getByRole('complementary', { name: '审核' })
      await side.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
      await shot(page, testInfo, '07-workspace-side')
      const audit = await workspace.openAudit()
      await expect(audit.entries().first()).toContainText('撤销')
      await shot(page, testInfo, '08-audit')
      await audit.close()
      await workspace.back()
      await shot(page, testInfo, '09-back-in-library')

      // Settings and the checklist editor.
      await settings.open()
      await shot(page, testInfo, '10-settings')
      const editor = await settings.duplicate('default')
      await editor.headings(2).press('End')
      await editor.headings(2).pressSequentially('\n([')
      await editor.save()
      await expect(editor.headings(2)).toHaveAttribute('aria-invalid', 'true')
      await shot(page, testInfo, '11-checklist-error')
      await editor.cancel()
      await settings.close()

      // A long job with its cancel button.
      copyReports(app.services, 600)
      await page.reload()
      app.dialogs.folders.push(path.join(app.dir, '导出'))
      await library.export('审核意见（Word，含初审稿）…')
      const progress = page.getByRole('status', { name: '导出进度' })
      await expect(progress).toContainText('正在导出')
      await shot(page, testInfo, '12-export-progress')
      // (Cancelling is proved in export.spec.ts; here the export may finish before the click.)
      const cancel = progress.getByRole('button', { name: '取消导出' })
      if (await cancel.isVisible()) {
        await cancel.click().catch(() => {})
        await expect(page.getByText(/导出已取消|导出完成|已导出/).first()).toBeVisible()
        await shot(page, testInfo, '13-export-cancelled')
      }
    })
  })
}

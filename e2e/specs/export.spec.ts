// Exporting a batch from the app: review opinions as Word and PDF into a folder, the summary table as
// Excel and CSV; each file read back and checked against the batch. An export can be cancelled.
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import mammoth from 'mammoth'
import readXlsxFile from 'read-excel-file/node'
import { expect, test } from '../fixtures/renderer'
import { copyReports } from '../fixtures/data'
import { ITEMS, screens } from '../pages'

test('export the batch: review opinions (Word, PDF) and the summary table (Excel, CSV)', async ({ app }, testInfo) => {
  const { page } = app
  const { library, workspace } = screens(page)
  await app.services.api.settings.update({ reviewerName: '孙审核' })
  await library.importSamples()

  // A verdict and an opinion on one report, so the exports carry the reviewer's work.
  await library.open('xincheng-2020.pdf')
  await workspace.judge(ITEMS.shortcomings, '部分符合')
  await workspace.setOverall('需修改')
  await workspace.opinion.fill('请在6月底前补充问题原因并重新公开。')
  await workspace.back()

  // Review opinions for every report, as Word then as PDF.
  const out = path.join(app.dir, '导出')
  app.dialogs.folders.push(out, out)
  await library.export('审核意见（Word）…')
  await expect.poll(() => (fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.docx')).length : 0)).toBe(4)
  await expect(page.getByText('已导出 4 个文件')).toBeVisible()
  await library.export('审核意见（PDF）…')
  await expect.poll(() => fs.readdirSync(out).filter((f) => f.endsWith('.pdf')).length, { timeout: 30_000 }).toBe(4)

  const docx = fs.readdirSync(out).find((f) => f.startsWith('新城镇') && f.endsWith('.docx'))!
  const { value: text } = await mammoth.extractRawText({ path: path.join(out, docx) })
  expect(text).toContain('关于《新城镇2020年法治政府建设情况报告》的审核意见')
  expect(text).toContain('部分符合')
  expect(text).toContain('请在6月底前补充问题原因并重新公开。')
  expect(text).toContain('审核人：孙审核')
  const pdf = path.join(out, docx.replace(/\.docx$/, '.pdf'))
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(pdfText).toContain('审核意见')
  expect(pdfText).toContain('请在6月底前补充问题原因并重新公开')
  expect(pdfText).toMatch(/—1—/) // the page number in the footer

  // The summary table for two selected reports, then for all as CSV.
  await library.toggle('xincheng-2020.pdf')
  await library.toggle('gekeng-2024.docx')
  await expect(library.exportMenu).toHaveText(/导出所选（2）/)
  const xlsx = path.join(app.dir, '汇总表.xlsx')
  app.dialogs.saves.push(xlsx)
  await library.export('汇总表（Excel）…')
  await expect.poll(() => (fs.existsSync(xlsx) ? fs.statSync(xlsx).size : 0)).toBeGreaterThan(0)
  const [sheet] = await readXlsxFile(fs.readFileSync(xlsx))
  expect(sheet!.data.map((r) => r.at(-1)).slice(1).sort()).toEqual(['gekeng-2024.docx', 'xincheng-2020.pdf'])
  const xin = sheet!.data.find((r) => r.at(-1) === 'xincheng-2020.pdf')!
  expect(xin).toContain('部分符合')
  expect(xin).toContain('需修改')

  await library.toggle('xincheng-2020.pdf')
  await library.toggle('gekeng-2024.docx')
  const csv = path.join(app.dir, '汇总表.csv')
  app.dialogs.saves.push(csv)
  await library.export('汇总表（CSV）…')
  await expect.poll(() => (fs.existsSync(csv) ? fs.statSync(csv).size : 0)).toBeGreaterThan(0)
  const lines = fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
  expect(lines).toHaveLength(5)
  expect(lines[0]).toContain('发布单位')
  await page.screenshot({ path: testInfo.outputPath('export-zh.png') })
})

test('an export of many review opinions can be cancelled from the window; the files written stay', async ({ app }) => {
  const { page } = app
  const { header, library } = screens(page)
  await library.importSamples()
  copyReports(app.services, 400)
  await page.reload()
  await expect(library.count).toHaveText('共 404 份报告')
  const out = path.join(app.dir, '导出')
  app.dialogs.folders.push(out)
  await library.export('审核意见（Word）…')
  const progress = page.getByRole('status', { name: '导出进度' })
  await expect(progress).toContainText(/正在导出 \d+\/404/)
  // Work that holds the project shuts the doors that would change it meanwhile.
  await expect(header.importFilesButton).toBeDisabled()
  await progress.getByRole('button', { name: '取消导出' }).click()
  await expect(progress).toHaveCount(0)
  const done = page.getByText(/^导出已取消，已导出 \d+ 个文件$/)
  await expect(done).toBeVisible()
  const n = Number(/(\d+) 个文件/.exec(await done.innerText())![1])
  expect(n).toBeLessThan(404)
  expect(fs.readdirSync(out).filter((f) => f.endsWith('.docx'))).toHaveLength(n)
  await expect(header.importFilesButton).toBeEnabled()
})

test('messages and notifications leave the header’s buttons free', async ({ app }) => {
  const { page } = app
  const { header, library } = screens(page)
  await library.importSamples()
  const out = path.join(app.dir, '导出')
  app.dialogs.folders.push(out)
  await library.export('审核意见（Word）…')
  const notification = page.locator('.n-notification').filter({ hasText: '已导出 4 个文件' })
  await expect(notification).toBeVisible()
  app.dialogs.saves.push(path.join(app.dir, '汇总表.csv'))
  await library.export('汇总表（CSV）…')
  const message = page.locator('.n-message').filter({ hasText: '已保存到' })
  await expect(message).toBeVisible()
  const boxes = await Promise.all([notification, message].map((l) => l.boundingBox()))
  for (const button of [header.importFilesButton, header.importFolderButton, header.reviewer, header.settingsButton, page.getByRole('button', { name: /^项目/ })]) {
    const b = (await button.boundingBox())!
    for (const t of boxes) {
      const overlap = t!.x < b.x + b.width && b.x < t!.x + t!.width && t!.y < b.y + b.height && b.y < t!.y + t!.height
      expect(overlap, `${await button.innerText()} is covered`).toBe(false)
    }
  }
  // and they stay clear of the workspace's toolbar too
  await library.open('gekeng-2024.docx')
  const toolbar = (await page.getByRole('toolbar', { name: '报告操作' }).boundingBox())!
  for (const t of boxes) expect(t!.y).toBeGreaterThan(toolbar.y + toolbar.height)
})

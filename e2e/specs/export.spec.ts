// Exporting a batch from the app: review opinions as Word and PDF into a folder, the summary table as
// Excel and CSV; each file read back and checked against the batch.
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import mammoth from 'mammoth'
import readXlsxFile from 'read-excel-file/node'
import { expect, test } from '../fixtures/renderer'

test('export the batch: review opinions (Word, PDF) and the summary table (Excel, CSV)', async ({ app }, testInfo) => {
  const { page } = app
  await app.services.api.settings.update({ reviewerName: '孙审核' })
  await page.getByTestId('empty-state').getByRole('button', { name: '导入示例报告' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('导入 4')

  // A verdict and an opinion on one report, so the exports carry the reviewer's work.
  await page.locator('tr[data-file="xincheng-2020.pdf"] td').nth(1).click()
  await page.getByTestId('review').locator('[data-item-panel="shortcomings"] [data-verdict="partial"]').click()
  await page.getByTestId('overall').locator('[data-overall="revise"]').click()
  await page.getByRole('textbox', { name: '审核意见' }).fill('请在6月底前补充问题原因并重新公开。')
  await page.getByRole('button', { name: /返回报告库/ }).click()

  // Review opinions for every report, as Word then as PDF.
  const out = path.join(app.dir, '导出')
  app.dialogs.folders.push(out, out)
  await page.getByTestId('export-menu').click()
  await page.getByText('审核意见（Word）…').click()
  await expect.poll(() => (fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.docx')).length : 0)).toBe(4)
  await page.getByTestId('export-menu').click()
  await page.getByText('审核意见（PDF）…').click()
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
  await page.locator('tr[data-file="xincheng-2020.pdf"] .n-checkbox').click()
  await page.locator('tr[data-file="gekeng-2024.docx"] .n-checkbox').click()
  await expect(page.getByTestId('export-menu')).toHaveText(/导出所选（2）/)
  const xlsx = path.join(app.dir, '汇总表.xlsx')
  app.dialogs.saves.push(xlsx)
  await page.getByTestId('export-menu').click()
  await page.getByText('汇总表（Excel）…').click()
  await expect.poll(() => fs.existsSync(xlsx)).toBe(true)
  const [sheet] = await readXlsxFile(fs.readFileSync(xlsx))
  expect(sheet!.data.map((r) => r.at(-1)).slice(1).sort()).toEqual(['gekeng-2024.docx', 'xincheng-2020.pdf'])
  const xin = sheet!.data.find((r) => r.at(-1) === 'xincheng-2020.pdf')!
  expect(xin).toContain('部分符合')
  expect(xin).toContain('需修改')

  await page.locator('tr[data-file="xincheng-2020.pdf"] .n-checkbox').click()
  await page.locator('tr[data-file="gekeng-2024.docx"] .n-checkbox').click()
  const csv = path.join(app.dir, '汇总表.csv')
  app.dialogs.saves.push(csv)
  await page.getByTestId('export-menu').click()
  await page.getByText('汇总表（CSV）…').click()
  await expect.poll(() => fs.existsSync(csv)).toBe(true)
  const lines = fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
  expect(lines).toHaveLength(5)
  expect(lines[0]).toContain('发布单位')
  await page.screenshot({ path: testInfo.outputPath('export-zh.png') })
})

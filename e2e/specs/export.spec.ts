// Exporting what is sent from the app: the 审核意见 letters as Word and PDF into a folder (reviewed ones,
// then drafts), the 汇总表 as Excel and CSV, the 通报; each file read back and checked. An export can be
// cancelled, and its messages leave the header's buttons free.
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import mammoth from 'mammoth'
import readXlsxFile from 'read-excel-file/node'
import { expect, test } from '../fixtures/renderer'
import { copyReports } from '../fixtures/data'
import { screens } from '../pages'

test('export what is sent: the 审核意见 letter of the reviewed report (Word, PDF), drafts on request, the 汇总表 (Excel, CSV) and the 通报', async ({ app }, testInfo) => {
  const { page } = app
  await app.services.api.settings.update({ reviewerName: '孙审核' })
  await app.services.api.roster.updateSettings({ reviewYear: 2020 })
  await app.services.api.exports.updateLetterSettings({ body: '某某县司法局' })
  await app.services.api.roster.importUnitsText('新城镇\t乡镇\n夏铎铺镇\t乡镇\n大屯营镇\t乡镇')
  await page.reload()
  // a project with a roster opens on it; the library is the other tab
  await page.locator('.n-tabs-tab', { hasText: '报告库' }).click()
  await page.getByTestId('empty-state').getByRole('button', { name: '导入示例报告' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('导入 4')

  // A verdict and an opinion on one report, so the exports carry the reviewer's work.
  await page.locator('tr[data-file="xincheng-2020.pdf"] td').nth(1).click()
  await page.getByTestId('review').locator('[data-item-panel="shortcomings"] [data-verdict="partial"]').click()
  await page.getByTestId('overall').locator('[data-overall="revise"]').click()
  await page.getByRole('textbox', { name: '审核意见' }).fill('请在6月底前补充问题原因并重新公开。')
  await page.getByRole('button', { name: /返回报告库/ }).click()
  await expect(page.getByTestId('review')).toBeHidden()

  // Letters for the year: the reviewed report only, as Word then as PDF; then drafts for the others.
  const out = path.join(app.dir, '导出')
  app.dialogs.folders.push(out, out, path.join(app.dir, '初审稿'))
  await page.getByTestId('export-menu').click()
  await page.getByText('审核意见（Word，已审核）…').click()
  await expect.poll(() => (fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.docx')) : [])).toEqual(['新城镇-2020-审核意见.docx'])
  await expect(page.locator('.n-notification')).toContainText('1 个单位未生成审核意见：')
  await expect(page.locator('.n-notification')).toContainText('夏铎铺镇 2020年度：尚未审核')
  const closeNotices = async () => {
    for (const b of await page.locator('.n-notification .n-base-close').all()) await b.click()
    await expect(page.locator('.n-notification')).toHaveCount(0)
  }
  await closeNotices()
  await page.getByTestId('export-menu').click()
  await page.getByText('审核意见（PDF，已审核）…').click()
  await expect.poll(() => fs.readdirSync(out).filter((f) => f.endsWith('.pdf')), { timeout: 30_000 }).toEqual(['新城镇-2020-审核意见.pdf'])
  await closeNotices()
  await page.getByTestId('export-menu').click()
  await page.getByText('审核意见（Word，含初审稿）…').click()
  await expect.poll(() => (fs.existsSync(path.join(app.dir, '初审稿')) ? fs.readdirSync(path.join(app.dir, '初审稿')).sort() : [])).toEqual(['夏铎铺镇-2020-审核意见（初审稿）.docx', '新城镇-2020-审核意见.docx'])

  const { value: text } = await mammoth.extractRawText({ path: path.join(out, '新城镇-2020-审核意见.docx') })
  expect(text).toContain('关于新城镇2020年度法治政府建设情况报告的审核意见')
  expect(text).toContain('新城镇人民政府：')
  expect(text).toContain('请在6月底前补充问题原因并重新公开。')
  expect(text).toContain('（联系人：孙审核）')
  const pdf = path.join(out, '新城镇-2020-审核意见.pdf')
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(pdfText).toContain('关于新城镇2020年度法治政府建设情况报告的审核意见')
  expect(pdfText).toContain('请在6月底前补充问题原因并重新公开')
  expect(pdfText).toContain('某某县司法局')
  expect(pdfText).toMatch(/—1—/) // the page number in the footer

  await closeNotices()
  // The 汇总表 for two selected reports: their units only; then for the year's roster as CSV; the 通报.
  await page.locator('tr[data-file="xincheng-2020.pdf"] .row-check').click()
  await page.locator('tr[data-file="xiaduopu-2020.gbk.html"] .row-check').click()
  await expect(page.getByTestId('export-menu')).toHaveText(/导出所选（2）/)
  const xlsx = path.join(app.dir, '汇总表.xlsx')
  app.dialogs.saves.push(xlsx)
  await page.getByTestId('export-menu').click()
  await page.getByText('汇总表（Excel）…').click()
  await expect.poll(() => fs.existsSync(xlsx)).toBe(true)
  const [sheet] = await readXlsxFile(fs.readFileSync(xlsx))
  expect(sheet!.data[0]![0]).toBe('某某县司法局 2020年度法治政府建设年度报告审核情况汇总表')
  expect(sheet!.data.slice(3).filter((r) => typeof r[0] === 'number').map((r) => r[1])).toEqual(['新城镇', '夏铎铺镇'])
  const xin = sheet!.data.find((r) => r[1] === '新城镇')!
  expect(xin).toContain('部分符合')
  expect(xin).toContain('需修改')

  await page.locator('tr[data-file="xincheng-2020.pdf"] .row-check').click()
  await page.locator('tr[data-file="xiaduopu-2020.gbk.html"] .row-check').click()
  const csv = path.join(app.dir, '汇总表.csv')
  const notice = path.join(app.dir, '通报.docx')
  app.dialogs.saves.push(csv, notice)
  await page.getByTestId('export-menu').click()
  await page.getByText('汇总表（CSV）…').click()
  await expect.poll(() => fs.existsSync(csv)).toBe(true)
  const lines = fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
  expect(lines).toHaveLength(4) // header and the three units of the roster
  expect(lines[0]).toMatch(/^序号,单位,/)
  await page.getByTestId('export-menu').click()
  await page.getByText('情况通报（Word）…').click()
  await expect.poll(() => fs.existsSync(notice)).toBe(true)
  expect((await mammoth.extractRawText({ path: notice })).value).toContain('大屯营镇未报送年度报告')
  await page.screenshot({ path: testInfo.outputPath('export-zh.png') })
})

test('an export of many review opinions can be cancelled from the window; the files written stay', async ({ app }) => {
  const { page } = app
  const { header, library } = screens(page)
  await library.importSamples()
  copyReports(app.services, 400)
  await page.reload()
  await expect(library.count).toHaveText('共 403 份报告')
  const out = path.join(app.dir, '导出')
  app.dialogs.folders.push(out)
  // drafts for every received submission of the year: a long export
  await library.export('审核意见（Word，含初审稿）…')
  const progress = page.getByRole('status', { name: '导出进度' })
  await expect(progress).toContainText(/正在导出 \d+\/\d{3}/)
  // Work that holds the project shuts the doors that would change it meanwhile.
  await expect(header.importFilesButton).toBeDisabled()
  await progress.getByRole('button', { name: '取消导出' }).click()
  await expect(progress).toHaveCount(0)
  const done = page.getByText(/^导出已取消，已导出 \d+ 个文件$/)
  await expect(done).toBeVisible()
  const n = Number(/(\d+) 个文件/.exec(await done.innerText())![1])
  expect(n).toBeLessThan(400)
  expect(fs.readdirSync(out).filter((f) => f.endsWith('.docx'))).toHaveLength(n)
  await expect(header.importFilesButton).toBeEnabled()
})

test('messages and notifications leave the header’s buttons free', async ({ app }) => {
  const { page } = app
  const { header, library } = screens(page)
  await library.importSamples()
  const out = path.join(app.dir, '导出')
  app.dialogs.folders.push(out)
  await library.export('审核意见（Word，含初审稿）…')
  const notification = page.locator('.n-notification').filter({ hasText: /已导出 \d+ 个文件/ })
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

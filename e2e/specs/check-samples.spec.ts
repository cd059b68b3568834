// A reviewer opens the app and checks the bundled sample reports against each checklist.
import { expect, test } from '../fixtures/renderer'

test('checks the bundled samples and shows a tag per checklist item', async ({ app }, testInfo) => {
  await expect(app.getByRole('heading', { name: '法治报告审核台' })).toBeVisible()
  await app.getByRole('button', { name: '检查示例报告' }).click()
  const table = app.getByTestId('results')
  await expect(table.locator('tbody tr')).toHaveCount(4)
  const gekeng = table.locator('tr[data-file="gekeng-2024.docx"]')
  await expect(gekeng).toContainText('葛坑镇人民政府')
  await expect(gekeng.locator('[data-item]')).toHaveCount(5)
  await expect(gekeng.locator('[data-item="shortcomings"]')).toHaveText('具备')
  const xincheng = table.locator('tr[data-file="xincheng-2020.pdf"]')
  await expect(xincheng.locator('[data-finding="late-publication"]')).toHaveText('逾期公开')
  await expect(xincheng.locator('[data-finding="late-publication"]')).toHaveAttribute('title', /逾期 43 天/)
  const xiaduopu = table.locator('tr[data-file="xiaduopu-2020.gbk.html"]')
  await expect(xiaduopu.locator('[data-item="enforcement"]')).not.toHaveText('具备')
  await app.screenshot({ path: testInfo.outputPath('samples-zh.png'), fullPage: true })
  // the version channel answers through the same binding
  expect(await app.evaluate(() => (globalThis as unknown as { api: { app: { version(): Promise<string> } } }).api.app.version())).toMatch(/^\d+\.\d+\.\d+$/)
})

test('switching to the statutory checklist shows its five items', async ({ app }) => {
  await app.getByRole('combobox', { name: '审核清单' }).or(app.locator('.n-select')).first().click()
  await app.getByText('法定五项内容（督察工作规定）').click()
  await app.getByRole('button', { name: '检查示例报告' }).click()
  await expect(app.getByTestId('results').locator('thead th')).toContainText(['文件', '上一年度推进法治政府建设的主要举措和成效'])
})

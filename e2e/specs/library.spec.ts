// A reviewer drops a folder of reports on the window, watches the import, and reads the library.
import fs from 'node:fs'
import path from 'node:path'
import { expect, FIXTURES, test } from '../fixtures/renderer'

const FORMATS = path.join(FIXTURES, 'corpus', 'formats')

/** A folder as a township sends it: reports in several formats, a nested folder, a corrupt and an empty file. */
function reportFolder(dir: string): string {
  const root = path.join(dir, '2024年度报告')
  fs.mkdirSync(path.join(root, '乡镇'), { recursive: true })
  fs.copyFileSync(path.join(FORMATS, 'gekeng-2024.docx'), path.join(root, '乡镇', '葛坑镇.docx'))
  fs.copyFileSync(path.join(FORMATS, 'xincheng-2020.pdf'), path.join(root, '乡镇', '新城镇.pdf'))
  fs.copyFileSync(path.join(FORMATS, 'xiaduopu-2020.gbk.html'), path.join(root, '夏铎铺镇.html'))
  fs.copyFileSync(path.join(FORMATS, 'xincheng-2020.gbk.txt'), path.join(root, '新城镇（文本）.txt'))
  fs.writeFileSync(path.join(root, '损坏的报告.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x20)]))
  fs.writeFileSync(path.join(root, '空白.txt'), '')
  return root
}

test('drop a folder: progress, the summary with each failure, the rows with their tags, search, and all again after a reload', async ({ app }, testInfo) => {
  const { page } = app
  await expect(page.getByTestId('empty-state')).toContainText('这个项目还没有报告')
  await expect(page.getByTestId('empty-state').getByRole('button', { name: '导入示例报告' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('empty-project.png') })

  await app.drop([reportFolder(app.dir)])
  const summary = page.getByTestId('import-summary')
  await expect(summary).toContainText('导入完成')
  await expect(summary).toContainText('共 6 个文件：导入 4，重复 0，失败 2。')
  const failures = page.getByTestId('import-failures')
  await expect(failures.locator('li')).toHaveCount(2)
  await expect(failures.locator('li[data-file="损坏的报告.pdf"]')).toContainText('损坏')
  await expect(failures.locator('li[data-file="空白.txt"]')).toContainText('文件是空的')

  const table = page.getByTestId('library')
  const rows = table.locator('tbody tr[data-file]')
  await expect(rows).toHaveCount(4)
  const gekeng = table.locator('tr[data-file="葛坑镇.docx"]')
  await expect(gekeng).toContainText('葛坑镇人民政府')
  await expect(gekeng.locator('[data-item]')).toHaveCount(5)
  await expect(gekeng.locator('[data-item="shortcomings"]')).toHaveText('部分') // problems listed without causes
  await expect(gekeng.getByTestId('completeness')).toHaveText(/^\d+%$/)
  const xincheng = table.locator('tr[data-file="新城镇.pdf"]')
  await expect(xincheng.locator('[data-finding="late-publication"]')).toHaveText('逾期公开')
  await expect(xincheng.getByTestId('title')).toHaveText('新城镇2020年法治政府建设情况报告')
  await expect(table.locator('tr[data-file="夏铎铺镇.html"] [data-item="enforcement"]')).not.toHaveText('具备')
  await expect(page.getByTestId('project-name')).toContainText('4 份报告')
  await page.screenshot({ path: testInfo.outputPath('library-zh.png') })

  // Full-text search: two characters (no trigram), then a longer phrase; hits are marked in the passage.
  const search = page.getByRole('textbox', { name: '全文搜索（空格分隔多个词）' })
  await search.fill('葛坑')
  await expect(rows).toHaveCount(1)
  await expect(rows.first().locator('mark').first()).toHaveText('葛坑')
  await search.fill('新城镇 法治')
  await expect(rows).toHaveCount(2)
  await expect(page.getByTestId('library-count')).toHaveText('找到 2 份报告')
  await page.screenshot({ path: testInfo.outputPath('search-zh.png') })
  await search.fill('没有这个词组')
  await expect(rows).toHaveCount(0)
  await expect(page.getByTestId('library-count')).toContainText('没有报告包含')
  await search.fill('')
  await expect(rows).toHaveCount(4)

  // After a reload the tags are the stored ones (shortcomings partial: problems listed without causes).
  await page.reload()
  await expect(rows).toHaveCount(4)
  await expect(table.locator('tr[data-file="葛坑镇.docx"] [data-item="shortcomings"]')).toHaveText('部分')
  await expect(page.getByTestId('project-name')).toContainText('4 份报告')
  // the finished import is not shown again after a reload; the data is
  await expect(page.getByTestId('import-summary')).toHaveCount(0)
})

test('importing through the dialog: duplicates are named, not imported twice', async ({ app }) => {
  const { page } = app
  const file = path.join(FORMATS, 'gekeng-2024.docx')
  app.dialogs.reports.push([file], [file, path.join(FORMATS, 'xincheng-2020.docx')])
  await page.getByRole('button', { name: '导入文件…' }).first().click()
  await expect(page.getByTestId('import-summary')).toContainText('导入 1，重复 0，失败 0')
  await page.getByTestId('import-summary').getByRole('button', { name: /close|关闭/i }).click()
  await page.getByRole('button', { name: '导入文件…' }).first().click()
  await expect(page.getByTestId('import-summary')).toContainText('导入 1，重复 1，失败 0')
  await page.getByText('重复的文件（未再导入）（1）').click()
  await expect(page.getByTestId('import-duplicates').locator('li[data-file="gekeng-2024.docx"]')).toContainText('内容完全相同')
  await expect(page.getByTestId('library').locator('tbody tr[data-file]')).toHaveCount(2)
})

test('a long import shows its counts and can be cancelled; what was imported stays', async ({ app }) => {
  const { page } = app
  const root = path.join(app.dir, 'many')
  fs.mkdirSync(root)
  const base = fs.readFileSync(path.join(FORMATS, 'gekeng-2024.gbk.txt'))
  for (let i = 0; i < 1500; i++) fs.writeFileSync(path.join(root, `报告${String(i).padStart(4, '0')}.txt`), Buffer.concat([base, Buffer.from(`\r\n${i}\r\n`)]))
  await app.drop([root], { checkOverlay: false })
  const progress = page.getByTestId('import-progress')
  await expect(progress).toContainText(/正在导入 \d+\/1500/)
  // cancelling stops the files in hand at once: wait until some are in, to see that they stay
  await expect(progress).toContainText(/已导入 [1-9]/)
  await page.getByRole('button', { name: '取消导入' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('导入已取消')
  const text = await page.getByTestId('import-summary').innerText()
  const imported = Number(/导入 (\d+)，/.exec(text)![1])
  expect(imported).toBeGreaterThan(0)
  expect(imported).toBeLessThan(1500)
  expect(app.services.workspace.project.reports.count()).toBe(imported)
})

test('projects: save as, a new empty project, and open the first one again', async ({ app }) => {
  const { page } = app
  await page.getByTestId('empty-state').getByRole('button', { name: '导入示例报告' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('导入 4')
  const copy = path.join(app.dir, '县司法局审核')
  app.dialogs.projects.push(copy)
  await page.getByRole('button', { name: /项目/ }).click()
  await page.getByText('另存为…').click()
  await expect(page.getByTestId('project-name')).toContainText('县司法局审核 · 4 份报告')
  expect(fs.existsSync(`${copy}.raudit`)).toBe(true)

  app.dialogs.projects.push(path.join(app.dir, '新项目'))
  await page.getByRole('button', { name: /项目/ }).click()
  await page.getByText('新建项目…').click()
  await expect(page.getByTestId('empty-state')).toBeVisible()
  await expect(page.getByTestId('project-name')).toContainText('新项目 · 0 份报告')

  app.dialogs.projects.push(`${copy}.raudit`)
  await page.getByRole('button', { name: /项目/ }).click()
  await page.getByText('打开项目…').click()
  await expect(page.getByTestId('library').locator('tbody tr[data-file]')).toHaveCount(4)
})

test('1,000 reports: the table renders only what is on screen and scrolls to the last', async ({ app }) => {
  const { page, services } = app
  await page.getByTestId('empty-state').getByRole('button', { name: '导入示例报告' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('导入 4')
  // Clone the stored reports under new hashes, straight into the store, to reach 1,000.
  const db = services.workspace.project.db
  db.transaction(() => {
    for (let i = 0; i < 996; i++) {
      db.prepare(
        `INSERT INTO reports (sha256, file_name, source_path, size_bytes, format, encoding, imported_at, title, issuer, level, year, published, completeness, checklist_id, summary_json, analysis_json, analyzed_at)
         SELECT sha256 || ?, printf('副本%04d-', ?) || file_name, source_path, size_bytes, format, encoding, imported_at, title, issuer, level, year, published, completeness, checklist_id, summary_json, analysis_json, analyzed_at FROM reports WHERE id = ?`
      ).run(`-${i}`, i, (i % 4) + 1)
    }
  })()
  await page.reload()
  const table = page.getByTestId('library')
  await expect(page.getByTestId('library-count')).toHaveText('共 1000 份报告')
  const rendered = await table.locator('tbody tr[data-file]').count()
  expect(rendered).toBeGreaterThan(5)
  expect(rendered).toBeLessThan(100)
  // Sort by title descending puts a 副本 row first; scroll to the end and the last row is there.
  await table.locator('.n-data-table-base-table-body').last().evaluate((el) => el.querySelector('.v-vl, .n-scrollbar-container')?.scrollTo({ top: 1e9 }))
  await expect(table.locator('tbody tr[data-file^="副本0995-"]')).toBeVisible()
})

test('English interface', async ({ app }) => {
  const { page } = app
  await page.getByRole('combobox', { name: '界面语言' }).or(page.locator('.n-select')).first().click()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Report Audit Desk' })).toBeVisible()
  await expect(page.getByTestId('empty-state')).toContainText('This project has no reports yet')
  await page.getByTestId('empty-state').getByRole('button', { name: 'Import sample reports' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('4 imported')
  await expect(page.getByTestId('library').locator('thead')).toContainText('Issuer')
  await expect(page.getByTestId('library').locator('[data-item="shortcomings"]').first()).toHaveText(/Present|Partial|Missing/)
})

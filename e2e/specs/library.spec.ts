// A reviewer drops a folder of reports on the window, watches the import, and reads the library.
import fs from 'node:fs'
import path from 'node:path'
import { expect, FIXTURES, test } from '../fixtures/renderer'
import { copyReports } from '../fixtures/data'
import { screens } from '../pages'

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
  const { header, imports, library } = screens(page)
  await expect(library.emptyState).toContainText('这个项目还没有报告')
  await expect(library.emptyState.getByRole('button', { name: '导入示例报告' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('empty-project.png') })

  await app.drop([reportFolder(app.dir)])
  await expect(imports.summary).toContainText('导入完成')
  await expect(imports.summary).toContainText('共 6 个文件：导入 4，重复 0，失败 2。')
  await expect(imports.failures.getByRole('listitem')).toHaveCount(2)
  await expect(imports.failure('损坏的报告.pdf')).toContainText('损坏')
  await expect(imports.failure('空白.txt')).toContainText('文件是空的')

  // one row per submission: the PDF and the text of 新城镇 are the same report, listed once with both files
  await expect(library.rows).toHaveCount(3)
  await expect(library.row('新城镇（文本）.txt')).toHaveCount(0)
  await expect(library.row('新城镇.pdf')).toContainText('2 个文件')
  const gekeng = library.row('葛坑镇.docx')
  await expect(gekeng).toContainText('葛坑镇人民政府')
  await expect(gekeng.locator('[data-item]')).toHaveCount(5)
  await expect(gekeng.locator('[data-item="shortcomings"]')).toHaveText('部分') // problems listed without causes
  await expect(gekeng.getByTestId('completeness')).toHaveText(/^\d+%$/)
  const xincheng = library.row('新城镇.pdf')
  await expect(xincheng.locator('[data-finding="late-publication"]')).toHaveText('逾期公开')
  await expect(xincheng.getByTestId('title')).toHaveText('新城镇2020年法治政府建设情况报告')
  await expect(library.row('夏铎铺镇.html').locator('[data-item="enforcement"]')).not.toHaveText('具备')
  await expect(header.projectName).toContainText('3 份报告（4 个文件）')
  await page.screenshot({ path: testInfo.outputPath('library-zh.png') })

  // Full-text search: two characters (no trigram), then a longer phrase; hits are marked in the passage.
  await library.search.fill('葛坑')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first().locator('mark').first()).toHaveText('葛坑')
  await library.search.fill('新城镇 法治')
  await expect(library.rows).toHaveCount(1)
  await expect(library.count).toHaveText('找到 1 份报告')
  await library.search.fill('法治 政府')
  await expect(library.rows).toHaveCount(3)
  await page.screenshot({ path: testInfo.outputPath('search-zh.png') })
  await library.search.fill('没有这个词组')
  await expect(library.rows).toHaveCount(0)
  await expect(library.count).toContainText('没有报告包含')
  await library.search.fill('')
  await expect(library.rows).toHaveCount(3)

  // After a reload the tags are the stored ones (shortcomings partial: problems listed without causes).
  await page.reload()
  await expect(library.rows).toHaveCount(3)
  await expect(library.row('葛坑镇.docx').locator('[data-item="shortcomings"]')).toHaveText('部分')
  await expect(header.projectName).toContainText('3 份报告（4 个文件）')
  // the finished import is not shown again after a reload; the data is
  await expect(imports.summary).toHaveCount(0)
})

test('importing through the dialog: duplicates are named, not imported twice', async ({ app }) => {
  const { page } = app
  const { header, imports, library } = screens(page)
  const file = path.join(FORMATS, 'gekeng-2024.docx')
  app.dialogs.reports.push([file], [file, path.join(FORMATS, 'xincheng-2020.docx')])
  await header.importFiles()
  await expect(imports.summary).toContainText('导入 1，重复 0，失败 0')
  await imports.close()
  await header.importFiles()
  await expect(imports.summary).toContainText('导入 1，重复 1，失败 0')
  await imports.showDuplicates()
  await expect(imports.duplicate('gekeng-2024.docx')).toContainText('内容完全相同')
  await expect(library.rows).toHaveCount(2)
})

test('the files an import could not take can be copied and saved as a table to send back', async ({ app }) => {
  const { page } = app
  const { header, imports } = screens(page)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const folder = reportFolder(app.dir)
  app.dialogs.reports.push([folder], [folder])
  await header.importFiles()
  await expect(imports.summary).toContainText('失败 2')
  await imports.close()
  // the same folder again: the reports are duplicates now, the bad files fail again
  await header.importFiles()
  await expect(imports.summary).toContainText('共 6 个文件：导入 0，重复 4，失败 2。')

  await imports.copyList()
  await expect(page.getByText('已复制到剪贴板')).toBeVisible()
  const lines = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n').map((l) => l.split('\t'))
  expect(lines[0]).toEqual(['文件', '结果', '原因'])
  const listed = lines.slice(1).map((l) => `${l[1]} ${path.basename(l[0]!)}`)
  // failures first, then the duplicates, each with its full path and reason
  expect(listed.slice(0, 2).sort()).toEqual(['失败 损坏的报告.pdf', '失败 空白.txt'])
  expect(listed.slice(2).sort()).toEqual(['重复 夏铎铺镇.html', '重复 新城镇.pdf', '重复 新城镇（文本）.txt', '重复 葛坑镇.docx'])
  expect(lines.find((l) => l[0]!.endsWith('空白.txt'))).toEqual([path.join(folder, '空白.txt'), '失败', expect.stringContaining('文件是空的')])

  const csv = path.join(app.dir, '问题文件.csv')
  app.dialogs.saves.push(csv)
  await imports.exportList()
  await expect.poll(() => (fs.existsSync(csv) ? fs.readFileSync(csv, 'utf8').length : 0)).toBeGreaterThan(0)
  const rows = fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)
  expect(rows[0]).toBe('文件,结果,代码,原因')
  expect(rows).toHaveLength(7)
  expect(rows.some((r) => r.includes('空白.txt') && r.includes('失败'))).toBe(true)
})

test('a long import shows its counts and can be cancelled; what was imported stays', async ({ app }) => {
  const { page } = app
  const { imports } = screens(page)
  const root = path.join(app.dir, 'many')
  fs.mkdirSync(root)
  const base = fs.readFileSync(path.join(FORMATS, 'gekeng-2024.gbk.txt'))
  for (let i = 0; i < 1500; i++) fs.writeFileSync(path.join(root, `报告${String(i).padStart(4, '0')}.txt`), Buffer.concat([base, Buffer.from(`\r\n${i}\r\n`)]))
  await app.drop([root], { checkOverlay: false })
  await expect(imports.progress).toContainText(/正在导入 \d+\/1500/)
  // cancelling stops the files in hand at once: wait until some are in, to see that they stay
  await expect(imports.progress).toContainText(/已导入 [1-9]/)
  await imports.cancelButton.click()
  await expect(imports.summary).toContainText('导入已取消')
  await expect(imports.progress).toHaveCount(0)
  const text = await imports.summary.innerText()
  const imported = Number(/导入 (\d+)，/.exec(text)![1])
  expect(imported).toBeGreaterThan(0)
  expect(imported).toBeLessThan(1500)
  expect(app.services.workspace.project.reports.count()).toBe(imported)
})

test('projects: save as, a new empty project, and open the first one again', async ({ app }) => {
  const { page } = app
  const { header, library } = screens(page)
  await library.importSamples()
  const copy = path.join(app.dir, '县司法局审核')
  app.dialogs.projects.push(copy)
  await header.projectMenu('另存为…')
  await expect(header.projectName).toContainText('县司法局审核 · 3 份报告（4 个文件）')
  expect(fs.existsSync(`${copy}.raudit`)).toBe(true)

  app.dialogs.projects.push(path.join(app.dir, '新项目'))
  await header.projectMenu('新建项目…')
  await expect(library.emptyState).toBeVisible()
  await expect(header.projectName).toContainText('新项目 · 0 份报告')

  app.dialogs.projects.push(`${copy}.raudit`)
  await header.projectMenu('打开项目…')
  await expect(library.rows).toHaveCount(3)
})

test('back from the workspace the library shows its rows, at the row of the report read last (button or Esc)', async ({ app }, testInfo) => {
  const { page } = app
  const { library, workspace } = screens(page)
  await library.importSamples()
  copyReports(app.services, 60)
  await page.reload()
  await expect(library.count).toHaveText('共 63 份报告')

  // Scrolled well down the list, the reviewer opens a report…
  const top = await library.visibleFiles()
  await library.scrollBy(1600)
  await expect.poll(async () => (await library.visibleFiles()).filter((f) => top.includes(f))).toEqual([])
  const inView = await library.visibleFiles()
  expect(inView.length).toBeGreaterThan(3)
  await library.open(inView[2]!)
  await expect(workspace.root).toBeVisible()
  // …and reads on in the library's order until the report on screen is one whose row was out of view.
  await workspace.clickText()
  for (let i = 0; i < 40 && inView.includes((await workspace.currentFile())!); i++) {
    const before = await workspace.position.innerText()
    await page.keyboard.press('Alt+ArrowRight')
    await expect(workspace.position).not.toHaveText(before)
  }
  const last = (await workspace.currentFile())!
  expect(inView).not.toContain(last)
  await workspace.back()
  await expect(library.count).toHaveText('共 63 份报告')
  // the rows are there (not a blank table under its header), scrolled to the report read last
  await expect.poll(() => library.visibleFiles()).toContain(last)
  await page.screenshot({ path: testInfo.outputPath('library-back.png') })
  const files = await library.visibleFiles()
  expect(files.length).toBeGreaterThan(3)

  // Esc goes back as well, to the row of the report on screen.
  const target = files.at(-2)!
  await library.open(target)
  await expect(workspace.root).toBeVisible()
  await workspace.clickText()
  await page.keyboard.press('Escape')
  await expect(workspace.root).toHaveCount(0)
  await expect.poll(() => library.visibleFiles()).toContain(target)
})

test('1,000 reports: the table renders only what is on screen and scrolls to the last', async ({ app }) => {
  const { page } = app
  const { library } = screens(page)
  await library.importSamples()
  copyReports(app.services, 997)
  await page.reload()
  await expect(library.count).toHaveText('共 1000 份报告')
  const rendered = await library.rows.count()
  expect(rendered).toBeGreaterThan(5)
  expect(rendered).toBeLessThan(100)
  await library.table.locator('.n-data-table-base-table-body').last().evaluate((el) => el.querySelector('.v-vl, .n-scrollbar-container')?.scrollTo({ top: 1e9 }))
  await expect(library.table.locator('tbody tr[data-file^="副本0995-"]')).toBeVisible()
})

test('English interface', async ({ app }) => {
  const { page } = app
  const { header, library } = screens(page)
  await header.language('English')
  await expect(page.getByRole('heading', { name: 'Report Audit Desk' })).toBeVisible()
  await expect(library.emptyState).toContainText('This project has no reports yet')
  await library.emptyState.getByRole('button', { name: 'Import sample reports' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('4 imported')
  await expect(library.table.locator('thead')).toContainText('Title')
  await expect(library.table.locator('thead')).toContainText('Level')
  await expect(library.row('gekeng-2024.docx').getByTestId('row-unit')).toContainText('2 files')
  await expect(library.table.locator('[data-item="shortcomings"]').first()).toHaveText(/Present|Partial|Missing/)
})

// What the services report that the reviewer must see in the window: documents refused as not annual
// reports imported anyway (「仍然导入」), a batch stopped by a full disk, a project whose audit trail was
// altered, a project opened read-only (editing off, the reason in the tooltips); and, in settings, the
// standard wording of the text comparison and the checklist's finding thresholds.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { expect, FIXTURES, test } from '../fixtures/renderer'
import { screens } from '../pages'
import { Project } from '../../src/main/store/project'

/** The same screen at the two window sizes reviewers use, kept with the test's output. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const [w, h] of [
    [1440, 900],
    [1280, 720]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await page.screenshot({ path: testInfo.outputPath(`${name}-${w}.png`), animations: 'disabled' })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

/** A 解读, a news item and a 工作要点 notice (real openings, tests/fixtures/corpus/excerpts2) and one real report. */
function mixedFolder(dir: string): string {
  const root = path.join(dir, '收到的材料')
  fs.mkdirSync(root)
  const excerpts = path.join(FIXTURES, 'corpus', 'excerpts2')
  fs.copyFileSync(path.join(excerpts, '009.txt'), path.join(root, '政策解读.txt'))
  fs.copyFileSync(path.join(excerpts, '047.txt'), path.join(root, '新闻.txt'))
  fs.copyFileSync(path.join(excerpts, '060.txt'), path.join(root, '工作要点.txt'))
  fs.copyFileSync(path.join(FIXTURES, 'corpus', 'reports', 'gekeng-2024.txt'), path.join(root, '葛坑镇.txt'))
  return root
}

test('仍然导入: a file refused as not a report is imported on purpose, one and then all, and says so in the workspace', async ({ app }, testInfo) => {
  const { page } = app
  const { imports, library, workspace } = screens(page)
  const root = mixedFolder(app.dir)
  await app.drop([root])
  await expect(imports.counts).toHaveText('共 4 个文件：导入 1，重复 0，失败 3。')
  await expect(imports.summary.getByTestId('not-reports')).toContainText('其中 3 个不像法治政府建设年度报告')
  await expect(imports.failure('新闻.txt')).toContainText('新闻')
  await expect(imports.importAnywayButton('新闻.txt')).toBeEnabled()
  await expect(imports.importAllAnywayButton).toHaveText('全部仍然导入（3）')
  await shoot(page, testInfo, 'not-reports')

  await imports.importAnyway('新闻.txt')
  await expect(imports.counts).toHaveText('共 1 个文件：导入 1，重复 0，失败 0。')
  await page.locator('.n-tabs-tab', { hasText: '报告库' }).click()
  await library.year('全部年度')
  await expect(library.row('新闻.txt')).toBeVisible()
  await library.open('新闻.txt')
  await expect(workspace.warnings).toContainText('不像法治政府建设年度报告：')
  await expect(workspace.warnings).toContainText('已按要求照常分析')
  await shoot(page, testInfo, 'not-report-workspace')
  await workspace.back()

  // The same folder again: the two still refused are imported with one click, the rest are duplicates.
  await app.drop([root], { checkOverlay: false })
  await expect(imports.counts).toHaveText('共 4 个文件：导入 0，重复 2，失败 2。')
  await imports.importAllAnywayButton.click()
  await expect(imports.counts).toHaveText('共 2 个文件：导入 2，重复 0，失败 0。')
  await expect(library.row('政策解读.txt')).toBeVisible()
  await expect(library.row('工作要点.txt')).toBeVisible()
})

test('a full disk stops the import: the summary says why and what was kept, the reports imported stay', async ({ app }, testInfo) => {
  const { page } = app
  const { imports, header } = screens(page)
  /** `n` distinct files of one report's text (a different last line each) in a new folder. */
  const batch = (name: string, n: number) => {
    const root = path.join(app.dir, name)
    fs.mkdirSync(root)
    const src = fs.readFileSync(path.join(FIXTURES, 'corpus', 'formats', 'gekeng-2024.gbk.txt'))
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(root, `${name}-${String(i).padStart(2, '0')}.txt`), Buffer.concat([src, Buffer.from(`\r\n附：${name}第 ${i} 份\r\n`)]))
    return root
  }
  await app.drop([batch('上周', 2)])
  await expect(imports.counts).toHaveText('共 2 个文件：导入 2，重复 0，失败 0。')
  // SQLite's own size cap: the next write that needs a new page fails with SQLITE_FULL, as on a full disk.
  const db = app.services.workspace.project.db
  db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 12}`)
  await app.drop([batch('本周', 20)], { checkOverlay: false })
  await expect(imports.summary).toContainText('导入已停止')
  await expect(imports.stopped).toContainText('磁盘空间已满')
  const kept = app.services.workspace.project.reports.count() - 2
  expect(kept).toBeLessThan(20)
  // 「已导入的 0 个已保存」 said nothing: with none kept the summary says so
  await expect(imports.stopped).toContainText(kept ? `本次已导入的 ${kept} 个已保存在项目中` : '本次还没有文件写入项目')
  // near-identical texts are versions of one submission: the header counts them as files
  await expect(header.projectName).toContainText(`${kept + 2} 个文件`)
  await shoot(page, testInfo, 'disk-full')
})

test('an altered audit trail is said in the header and the audit drawer; a read-only project turns editing off and says why', async ({ app }, testInfo) => {
  const { page } = app
  const { header, library, workspace, imports, settings } = screens(page)
  await library.importSamples()
  await imports.close()
  await library.year('全部年度')
  const fileName = (await library.rows.first().getAttribute('data-file'))!
  const report = (await app.services.api.library.list()).find((r) => r.fileName === fileName)!
  const file = app.services.workspace.openFile()!
  await app.services.api.review.setOpinion(report.id, '第一稿')
  await app.services.api.review.setOpinion(report.id, '第二稿')
  // Someone rewrites an entry with the sqlite3 tool, past the app's triggers.
  const tool = new Database(file)
  tool.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET new_value = '\"改过的意见\"' WHERE id = (SELECT max(id) FROM audit_log);")
  tool.close()
  app.services.workspace.switchTo(file, { create: false })
  await expect(header.auditNotice).toContainText('审核记录可能被改动过')
  await expect(header.auditBrokenTag).toHaveText('审核记录异常')
  await library.open(fileName)
  const audit = await workspace.openAudit()
  await expect(audit.brokenNotice).toContainText(/审核记录第 \d+ 条.*被改动过.*请用保存的项目副本核对/)
  await shoot(page, testInfo, 'audit-broken')
  await audit.close()
  await workspace.back()

  // Root ignores file permissions here, so the project is opened read-only as the app opens one on a
  // read-only disk: the same Project, its connection read-only; the window learns it as after any switch.
  const ws = app.services.workspace as unknown as { current: Project }
  ws.current.close()
  ws.current = Project.open(file, { readOnly: true })
  app.services.workspace.emit('project:changed', app.services.workspace.info())
  await expect(header.readOnlyNotice).toContainText('项目以只读方式打开')
  await expect(header.readOnlyTag).toHaveText('只读')
  await expect(header.importFilesButton).toBeDisabled()
  await expect(page.getByTestId('url-import')).toBeDisabled()
  await expect(header.importFilesButton.locator('xpath=..')).toHaveAttribute('title', /只读项目，不能修改：项目以只读方式打开/)
  await library.open(fileName)
  await expect(workspace.edits).toHaveAttribute('disabled', '')
  await expect(workspace.edits).toHaveAttribute('title', /只读项目，不能修改/)
  await expect(workspace.opinion).toBeDisabled()
  await expect(workspace.opinion).toHaveValue('第二稿')
  await shoot(page, testInfo, 'read-only-workspace')
  await workspace.back()
  // The roster's editing buttons too (its year can still be looked at).
  await page.locator('.n-tabs-tab', { hasText: '报送情况' }).click()
  const roster = page.getByTestId('roster')
  await expect(roster.getByRole('button', { name: '粘贴名单…' }).first()).toBeDisabled()
  await expect(roster.getByRole('button', { name: '导入名单…' }).first()).toBeDisabled()
  await expect(roster.getByRole('button', { name: '导入名单…' }).first().locator('xpath=..')).toHaveAttribute('title', /只读项目，不能修改/)
  await page.locator('.n-tabs-tab', { hasText: '报告库' }).click()
  await settings.open()
  await expect(settings.checklist('default').getByRole('button', { name: '复制' })).toBeDisabled()
  await expect(settings.wording.input).toBeDisabled()
  await expect(page.getByTestId('project-settings')).toHaveAttribute('disabled', '')
  await expect(page.getByRole('textbox', { name: '审核机关名称' }).or(page.getByTestId('project-settings').locator('input').first())).toBeDisabled()
  await shoot(page, testInfo, 'read-only-settings')
})

test('settings: the standard wording of the comparison is listed, added and removed; the finding thresholds are edited and checked', async ({ app }, testInfo) => {
  const { page } = app
  const { settings, library } = screens(page)
  await library.importSamples()
  await settings.open()
  const wording = settings.wording
  await expect(wording.root).toContainText('修改后会自动重新比对')
  await expect(wording.root.locator('li[data-source="builtin"]').first()).toBeVisible()

  await wording.add('法治')
  await expect(wording.root).toContainText('至少 4 个字')
  await wording.add('全面推行行政执法三项制度')
  await expect(wording.phrase('全面推行行政执法三项制度')).toHaveAttribute('data-source', 'reviewer')
  await expect(page.getByText('已添加“全面推行行政执法三项制度”，正在重新比对')).toBeVisible()
  await expect.poll(async () => (await app.services.api.similarity.commonWording()).filter((w) => w.source === 'reviewer').map((w) => w.phrase)).toEqual(['全面推行行政执法三项制度'])
  await wording.filter.fill('三项制度')
  await shoot(page, testInfo, 'standard-wording')
  await wording.remove('全面推行行政执法三项制度')
  await expect(wording.phrase('全面推行行政执法三项制度')).toHaveCount(0)
  await wording.filter.fill('')
  const builtin = (await wording.root.locator('li[data-source="builtin"]').first().getAttribute('data-phrase'))!
  await wording.remove(builtin)
  await expect(wording.phrase(builtin)).toHaveCount(0)
  expect((await app.services.api.similarity.commonWording()).some((w) => w.phrase === builtin)).toBe(false)

  // The finding thresholds, in the editor of a copy of the default checklist.
  const editor = await settings.duplicate('default')
  await expect(editor.threshold('沿用上年文字提示线（%）')).toHaveValue('30')
  await expect(editor.threshold('雷同文字字数')).toHaveValue('100')
  await editor.threshold('公开期限（次年 月-日）').fill('4月1日')
  await editor.threshold('沿用上年文字提示线（%）').fill('150')
  await editor.save()
  await expect(editor.root).toContainText('问题检查设置的公开期限应写作 MM-DD（月-日），如 04-01')
  await shoot(page, testInfo, 'thresholds-invalid')
  await editor.threshold('公开期限（次年 月-日）').fill('03-31')
  await editor.save()
  await expect(editor.root).toContainText('问题检查设置的沿用上年文字提示线不能超过 100%')
  await editor.threshold('沿用上年文字提示线（%）').fill('45')
  await editor.threshold('雷同文字字数').fill('200')
  await editor.save()
  await expect(editor.root).toBeHidden()
  const saved = await app.services.api.checklists.get('default-copy')
  expect(saved.findings).toMatchObject({ publishBy: '03-31', copyShare: 0.45, sharedMinChars: 200, minFigures: 5 })
})

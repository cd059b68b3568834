// Settings: the reviewer's name (asked once at first start), the checklists (duplicate, edit, use,
// cancel), and the re-check of every report that switching checklists starts.
import { expect, test } from '../fixtures/renderer'
import { copyReports } from '../fixtures/data'
import { ITEMS, screens } from '../pages'

test.describe('a new reviewer', () => {
  test.use({ firstStart: true })

  test('is asked for their name once, may skip it, and finds it in the header later', async ({ app }, testInfo) => {
    const { page } = app
    const { header, library, workspace } = screens(page)
    const dialog = page.getByRole('dialog', { name: '欢迎使用法治报告审核台' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('审核记录')
    await page.screenshot({ path: testInfo.outputPath('first-start.png') })
    await dialog.getByRole('button', { name: '以后再说' }).click()
    await expect(dialog).toBeHidden()
    await expect(header.reviewer).toHaveText('审核人：未署名')

    // Skipped is answered: not asked again at the next start.
    await page.reload()
    await expect(library.emptyState).toBeVisible()
    await expect(page.getByRole('dialog')).toHaveCount(0)

    // Set later from the header; the audit trail signs with it.
    await header.reviewer.click()
    const edit = page.getByRole('dialog', { name: '审核人姓名' })
    await edit.getByRole('textbox', { name: '审核人姓名' }).fill('赵审核')
    await edit.getByRole('button', { name: '保存' }).click()
    await expect(header.reviewer).toHaveText('审核人：赵审核')
    expect((await app.services.api.settings.get()).reviewerName).toBe('赵审核')
    await library.importSamples()
    await library.open('gekeng-2024.docx')
    await workspace.judge(ITEMS.plans, '符合')
    const audit = await workspace.openAudit()
    await expect(audit.entries().first()).toContainText('赵审核')
  })

  test('who types a name at first start signs their work with it', async ({ app }) => {
    const { page } = app
    const { header } = screens(page)
    const dialog = page.getByRole('dialog', { name: '欢迎使用法治报告审核台' })
    await dialog.getByRole('textbox', { name: '审核人姓名' }).fill('钱审核')
    await dialog.getByRole('textbox', { name: '审核人姓名' }).press('Enter')
    await expect(dialog).toBeHidden()
    await expect(header.reviewer).toHaveText('审核人：钱审核')
    expect((await app.services.api.settings.get()).reviewerName).toBe('钱审核')
  })
})

test('settings: reviewer name, and switching the checklist re-checks every report and keeps the verdicts', async ({ app }, testInfo) => {
  const { page } = app
  const { library, settings, workspace } = screens(page)
  await library.importSamples()
  await library.open('gekeng-2024.docx')
  await workspace.judge(ITEMS.shortcomings, '缺失')
  await expect(workspace.verdict(ITEMS.shortcomings, '缺失')).toBeChecked()
  await workspace.back()

  await settings.open()
  await settings.setReviewerName('王审核')
  await settings.use('statutory')
  await expect(settings.checklist('statutory')).toContainText('正在使用')
  await page.screenshot({ path: testInfo.outputPath('settings-zh.png') })
  await settings.close()
  await expect(library.table.locator('thead')).toContainText('第一责任人')
  await expect(library.row('gekeng-2024.docx').locator('[data-item="responsibility"]')).toBeVisible()
  expect((await app.services.api.settings.get()).reviewerName).toBe('王审核')
  // The verdict set under the old checklist is still stored, and the item of the same id shows it.
  await library.open('gekeng-2024.docx')
  await expect(workspace.root.locator('[data-item-panel="shortcomings"]').getByRole('radio', { name: '缺失', exact: true })).toBeChecked()
  await expect(workspace.root.locator('[data-item-panel="responsibility"]')).toBeVisible()
})

test('a re-check of every report can be cancelled from the window; the rest can be re-checked later', async ({ app }) => {
  const { page } = app
  const { library, settings } = screens(page)
  await library.importSamples()
  copyReports(app.services, 1200)
  await page.reload()
  await expect(library.count).toHaveText('共 1203 份报告')
  await settings.open()
  await settings.use('statutory')
  await settings.close()
  const progress = page.getByRole('status', { name: '重新检测进度' })
  await expect(progress).toContainText(/正在按新清单重新检测 \d+\/1204/)
  await progress.getByRole('button', { name: '取消重新检测' }).click()
  await expect(progress).toHaveCount(0)
  await expect(page.getByText(/已停止重新检测：\d+\/1204 个文件已按“法定五项内容（督察工作规定）”检测/)).toBeVisible()
  const rows = await app.services.api.library.list()
  const stale = rows.filter((r) => r.checklistId !== 'statutory').length
  expect(stale).toBeGreaterThan(0)
  expect(stale).toBeLessThan(1204)

  // The settings offer to re-check the others, and that finishes the job.
  await settings.open()
  await settings.checklist('statutory').getByRole('button', { name: `重新检测其余 ${stale} 份` }).click()
  await expect(page.getByText('已按“法定五项内容（督察工作规定）”重新检测全部报告')).toBeVisible({ timeout: 60_000 })
  await expect.poll(async () => (await app.services.api.library.list()).every((r) => r.checklistId === 'statutory')).toBe(true)
})

test('checklists: duplicate the default, rename an item and add a heading phrasing in the editor, use it', async ({ app }) => {
  const { page } = app
  const { library, settings } = screens(page)
  await library.importSamples()
  await settings.open()
  const editor = await settings.duplicate('default')
  await expect(editor.root).toContainText('点“保存”后才加入本项目')
  await editor.itemName(1).fill('党政主要负责人履职')
  await editor.headings(1).press('End')
  await editor.headings(1).pressSequentially('\n第一责任人')
  await editor.save()
  await expect(editor.root).toHaveCount(0)
  const copy = settings.checklist('default-copy')
  await expect(copy).toContainText('默认审核清单（副本）')
  await settings.use('default-copy')
  await expect(copy).toContainText('正在使用')
  await settings.close()
  await expect(library.table.locator('thead [data-column-item="leadership"]')).toHaveAttribute('title', '党政主要负责人履职')
  const saved = await app.services.api.checklists.get('default-copy')
  expect(saved.items[0]!.headings.at(-1)).toBe('第一责任人')
  await expect.poll(async () => (await app.services.api.library.list()).every((r) => r.checklistId === 'default-copy')).toBe(true)
})

test('the checklist editor: a bad pattern is shown at its field, where the reviewer is; 取消 after 复制 leaves nothing', async ({ app }, testInfo) => {
  const { page } = app
  const { settings } = screens(page)
  await settings.open()
  const editor = await settings.duplicate('default')
  const before = await editor.body.evaluate((el) => el.scrollTop)
  await editor.headings(1).press('End')
  await editor.headings(1).pressSequentially('\n([')
  await editor.save()
  // The dialog stays where the reviewer was; the field says what is wrong and holds the focus, on the bad line.
  await expect(editor.root.getByText(/第 1 项「组织领导（第一责任人职责）」的标题写法第 \d+ 条不是有效的正则表达式/)).toBeVisible()
  await expect(editor.headings(1)).toHaveAttribute('aria-invalid', 'true')
  await expect(editor.headings(1)).toBeFocused()
  expect(await editor.headings(1).evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('([')
  expect(await editor.body.evaluate((el) => el.scrollTop)).toBe(before)
  await expect(editor.root.getByRole('button', { name: '保存' })).toBeInViewport()
  await page.screenshot({ path: testInfo.outputPath('checklist-error.png') })
  // Nothing was saved, and cancelling leaves no copy behind.
  await editor.cancel()
  await expect(editor.root).toHaveCount(0)
  await expect(settings.checklist('default-copy')).toHaveCount(0)
  expect((await app.services.api.checklists.list()).map((c) => c.id)).toEqual(['default', 'statutory'])
})

test('a bad pattern far down the editor: the editor scrolls its items to it, not the window', async ({ app }) => {
  const { page } = app
  const { settings } = screens(page)
  await settings.open()
  const editor = await settings.duplicate('default')
  // the last item's headings, then back up to the first item, as a reviewer reading from the top
  await editor.headings(5).press('End')
  await editor.headings(5).pressSequentially('\n(?<')
  await editor.body.evaluate((el) => el.scrollTo({ top: 0 }))
  await editor.save()
  await expect(editor.headings(5)).toHaveAttribute('aria-invalid', 'true')
  await expect(editor.headings(5)).toBeInViewport()
  await expect(editor.headings(5)).toBeFocused()
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0)
})

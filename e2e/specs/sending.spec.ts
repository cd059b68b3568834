// The reviewer's side of what is sent, in the window: the reviewing body in the settings, the opinion
// drafted from the review, the score adjusted with a reason, a verdict and a phrase set on several
// reports at once, the year's charts; screenshots at 1440×900 and 1280×720.
import { expect, test } from '../fixtures/renderer'

test('settings, drafting, scoring, bulk verdicts and charts', async ({ app }, testInfo) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await app.services.api.settings.update({ reviewerName: '周评议' })
  await app.services.api.roster.updateSettings({ reviewYear: 2020 })
  await app.services.api.roster.importUnitsText('新城镇\t乡镇\n夏铎铺镇\t乡镇\n大屯营镇\t乡镇')
  await page.getByTestId('empty-state').getByRole('button', { name: '导入示例报告' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('导入 4')

  // The reviewing body, set once for the project
  await page.getByRole('button', { name: '设置' }).click()
  const body = page.getByRole('textbox', { name: '审核机关名称' })
  await body.fill('某某县司法局')
  await body.press('Enter')
  await expect.poll(async () => (await app.services.api.exports.letterSettings()).body).toBe('某某县司法局')
  await expect(page.getByTestId('rubrics')).toContainText('年度报告集中评议评分表')
  await page.screenshot({ path: testInfo.outputPath('settings-1440.png') })
  await page.keyboard.press('Escape')

  // The library shows a score and grade per submission, proposed until reviewed
  await page.locator('.n-tabs-tab', { hasText: '报告库' }).click()
  const row = page.locator('tr[data-file="xincheng-2020.pdf"]')
  await expect(row.locator('[data-score]')).toBeVisible()
  const id = Number(await row.getAttribute('data-report-id'))
  const proposed = await app.services.api.grading.sheet(id)
  await expect(row.locator('[data-score]')).toHaveAttribute('data-score', String(proposed.total))

  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: testInfo.outputPath('library-proposed-1280.png') })
  await page.setViewportSize({ width: 1440, height: 900 })

  // The workspace: the draft from the review fills the opinion; the score is adjusted with a reason
  await row.locator('td').nth(1).click()
  await page.getByTestId('review').locator('[data-item-panel="shortcomings"] [data-verdict="partial"]').click()
  await page.getByTestId('draft-opinion').click()
  const opinion = page.getByRole('textbox', { name: '审核意见' })
  await expect(opinion).toHaveValue(/^一、存在的问题\n（一）报告对存在的不足和原因分析不够深入、具体。/)
  await expect.poll(async () => (await app.services.api.review.open(id)).review.opinion).toMatch(/^一、存在的问题/)
  const score = page.getByTestId('score')
  await score.locator('[data-aspect="substance"] .row').click()
  await score.getByRole('textbox', { name: '内容翔实有数据 得分' }).fill('12')
  await score.getByRole('textbox', { name: '内容翔实有数据 调整理由（必填）' }).fill('数据多为投入，缺少成效')
  await score.getByRole('button', { name: '调整' }).click()
  const after = await app.services.api.grading.sheet(id)
  expect(after.aspects.find((a) => a.id === 'substance')).toMatchObject({ points: 12, adjusted: { reason: '数据多为投入，缺少成效' } })
  await expect(page.getByTestId('score-total')).toHaveText(`合计 ${after.total} / 100`)
  expect((await app.services.api.review.auditTrail(id)).map((a) => a.action)).toContain('score')
  await page.screenshot({ path: testInfo.outputPath('workspace-1440.png') })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: testInfo.outputPath('workspace-1280.png') })
  await page.getByRole('button', { name: /返回报告库/ }).click()
  await expect(page.getByTestId('review')).toBeHidden()

  // The same overall verdict and phrase on two reports at once
  await page.locator('tr[data-file="xincheng-2020.pdf"] .row-check').click()
  await page.locator('tr[data-file="xiaduopu-2020.gbk.html"] .row-check').click()
  await page.getByTestId('bulk-review').click()
  const dialog = page.getByTestId('bulk-dialog')
  await dialog.getByTestId('bulk-overall').click()
  await page.locator('.n-base-select-option', { hasText: '需修改' }).click()
  await dialog.getByTestId('bulk-phrase').click()
  await page.keyboard.type('请补充行政复议情况。')
  await page.keyboard.press('Enter')
  await page.screenshot({ path: testInfo.outputPath('bulk-1280.png') })
  await dialog.getByTestId('bulk-apply').click()
  await expect(page.getByText('已更新 2 份报告')).toBeVisible()
  await expect(dialog).toBeHidden()
  const xiaduopu = Number(await page.locator('tr[data-file="xiaduopu-2020.gbk.html"]').getAttribute('data-report-id'))
  for (const r of [id, xiaduopu]) {
    const d = await app.services.api.review.open(r)
    expect(d.review.overall).toBe('revise')
    expect(d.review.opinion.split('\n').at(-1)).toBe('请补充行政复议情况。')
  }
  // reviewed now: the scores are no longer proposals
  await expect(page.locator('tr[data-file="xiaduopu-2020.gbk.html"] [data-score]')).not.toHaveClass(/proposed/)
  await page.screenshot({ path: testInfo.outputPath('library-1280.png') })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.screenshot({ path: testInfo.outputPath('library-1440.png') })

  // The year's charts, from the roster: timeliness, items failed most, grades, agreeing with the roster
  await page.locator('.n-tabs-tab', { hasText: '报送情况' }).click()
  await page.getByTestId('charts').click()
  const roster = await app.services.api.roster.get(2020)
  await expect(page.getByTestId('chart-timeliness').locator('[data-bar="missing"]')).toHaveAttribute('data-count', String(roster.figures.units - roster.figures.submitted))
  await expect(page.getByTestId('chart-timeliness').locator('[data-bar="on-time"]')).toHaveAttribute('data-count', String(roster.figures.onTime))
  await expect(page.getByTestId('chart-grades').locator('g[data-bar]')).toHaveCount(5)
  await expect(page.getByTestId('chart-grades')).toBeInViewport({ ratio: 1 }) // the drawer has slid in
  await page.screenshot({ path: testInfo.outputPath('charts-1440.png') })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: testInfo.outputPath('charts-1280.png') })
})

test('standard phrases are edited with the checklist, the rubric in its own editor', async ({ app }, testInfo) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByRole('button', { name: '设置' }).click()
  await page.locator('[data-checklist="default"]').getByRole('button', { name: '复制' }).click()
  const editor = page.getByTestId('checklist-editor')
  await editor.getByRole('textbox', { name: '行政执法 “缺失”时' }).fill('报告没有反映{item}工作，请补充。')
  await editor.getByRole('textbox', { name: '逾期公开 发现问题时的用语' }).fill('逾期{days}天公开。')
  await editor.locator('[data-edit-item="enforcement"]').scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('phrases-1440.png') })
  await editor.getByRole('button', { name: '保存' }).click()
  await expect(editor).toBeHidden()
  const saved = await app.services.api.checklists.get('default-copy')
  expect(saved.items.find((i) => i.id === 'enforcement')!.phrases).toEqual({ missing: '报告没有反映{item}工作，请补充。', partial: '报告对行政执法工作的表述较为简单，缺少严格规范公正文明执法的具体举措和成效。' })
  expect(saved.phrases?.findings?.['late-publication']).toBe('逾期{days}天公开。')

  await page.locator('[data-rubric="default"]').getByRole('button', { name: '复制' }).click()
  const rubric = page.getByTestId('rubric-editor')
  await rubric.getByRole('textbox', { name: '按时公开 满分' }).fill('20')
  await rubric.locator('[data-edit-aspect="format"]').getByRole('button', { name: '删除' }).click()
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: testInfo.outputPath('rubric-1280.png') })
  await rubric.getByRole('button', { name: '保存' }).click()
  await expect(rubric).toBeHidden()
  const r = await app.services.api.grading.get('default-copy')
  expect(r.aspects.map((a) => [a.id, a.max])).toEqual([
    ['complete', 30],
    ['substance', 20],
    ['causes', 15],
    ['plans', 15],
    ['timely', 20]
  ])
  await expect(page.locator('[data-rubric="default-copy"]')).toContainText('满分合计 100')
})

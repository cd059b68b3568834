// A reviewer pastes the addresses of two reports' portal pages (served by this test on 127.0.0.1) and
// one that no longer exists: the pages are imported, the dead address is named with its reason, the
// roster shows where each report was public, and the workspace shows the page it came from.
import { expect, test } from '../fixtures/renderer'
import { startPageServer } from '../../tests/helpers/page-server'
import { LibraryPage } from '../pages/library'

test('从网址导入: paste addresses, see the pages imported, the failure named, and the page on the roster and in the workspace', async ({ app }, testInfo) => {
  const { page } = app
  const server = await startPageServer()
  try {
    await app.services.api.roster.importUnitsText('葛坑镇\t乡镇\n夏铎铺镇\t乡镇\n新城镇\t乡镇')
    await app.services.api.roster.updateSettings({ reviewYear: 2024 })
    await page.getByTestId('url-import').click()
    const dialog = page.getByTestId('url-import-dialog')
    await expect(dialog).toContainText('一行一个')
    await dialog.getByTestId('url-list').locator('textarea').fill([server.url('/gekeng.gbk.html'), `夏铎铺镇 ${server.url('/moved')}`, server.url('/missing.html')].join('\n'))
    await expect(dialog).toContainText('共 3 个网址')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: testInfo.outputPath('url-dialog-1440.png') })
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.screenshot({ path: testInfo.outputPath('url-dialog-1280.png') })
    await dialog.getByTestId('url-import-start').click()

    const summary = page.getByTestId('import-summary')
    await expect(summary).toContainText('共 3 个网址：导入 2，重复 0，失败 1')
    const failed = page.getByTestId('import-failures').locator('li')
    await expect(failed).toHaveCount(1)
    await expect(failed.first()).toContainText(server.url('/missing.html'))
    await expect(failed.first()).toContainText('网页不存在')

    // The library shows the review year (2024): the 2020 report is there under 全部年度.
    await page.locator('.n-tabs-tab', { hasText: '报告库' }).click()
    const table = page.getByTestId('library')
    await expect(table.locator('tbody tr[data-file]')).toHaveCount(1)
    await expect(table.locator('tr[data-file="gekeng.gbk.html"]').getByTestId('row-unit')).toHaveText('葛坑镇 · gekeng.gbk.html')
    await new LibraryPage(page).year('全部年度')
    await expect(table.locator('tbody tr[data-file]')).toHaveCount(2)

    await page.locator('.n-tabs-tab', { hasText: '报送情况' }).click()
    const roster = page.getByTestId('roster')
    const gekeng = roster.locator('tr[data-unit="葛坑镇"]')
    await expect(gekeng.locator(`[data-page="${server.url('/gekeng.gbk.html')}"]`)).toHaveText('网页')
    await expect(gekeng).toContainText('2025-02-28')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: testInfo.outputPath('roster-pages-1440.png') })
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.screenshot({ path: testInfo.outputPath('roster-pages-1280.png') })

    await gekeng.click()
    const sources = page.getByTestId('page-sources')
    await expect(sources).toContainText(server.url('/gekeng.gbk.html'))
    await expect(sources).toContainText('网页发布日期 2025-02-28')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: testInfo.outputPath('workspace-page-1440.png') })
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.screenshot({ path: testInfo.outputPath('workspace-page-1280.png') })
  } finally {
    await server.close()
  }
})

/// <reference lib="dom" />
// Page object: the library, every report of the project in a sortable, filterable, searchable table.
import { expect, type Page } from '@playwright/test'

export class LibraryPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.getByTestId('library')
  }
  /** The rows the table has rendered (it renders only those near the view). */
  get rows() {
    return this.table.locator('tbody tr[data-file]')
  }
  row(file: string) {
    return this.table.locator(`tbody tr[data-file="${file}"]`)
  }
  get search() {
    return this.page.getByRole('textbox', { name: '全文搜索（空格分隔多个词）' })
  }
  get count() {
    return this.page.getByTestId('library-count')
  }
  get emptyState() {
    return this.page.getByTestId('empty-state')
  }
  /** 导出 2024 年度 ▾ (nothing ticked: the review year) or 导出所选（n） ▾ */
  get exportMenu() {
    return this.page.getByRole('button', { name: /^导出(全部|所选|\s*\d{4} 年度)/ })
  }
  column(name: string) {
    return this.table.getByRole('columnheader', { name })
  }

  /** Opens a report in the workspace (a click on its title, not on its box). */
  /** Picks the year the library shows: 「2024 年度」 or 「全部年度」. */
  async year(label: string) {
    await this.page.getByTestId('library-year').click()
    await this.page.locator('.n-base-select-option', { hasText: label }).click()
  }
  async open(file: string) {
    await this.row(file).locator('td').nth(1).click()
  }
  /** Ticks or unticks a report's box, for an export of the selected reports. */
  async toggle(file: string) {
    await this.row(file).getByRole('checkbox').click()
  }
  async importSamples() {
    await this.emptyState.getByRole('button', { name: '导入示例报告' }).click()
    await expect(this.page.getByTestId('import-summary')).toContainText('导入 4')
  }
  async export(entry: string) {
    await this.exportMenu.click()
    await this.page.getByText(entry, { exact: true }).click()
  }
  /** Scrolls the table with the mouse wheel, as the reviewer does. */
  async scrollBy(px: number) {
    const box = (await this.table.boundingBox())!
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    for (let left = px; left > 0; left -= 400) await this.page.mouse.wheel(0, Math.min(400, left))
  }
  /** The files of the rows the reviewer can see now, top to bottom. */
  async visibleFiles(): Promise<string[]> {
    return this.table.evaluate((t) => {
      const body = t.querySelector('.n-data-table-base-table-body') ?? t
      const view = body.getBoundingClientRect()
      return Array.from(t.querySelectorAll<HTMLElement>('tbody tr[data-file]'))
        .filter((r) => {
          const b = r.getBoundingClientRect()
          return b.height > 0 && b.bottom > view.top + 4 && b.top < view.bottom - 4 && getComputedStyle(r).visibility !== 'hidden'
        })
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((r) => r.dataset.file!)
    })
  }
}

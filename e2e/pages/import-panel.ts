// Page object: an import as the reviewer follows it: the progress of the running job (counts, cancel)
// and, once it ends, the summary with each file that was not imported, 「仍然导入」 for the files refused as
// not annual reports, and why a batch stopped.
import { expect, type Page } from '@playwright/test'

export class ImportPanel {
  constructor(readonly page: Page) {}

  get progress() {
    return this.page.getByRole('status', { name: '导入进度' })
  }
  get cancelButton() {
    return this.page.getByRole('button', { name: '取消导入' })
  }
  get summary() {
    return this.page.getByTestId('import-summary')
  }
  get failures() {
    return this.summary.getByRole('list', { name: '无法导入的文件' })
  }
  get duplicates() {
    return this.summary.getByRole('list', { name: '重复的文件（未再导入）' })
  }
  /** One file of a list, by its name. */
  failure(file: string) {
    return this.failures.getByRole('listitem').filter({ has: this.page.getByText(file, { exact: true }) })
  }
  duplicate(file: string) {
    return this.duplicates.getByRole('listitem').filter({ has: this.page.getByText(file, { exact: true }) })
  }
  /** 共 n 个文件 / 共 n 个网址 and the counts. */
  get counts() {
    return this.summary.getByTestId('import-counts')
  }
  /** Why the batch stopped (the project could not be written), when it did. */
  get stopped() {
    return this.summary.getByTestId('import-stopped')
  }
  /** 「仍然导入」 beside one file refused as not an annual report. */
  importAnywayButton(file: string) {
    return this.summary.getByRole('button', { name: `仍然导入 ${file}` })
  }
  /** 「全部仍然导入（n）」 above the list. */
  get importAllAnywayButton() {
    return this.summary.getByRole('button', { name: /^全部仍然导入/ })
  }
  async importAnyway(file: string) {
    await this.importAnywayButton(file).click()
  }
  async showDuplicates() {
    await this.summary.getByText(/^重复的文件（未再导入）/).click()
  }
  async copyList() {
    await this.summary.getByRole('button', { name: '复制列表' }).click()
  }
  async exportList() {
    await this.summary.getByRole('button', { name: '导出为表格…' }).click()
  }
  async close() {
    await this.summary.getByRole('button', { name: /close|关闭/i }).click()
  }
  /** Waits for the summary of the import that just ran, e.g. `导入 4`. */
  async waitForSummary(text: string | RegExp) {
    await expect(this.summary).toContainText(text)
  }
}

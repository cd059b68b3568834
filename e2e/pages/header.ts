// Page object: the window's header, present on every screen (imports, the project menu, the reviewer's
// name, settings, language), and the notices under it about the open project.
import type { Page } from '@playwright/test'

export class Header {
  constructor(readonly page: Page) {}

  get projectName() {
    return this.page.getByTestId('project-name')
  }
  get importFilesButton() {
    return this.page.getByRole('button', { name: '导入文件…' }).first()
  }
  get importFolderButton() {
    return this.page.getByRole('button', { name: '导入文件夹…' }).first()
  }
  /** 「审核人：张三」, or 「审核人：未署名」 before the reviewer gave a name. */
  get reviewer() {
    return this.page.getByRole('button', { name: /^审核人：/ })
  }
  /** 只读 beside the project's name when it opened read-only (its tooltip says why). */
  get readOnlyTag() {
    return this.page.getByTestId('read-only-tag')
  }
  /** 审核记录异常 beside the project's name when the audit trail's chain breaks. */
  get auditBrokenTag() {
    return this.page.getByTestId('audit-broken-tag')
  }
  /** The notices under the header: read-only, audit trail altered, no project open. */
  get readOnlyNotice() {
    return this.page.getByTestId('project-read-only')
  }
  get auditNotice() {
    return this.page.getByTestId('project-audit-broken')
  }
  get settingsButton() {
    return this.page.getByRole('button', { name: '设置', exact: true })
  }

  /** The window's two tabs: 报送情况 (the roster) and 报告库 (the library). */
  async tab(name: '报送情况' | '报告库') {
    await this.page.locator('.n-tabs-tab', { hasText: name }).click()
  }
  async importFiles() {
    await this.importFilesButton.click()
  }
  async importFolder() {
    await this.importFolderButton.click()
  }
  /** 项目 ▾ → 新建项目… / 打开项目… / 另存为… / 保存项目副本… */
  async projectMenu(entry: string) {
    await this.page.getByRole('button', { name: /^项目/ }).click()
    await this.page.getByText(entry, { exact: true }).click()
  }
  async language(label: '中文' | 'English') {
    await this.page.getByRole('combobox', { name: /界面语言|Language/ }).or(this.page.locator('header .n-select')).first().click()
    await this.page.getByText(label, { exact: true }).click()
  }
}

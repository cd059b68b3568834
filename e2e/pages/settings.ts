// Page object: the settings drawer (the reviewer's name, language, the project's checklists) and the
// checklist editor it opens.
import { expect, type Page } from '@playwright/test'

export class SettingsPage {
  constructor(readonly page: Page) {}

  get drawer() {
    return this.page.getByTestId('settings')
  }
  get reviewerName() {
    return this.page.getByRole('textbox', { name: '审核人姓名' })
  }
  /** A checklist's entry by its id (default, statutory, default-copy, …). */
  checklist(id: string) {
    return this.page.locator(`[data-checklist="${id}"]`)
  }
  get editor() {
    return new ChecklistEditor(this.page)
  }

  /** The standard wording of the text comparison (what is never counted as copied). */
  get wording() {
    return new WordingList(this.page)
  }

  async open() {
    await this.page.getByRole('button', { name: '设置', exact: true }).click()
    await expect(this.drawer).toBeVisible()
  }
  async close() {
    await this.page.keyboard.press('Escape')
    await expect(this.drawer).toBeHidden()
  }
  async setReviewerName(name: string) {
    await this.reviewerName.fill(name)
    await this.reviewerName.press('Enter')
  }
  async use(id: string) {
    await this.checklist(id).getByRole('button', { name: '使用此清单' }).click()
  }
  async duplicate(id: string): Promise<ChecklistEditor> {
    await this.checklist(id).getByRole('button', { name: '复制' }).click()
    await expect(this.editor.root).toBeVisible()
    return this.editor
  }
}

export class ChecklistEditor {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole('dialog', { name: /^编辑清单/ })
  }
  /** The part of the dialog that scrolls (the items); the title and the buttons stay in view. */
  get body() {
    return this.root.getByTestId('checklist-editor-body')
  }
  itemName(n: number) {
    return this.root.getByRole('textbox', { name: `${n} 名称（中文）` })
  }
  headings(n: number) {
    return this.root.getByRole('textbox', { name: `${n} 标题写法（每行一个，可用正则）` })
  }
  /** A field of 问题检查设置 (the findings' thresholds) by its label. */
  threshold(label: '最少数据条数' | '公开期限（次年 月-日）' | '沿用上年文字提示线（%）' | '雷同文字字数') {
    return this.root.getByRole('textbox', { name: label })
  }
  async save() {
    await this.root.getByRole('button', { name: '保存' }).click()
  }
  async cancel() {
    await this.root.getByRole('button', { name: '取消' }).click()
  }
}

/** The standard-wording list in the settings drawer: filter, add, remove. */
export class WordingList {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('common-wording')
  }
  get input() {
    return this.root.getByRole('textbox', { name: /^输入一句标准表述/ })
  }
  get filter() {
    return this.root.getByRole('textbox', { name: '筛选' })
  }
  /** A phrase's row in the list. */
  phrase(text: string) {
    return this.root.locator(`li[data-phrase="${text}"]`)
  }
  async add(text: string) {
    await this.input.fill(text)
    await this.root.getByRole('button', { name: '添加' }).click()
  }
  async remove(text: string) {
    await this.root.getByRole('button', { name: `移除 ${text}` }).click()
  }
}

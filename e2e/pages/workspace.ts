/// <reference lib="dom" />
// Page object: the review workspace (a report's text beside its checklist) and its audit-trail drawer.
import { expect, type Locator, type Page } from '@playwright/test'

/** The default checklist's items by name, as the workspace shows them. */
export const ITEMS = {
  leadership: '组织领导（第一责任人职责）',
  enforcement: '行政执法',
  publicity: '普法与法治宣传教育',
  shortcomings: '存在的不足和原因',
  plans: '下一年度工作安排'
} as const

export class WorkspacePage {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('review')
  }
  /** The file name of the report on screen. */
  currentFile() {
    return this.root.getAttribute('data-file')
  }
  get title() {
    return this.page.getByTestId('review-title')
  }
  get position() {
    return this.page.getByTestId('review-position')
  }
  get text() {
    return this.page.getByTestId('report-text')
  }
  get outline() {
    return this.page.getByRole('navigation', { name: '目录' })
  }
  get findings() {
    return this.root.getByRole('region', { name: '发现的问题' })
  }
  get annotations() {
    return this.root.getByRole('region', { name: /^批注/ })
  }
  get annotationItems() {
    return this.annotations.getByRole('listitem')
  }
  get opinion() {
    return this.page.getByRole('textbox', { name: '审核意见' })
  }
  get selectionBar() {
    return this.page.getByRole('toolbar', { name: '批注为' })
  }
  /** What reading and checking noted about the file (a document imported though it is not a report, damaged bytes …). */
  get warnings() {
    return this.page.getByTestId('report-warnings')
  }
  /** The review's editing panes (items, overall verdict, score, annotations): disabled in a read-only project. */
  get edits() {
    return this.page.getByTestId('review-edits')
  }
  get undoButton() {
    return this.page.getByRole('button', { name: '撤销', exact: true })
  }
  get redoButton() {
    return this.page.getByRole('button', { name: '重做', exact: true })
  }
  /** Reads another file of the same submission (another format or version) in place of the one on screen. */
  async openFile(name: string) {
    await this.page.getByTestId('submission-files').click()
    await this.page.locator('.n-base-select-option').filter({ hasText: name }).click()
    await expect(this.root).toHaveAttribute('data-file', name)
  }
  get otherVersion() {
    return this.page.getByTestId('other-version')
  }

  /** A checklist item's card, by its name. */
  item(name: string): Locator {
    return this.root.getByRole('region', { name, exact: true })
  }
  verdict(item: string, label: '符合' | '部分符合' | '缺失' | '不适用'): Locator {
    return this.item(item).getByRole('radio', { name: label, exact: true })
  }
  reason(item: string): Locator {
    return this.item(item).getByRole('textbox', { name: /理由/ })
  }
  /** The passages found as evidence, once the item is opened. */
  evidence(item: string): Locator {
    return this.item(item).getByRole('list', { name: '证据' }).getByRole('link')
  }
  overall(label: '通过' | '需修改' | '不通过'): Locator {
    return this.root.getByRole('radiogroup', { name: '总体结论' }).getByRole('radio', { name: label, exact: true })
  }

  /** Picks a verdict (the radio's label is what the reviewer clicks). */
  async judge(item: string, label: '符合' | '部分符合' | '缺失' | '不适用') {
    await this.verdict(item, label).locator('xpath=..').click()
  }
  async setOverall(label: '通过' | '需修改' | '不通过') {
    await this.overall(label).locator('xpath=..').click()
  }
  async openItem(item: string) {
    await this.item(item).getByRole('button', { expanded: false }).click()
  }
  async setReason(item: string, text: string) {
    await this.reason(item).fill(text)
    await this.reason(item).press('Enter')
  }
  async back() {
    // 返回报告库, or 返回报送情况 when the report was opened from the roster
    await this.page.getByRole('button', { name: /^← 返回(报告库|报送情况)/ }).click()
  }
  async undo() {
    await this.undoButton.click()
  }
  /** Selects the first occurrence of `phrase` in the report text, as a mouse drag would. */
  async selectText(phrase: string) {
    await this.text.evaluate((root, p) => {
      // a mouse drag in the text takes the focus away from any field
      ;(document.activeElement as HTMLElement | null)?.blur()
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(p)
        if (i < 0) continue
        const r = document.createRange()
        r.setStart(n, i)
        r.setEnd(n, i + p.length)
        const sel = window.getSelection()!
        sel.removeAllRanges()
        sel.addRange(r)
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
        return
      }
      throw new Error(`text not found: ${p}`)
    }, phrase)
  }
  /** Clicks a blank spot of the text, leaving any field (and its undo) behind. */
  async clickText() {
    await this.text.click({ position: { x: 5, y: 5 } })
  }
  async openAudit(): Promise<AuditDrawer> {
    await this.page.getByRole('button', { name: '审核记录' }).click()
    const drawer = new AuditDrawer(this.page)
    await expect(drawer.root).toBeVisible()
    return drawer
  }
}

export class AuditDrawer {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole('list', { name: '审核记录' })
  }
  /** Said at the top when the audit trail's hash chain breaks. */
  get brokenNotice() {
    return this.page.getByTestId('audit-broken')
  }
  /** Entries, newest first; of one action ('overall', 'item-verdict', …) when given. */
  entries(action?: string): Locator {
    const all = this.root.getByRole('listitem')
    return action ? all.and(this.page.locator(`[data-action="${action}"]`)) : all
  }
  async close() {
    await this.page.keyboard.press('Escape')
    await expect(this.root).toBeHidden()
  }
}

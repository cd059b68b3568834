// A tag for table cells drawn as a plain span that looks like naive-ui's small NTag: the virtual
// tables (library, roster) mount dozens of tags on every scrolled frame, and an NTag is a component
// with its own theme computed per instance, too heavy for that (see docs/benchmarks.md). Styled by
// classes from one stylesheet, so a mounted row sets no inline styles.
import { h, type VNode } from 'vue'

export type CellTagType = 'default' | 'success' | 'warning' | 'error' | 'info'

/** naive-ui's light theme colours, as NTag uses them. */
const RGB: Record<Exclude<CellTagType, 'default'>, string> = { success: '24, 160, 88', warning: '240, 160, 32', error: '208, 48, 80', info: '32, 128, 240' }

function css(): string {
  const rules = [
    '.cell-tag{display:inline-flex;align-items:center;box-sizing:border-box;height:22px;padding:0 7px;font-size:12px;line-height:1;white-space:nowrap;vertical-align:middle;border-radius:2px;color:rgb(51,54,56);background:rgb(250,250,252);border:1px solid rgb(224,224,230)}',
    '.cell-tag.plain{background:#eee;border-color:transparent}',
    '.cell-tag.round{border-radius:11px}'
  ]
  for (const [type, rgb] of Object.entries(RGB)) {
    rules.push(`.cell-tag.${type}{color:rgb(${rgb});background:rgba(${rgb},0.1);border-color:rgba(${rgb},0.3)}`)
    rules.push(`.cell-tag.${type}.plain{background:rgba(${rgb},0.12);border-color:transparent}`)
  }
  return rules.join('\n')
}

let styled = false
function ensureStyle() {
  if (styled || typeof document === 'undefined') return
  styled = true
  const el = document.createElement('style')
  el.dataset.cellTag = ''
  el.textContent = css()
  document.head.appendChild(el)
}

/** A small tag: `bordered` as NTag's (default true), `round` for finding badges; attrs go on the span. */
export function cellTag(text: string, type: CellTagType = 'default', opts: { bordered?: boolean; round?: boolean; class?: string; attrs?: Record<string, unknown> } = {}): VNode {
  ensureStyle()
  const cls = `cell-tag ${type}${opts.bordered === false ? ' plain' : ''}${opts.round ? ' round' : ''}${opts.class ? ` ${opts.class}` : ''}`
  return h('span', { class: cls, ...opts.attrs }, text)
}

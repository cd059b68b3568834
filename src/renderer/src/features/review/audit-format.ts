// Decodes an audit-trail entry into the words the drawer shows: when, who, what changed (an undo or a
// redo said as such), and the value before and after, each stored value read according to its action.
import type { AuditEntry } from '../../../../shared/models/review'

type T = (key: string, named?: Record<string, unknown>) => string

export interface AuditContext {
  t: T
  /** The name of a checklist item in the interface's language (its id when unknown). */
  itemName: (id: string) => string
}

export interface AuditLine {
  /** Local time, `YYYY-MM-DD HH:mm:ss`: one short line whatever the language. */
  when: string
  who: string
  /** 「项目结论 · 存在的不足和原因」, 「撤销：总体结论」 */
  what: string
  before: string
  after: string
  via: AuditEntry['via']
}

const pad = (n: number) => String(n).padStart(2, '0')

export function formatWhen(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

const ANNOTATION_ACTIONS = new Set(['annotation-add', 'annotation-edit', 'annotation-delete', 'annotation-restore', 'annotation-move'])

function parse(v: string): Record<string, unknown> | null {
  try {
    const o: unknown = JSON.parse(v)
    return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : null
  } catch {
    return null
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** One stored value (old or new) of an entry, read the way its action wrote it. */
export function formatAuditValue(action: string, value: string | null, ctx: AuditContext): string {
  const { t } = ctx
  if (value === null || value === '') return '—'
  if (action === 'overall') return ['pass', 'revise', 'fail'].includes(value) ? t(`review.overall.${value}`) : value
  if (action === 'opinion') return value
  const o = parse(value)
  if (!o) return value
  if (action === 'item-verdict') {
    const verdict = str(o.verdict)
    const name = ['meets', 'partial', 'missing', 'not-applicable'].includes(verdict) ? t(`review.verdict.${verdict}`) : verdict
    return str(o.reason) ? `${name}（${str(o.reason)}）` : name
  }
  if (ANNOTATION_ACTIONS.has(action)) {
    const parts: string[] = []
    if (str(o.itemId)) parts.push(ctx.itemName(str(o.itemId)))
    if (str(o.quote)) parts.push(`“${str(o.quote)}”`)
    if (typeof o.start === 'number' && typeof o.end === 'number') parts.push(t('review.auditRange', { start: o.start + 1, end: o.end }))
    const head = parts.join(' ')
    return str(o.comment) ? `${head}${head ? ' — ' : ''}${str(o.comment)}` : head || '—'
  }
  return value
}

export function formatAudit(e: AuditEntry, ctx: AuditContext): AuditLine {
  const { t } = ctx
  const known = ['item-verdict', 'overall', 'opinion', ...ANNOTATION_ACTIONS].includes(e.action)
  const label = known ? t(`review.audit.${e.action}`) : e.action
  const subject = e.action === 'item-verdict' ? ` · ${ctx.itemName(e.target)}` : ''
  const what = `${label}${subject}`
  return {
    when: formatWhen(e.at),
    who: e.reviewer,
    what: e.via ? t(`review.auditVia.${e.via}`, { what }) : what,
    before: formatAuditValue(e.action, e.oldValue, ctx),
    after: formatAuditValue(e.action, e.newValue, ctx),
    via: e.via
  }
}

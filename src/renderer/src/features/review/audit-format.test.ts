// Every kind of audit-trail entry the store writes, as the drawer shows it in Chinese.
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../../../shared/models/review'
import { i18n } from '../../app/i18n'
import { formatAudit, formatWhen } from './audit-format'

const NAMES: Record<string, string> = { shortcomings: '存在的不足和原因', leadership: '组织领导（第一责任人职责）' }
const ctx = { t: i18n.global.t as (k: string, n?: Record<string, unknown>) => string, itemName: (id: string) => NAMES[id] ?? id }

const entry = (action: string, oldValue: string | null, newValue: string | null, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 1,
  reportId: 7,
  at: new Date(2025, 2, 14, 9, 5, 7).toISOString(),
  reviewer: '李审核',
  action,
  target: 'report',
  oldValue,
  newValue,
  via: null,
  ...extra
})

const verdict = (v: string, reason = '') => JSON.stringify({ verdict: v, reason })
const note = (o: Record<string, unknown>) => JSON.stringify(o)

describe('formatAudit', () => {
  it.each<[string, AuditEntry, { what: string; before: string; after: string }]>([
    ['an item verdict set with a reason', entry('item-verdict', null, verdict('partial', '原因分析不具体'), { target: 'shortcomings' }), { what: '项目结论 · 存在的不足和原因', before: '—', after: '部分符合（原因分析不具体）' }],
    ['an item verdict changed, then cleared', entry('item-verdict', verdict('meets'), null, { target: 'leadership' }), { what: '项目结论 · 组织领导（第一责任人职责）', before: '符合', after: '—' }],
    ['the overall verdict', entry('overall', 'revise', 'fail'), { what: '总体结论', before: '需修改', after: '不通过' }],
    ['the opinion, as written', entry('opinion', null, '请补充问题原因后重新公开。'), { what: '审核意见', before: '—', after: '请补充问题原因后重新公开。' }],
    ['an annotation added', entry('annotation-add', null, note({ itemId: 'leadership', quote: '一是加强组织领导', comment: '' }), { target: '3' }), { what: '添加批注', before: '—', after: '组织领导（第一责任人职责） “一是加强组织领导”' }],
    [
      'an annotation’s comment edited',
      entry('annotation-edit', note({ itemId: 'leadership', comment: '' }), note({ itemId: 'leadership', comment: '措施具体' }), { target: '3' }),
      { what: '修改批注', before: '组织领导（第一责任人职责）', after: '组织领导（第一责任人职责） — 措施具体' }
    ],
    ['an annotation deleted', entry('annotation-delete', note({ itemId: 'shortcomings', quote: '存在问题', comment: '太笼统' }), null, { target: '3' }), { what: '删除批注', before: '存在的不足和原因 “存在问题” — 太笼统', after: '—' }],
    ['an annotation restored', entry('annotation-restore', null, note({ itemId: 'shortcomings', quote: '存在问题', comment: '' }), { target: '3' }), { what: '恢复批注', before: '—', after: '存在的不足和原因 “存在问题”' }],
    ['an annotation moved with its text', entry('annotation-move', note({ start: 10, end: 18, quote: '一是加强组织领导' }), note({ start: 12, end: 20, quote: '一是加强组织领导' }), { reviewer: '系统' }), { what: '批注随正文移位', before: '“一是加强组织领导” 第 11–18 字', after: '“一是加强组织领导” 第 13–20 字' }],
    ['an undo is said to be one', entry('overall', 'fail', 'revise', { via: 'undo' }), { what: '撤销：总体结论', before: '不通过', after: '需修改' }],
    ['a redo is said to be one', entry('item-verdict', null, verdict('missing'), { target: 'shortcomings', via: 'redo' }), { what: '重做：项目结论 · 存在的不足和原因', before: '—', after: '缺失' }],
    ['an action this version does not know is shown as stored', entry('report-reopened', null, '{"x":1}'), { what: 'report-reopened', before: '—', after: '{"x":1}' }],
    ['an unknown verdict or item keeps its code', entry('item-verdict', null, verdict('waived'), { target: 'extra-item' }), { what: '项目结论 · extra-item', before: '—', after: 'waived' }]
  ])('%s', (_name, e, expected) => {
    const line = formatAudit(e, ctx)
    expect({ what: line.what, before: line.before, after: line.after }).toEqual(expected)
    expect(line.when).toBe('2025-03-14 09:05:07')
    expect(line.who).toBe(e.reviewer)
  })
})

describe('formatWhen', () => {
  it('keeps a value it cannot read', () => {
    expect(formatWhen('昨天')).toBe('昨天')
  })
})

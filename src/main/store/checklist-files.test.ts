// A checklist error names the item and field in words, not as a zod path.
import { describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { parseChecklist } from './checklist-files'
import { describeChecklistPath } from '../../shared/schemas/checklist'

const bundled = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/checklists/default.json'), 'utf8'))

describe('checklist errors', () => {
  it('names the item by number and name, and the field in Chinese', () => {
    const bad = structuredClone(bundled)
    bad.items[0].headings.push('组织(领导')
    const n = bad.items[0].headings.length
    expect(() => parseChecklist(bad, '（编辑中的清单）')).toThrow(`第 1 项「${bad.items[0].name.zh}」的标题写法第 ${n} 条不是有效的正则表达式`)
  })

  it.each([
    [['items', 2, 'vocabulary', 4, 'term'], `第 3 项「${bundled.items[2].name.zh}」的关键词第 5 条的词语`],
    [['findings', 'publishBy'], '问题检查设置的公开期限'],
    [['items'], '审核项'],
    [[], '清单']
  ])('describes %j', (p, words) => {
    expect(describeChecklistPath(bundled, p)).toBe(words)
  })
})

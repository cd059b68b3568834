// Re-finding an annotated passage after the text changed.
import { describe, expect, it } from 'vitest'
import { makeAnchor, resolveAnchor } from './anchor'

const text = '一、主要举措。我镇全年开展普法宣传活动12场，覆盖群众3000余人次。二、存在的不足和原因。普法宣传形式较为单一，原因是专业人员不足。三、下一步工作安排。继续开展普法宣传活动。'

describe('resolveAnchor', () => {
  const start = text.indexOf('普法宣传形式较为单一')
  const anchor = makeAnchor(text, start, start + '普法宣传形式较为单一'.length)

  it('keeps the offsets while the text is unchanged', () => {
    expect(resolveAnchor(text, anchor)).toEqual({ start: anchor.start, end: anchor.end, how: 'exact' })
  })

  it.each([
    ['text inserted before the passage', (t: string) => t.replace('一、主要举措。', '一、主要举措和成效。（新增一段文字。）')],
    ['text deleted before the passage', (t: string) => t.replace('，覆盖群众3000余人次', '')],
    ['a corrected version with changes on both sides', (t: string) => `关于2024年度法治政府建设情况的报告\n${t.replace('专业人员不足', '专业人员数量不足')}`]
  ])('re-finds the quote after %s', (_label, change) => {
    const changed = change(text)
    const r = resolveAnchor(changed, anchor)!
    expect(r.how).toBe('moved')
    expect(changed.slice(r.start, r.end)).toBe('普法宣传形式较为单一')
  })

  it('among repeated phrases, picks the one whose context matches', () => {
    const s = text.lastIndexOf('普法宣传活动')
    const a = makeAnchor(text, s, s + '普法宣传活动'.length)
    const changed = `前言。${text}`
    const r = resolveAnchor(changed, a)!
    expect(r.start).toBe(changed.lastIndexOf('普法宣传活动'))
    // and the first occurrence when that was the one marked
    const f = text.indexOf('普法宣传活动')
    const r2 = resolveAnchor(changed, makeAnchor(text, f, f + 6))!
    expect(r2.start).toBe(changed.indexOf('普法宣传活动'))
  })

  it('when the quote itself was edited, takes what lies between its old context', () => {
    const changed = text.replace('普法宣传形式较为单一', '普法宣传的形式还比较单一')
    const r = resolveAnchor(changed, anchor)!
    expect(r.how).toBe('context')
    expect(changed.slice(r.start, r.end)).toBe('普法宣传的形式还比较单一')
  })

  it('gives up when neither the quote nor its context remains', () => {
    expect(resolveAnchor('一份完全不同的报告正文，没有任何相同的句子。', anchor)).toBeNull()
  })
})

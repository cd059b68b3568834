// An edited checklist checked in the window: the problem, in main's words, and the field to point at.
import { describe, expect, it } from 'vitest'
import type { Checklist } from '../../../../shared/models/checklist'
import defaultChecklist from '../../../../../resources/checklists/default.json'
import { checkChecklist, fieldOf, lineOfEntry } from './checklist-check'

/** The bundled default checklist, a fresh copy for each test to spoil. */
const bundled = (): Checklist => structuredClone(defaultChecklist) as Checklist

describe('checkChecklist', () => {
  it('accepts the bundled checklist', () => {
    expect(checkChecklist(bundled())).toBeNull()
  })

  it('names a bad pattern as main does, and points at the item’s headings and the entry', () => {
    const c = bundled()
    c.items[0]!.headings.push('([')
    const n = c.items[0]!.headings.length
    expect(checkChecklist(c)).toEqual({ field: '0:headings', entry: n - 1, message: `第 1 项「${c.items[0]!.name.zh}」的标题写法第 ${n} 条不是有效的正则表达式` })
  })

  it('points at the vocabulary when a term is a bad pattern', () => {
    const c = bundled()
    c.items[2]!.vocabulary.unshift({ term: '普法(', weight: 1 })
    expect(checkChecklist(c)).toMatchObject({ field: '2:vocabulary', entry: 0 })
  })

  it('points at the item’s name when it is empty', () => {
    const c = bundled()
    c.items[1]!.name.zh = ''
    expect(checkChecklist(c)).toMatchObject({ field: '1:name.zh', entry: null })
  })
})

describe('the findings thresholds', () => {
  it('names a publication deadline that is not a month and day, at its field', () => {
    const c = bundled()
    c.findings.publishBy = '4月1日'
    expect(checkChecklist(c)).toEqual({ field: 'findings.publishBy', entry: null, message: '问题检查设置的公开期限应写作 MM-DD（月-日），如 04-01' })
    c.findings.publishBy = '13-01'
    expect(checkChecklist(c)).toMatchObject({ field: 'findings.publishBy' })
  })

  it('refuses a copy share above 100% or at 0, and a shared-text length below one character, in Chinese', () => {
    const c = bundled()
    c.findings.copyShare = 1.5
    expect(checkChecklist(c)).toMatchObject({ field: 'findings.copyShare', message: expect.stringMatching(/^问题检查设置的沿用上年文字提示线.*100%/) })
    c.findings.copyShare = 0
    expect(checkChecklist(c)).toMatchObject({ field: 'findings.copyShare' })
    c.findings.copyShare = 0.3
    c.findings.sharedMinChars = 0
    expect(checkChecklist(c)).toMatchObject({ field: 'findings.sharedMinChars', message: expect.stringMatching(/^问题检查设置的雷同文字字数.*1/) })
    c.findings.sharedMinChars = 100
    c.findings.minFigures = -1
    expect(checkChecklist(c)).toMatchObject({ field: 'findings.minFigures', message: expect.stringMatching(/^问题检查设置的最少数据条数/) })
  })
})

describe('fieldOf', () => {
  it.each<[PropertyKey[], string | null, number | null]>([
    [['name', 'en'], 'name.en', null],
    [['items', 3, 'thresholds', 'partial'], '3:partial', null],
    [['items', 0, 'short', 'zh'], '0:name.zh', null],
    [['items', 4, 'vocabulary', 7, 'weight'], '4:vocabulary', 7],
    [['items'], null, null],
    [['findings', 'publishBy'], 'findings.publishBy', null],
    [['findings', 'copyShare'], 'findings.copyShare', null],
    [['findings'], null, null]
  ])('%j → %s', (p, field, entry) => {
    expect(fieldOf(p)).toEqual({ field, entry })
  })
})

describe('lineOfEntry', () => {
  it('counts entries, not blank lines', () => {
    expect(lineOfEntry('一、\n\n（一）\n  \n([', 2)).toBe(4)
    expect(lineOfEntry('a\nb', 0)).toBe(0)
  })
})

// The parts of a report by what they are: about a later year, told in the future, standing where
// plans stand; any numbering, run-in or own line, any order. Then the variant set built from the three
// full reports (tests/helpers/variants.ts): issue 10 asks for item statuses right on ≥ 98% of it and
// every cut part reported not present.

import { describe, expect, it } from 'vitest'
import { allVariants, ITEMS } from '../../../tests/helpers/variants'
import type { ExtractedDoc } from '../../shared/models/report'
import { loadChecklist } from '../store/checklist-files'
import { analyze } from './analyze'
import { classifyHeading, speaksOfFuture, tenseOf } from './sections'

const checklist = loadChecklist('default')
const doc = (text: string): ExtractedDoc => ({ format: 'txt', encoding: 'utf-8', text, blocks: [], warnings: [] })
const statusOf = (text: string, id: string) => analyze(doc(text), checklist).items.find((i) => i.id === id)!.status

const WORK = [
  '(一)加强组织领导。党政主要负责人履行推进法治建设第一责任人职责,成立法治建设领导小组,专题研究法治工作3次。',
  '(二)规范行政执法。落实行政执法三项制度,办理行政处罚案件26件,组织执法人员培训4次。'
]
const PROBLEMS = '一是普法针对性不强,宣传形式单一。二是执法人员数量不足,素质有待提高。原因主要是基层力量薄弱。'
const PLANS = '一是继续加强组织领导,进一步压实第一责任人职责。二是将持续规范行政执法,着力提升执法水平。'

describe('what a heading says, with the report’s year', () => {
  it.each([
    ['四、2021年推进法治政府建设的主要措施', 2020, 'plans'],
    ['二、2020年推进法治政府建设的主要措施', 2020, 'work'],
    ['三、2025年工作重点', 2024, 'plans'],
    ['三、重点工作', 2024, 'plan?'],
    ['一、上一年度推进法治政府建设的主要举措和成效', 2024, 'work'],
    ['四、下一年度推进法治政府建设的主要安排', 2024, 'plans'],
    ['二、存在的短板和差距', 2024, 'shortcomings'],
    ['二、工作中的薄弱环节', 2024, 'shortcomings'],
    ['三、存在的问题及下一步打算', 2024, 'mixed'],
    ['三、存在问题及整改措施', 2024, 'mixed'],
    ['一、上一年度法治建设问题整改“回头看”', 2024, 'work'],
    ['(三)依法化解矛盾纠纷,着力解决群众急难愁盼问题', 2024, 'work'],
    ['第三部分 今后工作思路', 2024, 'plans'],
    ['3.2025年工作计划', 2024, 'plans'],
    ['三、二〇二四年推进法治政府建设的主要措施', 2023, 'plans'],
    ['一、二〇二三年主要举措', 2023, 'work'],
    ['五、其他需要报告的情况', 2024, 'other']
  ] as const)('%s (report year %i) → %s', (heading, year, role) => expect(classifyHeading(heading, year)).toBe(role))

  it.each([
    [PLANS, true],
    ['成立了法治建设领导小组,全年办理行政处罚案件26件,开展普法活动12场,已完成年度任务。', false],
    ['将法治政府建设纳入年度考核,组织学法4次,办理复议案件3件。', false]
  ])('speaks of the future: %s → %s', (text, future) => expect(speaksOfFuture(tenseOf(text))).toBe(future))
})

describe('the next-year plan is found by what it is', () => {
  const report = (plansHeading: string, year = 2020) => ['新城镇' + year + '年法治政府建设情况报告', '一、主要工作和成效', ...WORK, '二、存在的不足和原因', PROBLEMS, plansHeading, PLANS].join('\n')

  it('「2021年推进法治政府建设的主要措施」 in a 2020 report is the plan (issue 10)', () => {
    expect(statusOf(report('四、2021年推进法治政府建设的主要措施'), 'plans')).toBe('present')
  })

  it('「主要措施」 with no year: the plan when it stands after the shortcomings and tells what will be done', () => {
    expect(statusOf(report('三、推进法治政府建设的主要措施'), 'plans')).toBe('present')
  })

  it.each(['三、下一步工作打算', '第三部分 2021年工作安排', '3.今后工作思路', '（三）下步打算', '下一年度推进法治政府建设的主要安排'])('%s', (heading) => {
    expect(statusOf(report(heading), 'plans')).toBe('present')
  })

  it('a run-in plans heading', () => {
    expect(statusOf(report(`三、下一步工作打算。${PLANS}`).replace(`\n${PLANS}`, ''), 'plans')).toBe('present')
  })

  it('plans merged with the shortcomings under one heading, with and without subheadings', () => {
    const withSubs = ['某镇2020年法治政府建设情况报告', '一、主要工作和成效', ...WORK, '二、存在的问题及下一步打算', '（一）存在的问题', PROBLEMS, '（二）下一步打算', PLANS].join('\n')
    const flat = ['某镇2020年法治政府建设情况报告', '一、主要工作和成效', ...WORK, '二、存在的问题及下一步打算', PROBLEMS, PLANS].join('\n')
    for (const text of [withSubs, flat]) {
      expect(statusOf(text, 'shortcomings')).not.toBe('missing')
      expect(statusOf(text, 'plans')).toBe('present')
    }
  })

  it('a report that opens with the first-responsible-person part, in any order', () => {
    const text = ['某镇2020年法治政府建设情况报告', '一、党政主要负责人履行推进法治建设第一责任人职责情况', WORK[0], '二、推进法治政府建设的主要举措和成效', WORK[1], '三、下一步工作打算', PLANS, '四、存在的问题', PROBLEMS].join('\n')
    const a = analyze(doc(text), checklist)
    expect(a.items.map((i) => [i.id, i.status])).toEqual([
      ['leadership', 'present'],
      ['enforcement', 'present'],
      ['publicity', 'missing'],
      ['shortcomings', 'present'],
      ['plans', 'present']
    ])
  })

  it('no plan without a part for it: a closing exhortation after the shortcomings is not one', () => {
    const text = ['某镇2020年法治政府建设情况报告', '一、主要工作和成效', ...WORK, '二、存在的不足和原因', PROBLEMS, '全镇要在镇党委的坚强领导下,着力提升法治思维,积极落实法治政府建设各项工作。'].join('\n')
    expect(statusOf(text, 'plans')).toBe('missing')
  })
})

describe('the variant set (three full reports × cut × numbering × layout, reworded)', () => {
  const variants = allVariants()
  const results = variants.map((v) => ({ v, items: analyze(doc(v.text), checklist).items }))

  it('item statuses are right on at least 98% of the variant set, and no miss goes unnamed', () => {
    let right = 0
    const wrong: string[] = []
    for (const { v, items } of results) {
      for (const id of ITEMS) {
        const status = items.find((i) => i.id === id)!.status
        if (v.expected[id].includes(status)) right++
        else wrong.push(`${v.name} ${id}: ${status}`)
      }
    }
    const share = right / (results.length * ITEMS.length)
    expect(share, wrong.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.98)
    // All 3,600 are right today (README's figure): any new miss is named here rather than hidden under the 98%.
    expect(wrong).toEqual([])
  })

  it('every cut part is reported not present', () => {
    const present = results.filter(({ v, items }) => v.cut && items.find((i) => i.id === v.cut)!.status === 'present').map(({ v }) => v.name)
    expect(present).toEqual([])
  })

  it('covers every cut, numbering style and layout', () => {
    expect(variants.length).toBe(3 * 6 * 5 * 8)
    expect(new Set(variants.map((v) => v.text)).size).toBe(variants.length)
  })
})

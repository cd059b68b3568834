import { describe, expect, it } from 'vitest'
import { classifyHeading } from './sections'
import { findHeadings, splitLines } from './structure'

function headings(text: string) {
  return findHeadings(splitLines(text), 0).map((h) => [h.level, h.text, h.runIn])
}

describe('headings', () => {
  it.each([
    ['一、2020年主要工作和成效', [[1, '一、2020年主要工作和成效', false]]],
    ['(一)全面加强组织领导,切实履行工作责任。将法治政府建设重点任务纳入', [[2, '(一)全面加强组织领导,切实履行工作责任', true]]],
    ['(一)学习宣传贯彻党的二十大精神。', [[2, '(一)学习宣传贯彻党的二十大精神。', false]]],
    ['1.优化组织架构', [[3, '1.优化组织架构', false]]],
    ['(1)规范执法流程', [[4, '(1)规范执法流程', false]]],
    ['第二部分 存在的问题', [[1, '第二部分存在的问题', false]]],
    ['一)强化组织领导', [[1, '一)强化组织领导', false]]],
    ['存在的问题和不足', [[1, '存在的问题和不足', false]]],
    [
      '一是加强组织领导。镇党委切实履行职责;二是强化制度保证。建立健全机制。',
      [
        [5, '一是加强组织领导', true],
        [5, '二是强化制度保证', true]
      ]
    ],
    ['2024年,葛坑镇始终围绕全镇经济社会发展实际开展工作。', []],
    ['1.5万人参加了学法考试。', []]
  ])('%s', (line, expected) => {
    const normalized = line.replace(/ /g, '')
    expect(headings(normalized)).toEqual(expected)
  })
})

describe('section roles from heading phrasings', () => {
  it.each([
    ['一、2023年法治政府建设主要举措和成效', 'work'],
    ['一、区政府主要负责同志履行推进法治建设第一责任人职责情况', 'work'],
    ['二、存在的问题和不足', 'shortcomings'],
    ['二、存在的不足和原因', 'shortcomings'],
    ['二、存在的主要问题', 'shortcomings'],
    ['二、2024年度推进法治政府建设存在的不足和原因', 'shortcomings'],
    ['三、下一步工作打算', 'plans'],
    ['三、2021年工作安排', 'plans'],
    ['四、下一年度主要安排', 'plans'],
    ['三、下一年度推进法治政府建设的主要安排', 'plans'],
    ['四、今后工作思路', 'plans'],
    ['二、存在问题及下一步打算', 'mixed'],
    ['五、其他需要报告的情况', 'other'],
    ['(三)依法化解矛盾纠纷,维护社会稳定', 'work'],
    ['三、规范执法行为,提升依法行政水平', 'work']
  ])('%s → %s', (heading, role) => expect(classifyHeading(heading)).toBe(role))
})

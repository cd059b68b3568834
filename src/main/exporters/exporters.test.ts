// What the reviewer sends, read back with independent readers (read-excel-file for the workbook, ExcelJS
// only for its page setup, mammoth for Word, the package XML itself, a separate CSV parser, JSON.parse)
// and checked against the roster and the review: the 审核意见 letters, the 汇总表 and its figures, the
// CSV, the 通报, the review data.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import readXlsxFile from 'read-excel-file/node'
import { unzipSync, strFromU8 } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { createServices, type Services } from '../services/create-services'
import { createParsePool } from '../pipeline/parse-pool'
import type { Api } from '../../shared/ipc/contract'
import type { JobSnapshot } from '../../shared/models/job'
import type { LibraryRow } from '../../shared/library-list'
import { REVIEW_DATA_FORMAT } from './json'
import { decodeLibraryList } from '../../shared/library-list'

let dir: string
let services: Services
let api: Api
let rows: LibraryRow[]
const F = (name: string) => path.join(CORPUS, 'formats', name)
const OPINION = '一、存在的问题\n（一）问题原因分析不够具体，"五项内容"中第二项需补充。\n二、整改要求\n请于6月30日前重新公开。<script>alert(1)</script>'
const LONG = `${'依法行政是政府工作的基本准则，'.repeat(200)}结束。`
const BODY = '某某县司法局'

async function waitJob(id: string): Promise<JobSnapshot> {
  for (;;) {
    const j = (await api.jobs.list()).find((x) => x.id === id)!
    if (j.state !== 'running') return j
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** RFC 4180, written here independently of the exporter. */
function parseCsv(text: string): string[][] {
  const out: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      out.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  return out
}

const docxText = async (file: string) => (await mammoth.extractRawText({ path: file })).value
const part = (file: string, name: RegExp) => {
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)))
  return Object.keys(files)
    .filter((f) => name.test(f))
    .map((f) => strFromU8(files[f]!))
    .join('')
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-export-'))
  services = createServices({ projectFile: path.join(dir, '县司法局2020.raudit'), pool: (c) => createParsePool(c, { workerUrl: null }), grantedPaths: [CORPUS, dir] })
  // the tests write where a reviewer would have chosen in the save dialogs
  services.grants.grantFolder(dir)
  api = services.api
  await api.settings.update({ reviewerName: '赵审核' })
  await api.roster.updateSettings({ reviewYear: 2020 })
  await api.exports.updateLetterSettings({ body: BODY, docNumber: '某司函〔2021〕{n}号', notice: '关于做好2020年度法治政府建设情况报告工作的通知', correctBy: '2021-06-30' })
  await api.roster.importUnitsText('新城镇\t乡镇\n夏铎铺镇\t乡镇\t夏铎铺\n大屯营镇\t乡镇\n县司法局\t部门')
  // A 2020 report whose text names no issuer: it waits for a unit, and no letter can be addressed.
  const anonymous = path.join(dir, 'anonymous.txt')
  fs.writeFileSync(anonymous, '2020年度法治政府建设工作情况报告\n\n2020年，我们坚持全面推进依法行政。\n一、主要工作\n（一）加强组织领导。成立法治政府建设领导小组，召开专题会议3次。\n二、存在的问题\n基层法治力量薄弱。\n三、2021年工作安排\n继续加强法治宣传。\n')
  const job = await api.imports.start([F('xincheng-2020.pdf'), F('xiaduopu-2020.gbk.html'), F('gekeng-2024.docx'), anonymous])
  await waitJob(job.id)
  rows = decodeLibraryList(await api.library.submissions())
  const xincheng = rows.find((r) => r.unit === '新城镇')!
  await api.review.setItemVerdict(xincheng.id, 'shortcomings', 'partial', '原因分析不够具体')
  await api.review.setItemVerdict(xincheng.id, 'plans', 'meets', '')
  await api.review.setOverall(xincheng.id, 'revise')
  await api.review.setOpinion(xincheng.id, OPINION)
  const { text } = await api.review.open(xincheng.id)
  const s = text.indexOf('全面加强组织领导')
  await api.review.addAnnotation(xincheng.id, { itemId: 'leadership', start: s, end: s + 8, comment: '措施具体，"有数据"' })
  await api.review.setOpinion(rows.find((r) => r.unit === '夏铎铺镇')!.id, LONG)
  rows = decodeLibraryList(await api.library.submissions())
}, 120_000)

afterAll(async () => {
  await services.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('审核意见 letters', () => {
  it('are written for reviewed submissions only, named from the unit and year, and say why the others are not', async () => {
    const out = path.join(dir, 'letters')
    const job = await waitJob((await api.exports.reports({ reportIds: null, formats: ['docx'], dir: out })).id)
    expect(job.state).toBe('done')
    const result = job.result as { files: string[]; skipped: Array<{ name: string; reason: string }> }
    expect(fs.readdirSync(out)).toEqual(['新城镇-2020-审核意见.docx'])
    expect(result.files.map((f) => path.basename(f))).toEqual(['新城镇-2020-审核意见.docx'])
    // 夏铎铺镇 has an opinion but no overall verdict: not reviewed; the anonymous report has no unit to write to
    expect(result.skipped).toEqual([
      { name: '夏铎铺镇 2020年度', reason: expect.stringContaining('尚未审核') },
      { name: '2020年度法治政府建设工作情况报告', reason: expect.stringContaining('未能确定报送单位') }
    ])
  })

  it('the letter reads as a 公文 from the reviewing body to the unit: 文号, addressee, basis, conclusion, problems, correction, signature', async () => {
    const out = path.join(dir, 'letter-text')
    await waitJob((await api.exports.reports({ reportIds: null, formats: ['docx'], dir: out })).id)
    const file = path.join(out, '新城镇-2020-审核意见.docx')
    const text = await docxText(file)
    const lines = text.split('\n').filter((l) => l.trim())
    // 新城镇 is the first unit of the roster: 文号 {n} = 1
    expect(lines.slice(0, 4)).toEqual(['某司函〔2021〕1号', '关于新城镇2020年度法治政府建设情况报告的审核意见', '新城镇人民政府：', expect.stringMatching(/^根据《法治政府建设与责任落实督察工作规定》和《关于做好2020年度法治政府建设情况报告工作的通知》要求，我局对你单位报送的《新城镇2020年法治政府建设情况报告》进行了审核。/)])
    expect(lines[4]).toBe('经审核，你单位报告基本符合要求，但存在以下问题，需修改完善。')
    // the reviewer's own opinion, verbatim, markup and all
    expect(lines).toContain('（一）问题原因分析不够具体，"五项内容"中第二项需补充。')
    expect(lines).toContain('请于6月30日前重新公开。<script>alert(1)</script>')
    const sign = lines.indexOf(BODY)
    expect(sign).toBeGreaterThan(4)
    expect(lines[sign + 1]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/)
    expect(lines[sign + 2]).toBe('（联系人：赵审核）')
    // a letter, not the worksheet: no detected statuses, no evidence columns, no 审核人 line
    for (const s of ['检测', '证据摘录', '审核人：', '未识别', '尚未给出', '未填写']) expect(text).not.toContain(s)
    // GB/T 9704 page: A4, the margins, 仿宋 body, page numbers outside on odd and even pages; no draft mark
    const doc = part(file, /^word\/document\.xml$/)
    expect(doc).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/)
    expect(doc).toMatch(/<w:pgMar [^>]*w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/)
    expect(doc).toContain('仿宋_GB2312')
    expect(part(file, /^word\/settings\.xml$/)).toContain('<w:evenAndOddHeaders/>')
    expect(part(file, /^word\/footer\d*\.xml$/)).toContain('PAGE')
    expect(part(file, /^word\/header\d*\.xml$/)).not.toContain('初审稿')
    // the page number's line 7 mm below the 版心 (GB/T 9704 7.5): the footer 23.1 mm from the edge
    expect(doc).toMatch(/<w:pgMar [^>]*w:footer="1310"/)
    // each font the letter names is in the font table with the font Windows and WPS install under the newer name
    // and its panose and GB2312 charset, so a machine without 仿宋_GB2312 substitutes 仿宋, not 宋体 or a sans-serif
    const fonts = part(file, /^word\/fontTable\.xml$/)
    const used = new Set([...doc.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]!))
    expect([...used].sort()).toEqual(['仿宋_GB2312', '方正小标宋简体', '黑体'].sort())
    for (const [font, alt] of [['仿宋_GB2312', '仿宋'], ['方正小标宋简体', '宋体'], ['黑体', 'SimHei'], ['楷体_GB2312', '楷体']]) {
      expect(fonts).toMatch(new RegExp(`<w:font w:name="${font}"><w:altName w:val="${alt}"/><w:panose1 w:val="[0-9A-F]{20}"/><w:charset w:val="86"/>`))
    }
  })

  it('with drafts, every received submission gets one; the unreviewed are marked 初审稿 and their opinion drafted from the review', async () => {
    const out = path.join(dir, 'drafts')
    const job = await waitJob((await api.exports.reports({ reportIds: null, formats: ['docx'], dir: out, drafts: true })).id)
    const names = fs.readdirSync(out).sort()
    expect(names).toEqual(['夏铎铺镇-2020-审核意见（初审稿）.docx', '新城镇-2020-审核意见.docx'])
    // unique, and each from a unit of the roster and the year
    const roster = await api.roster.get(2020)
    for (const n of names) expect(roster.units.some((u) => n.startsWith(`${u.unit}-2020-`))).toBe(true)
    expect((job.result as { skipped: unknown[] }).skipped).toHaveLength(1) // still no unit for the anonymous report
    const draft = path.join(out, '夏铎铺镇-2020-审核意见（初审稿）.docx')
    expect(part(draft, /^word\/header\d*\.xml$/)).toContain('初审稿')
    const text = await docxText(draft)
    expect(text).toContain('夏铎铺镇人民政府：')
    expect(text).toContain('经初步审核，意见如下。')
    expect(text).toContain(LONG) // its own opinion, 3,000 characters, whole
    // the same export again: the same names (stable), nothing numbered
    await waitJob((await api.exports.reports({ reportIds: null, formats: ['docx'], dir: out, drafts: true })).id)
    expect(fs.readdirSync(out).sort()).toEqual(names)
  })

  it('a draft with no opinion written is made from the verdicts, the findings and the checklist phrases', async () => {
    const out = path.join(dir, 'made')
    const xiaduopu = rows.find((r) => r.unit === '夏铎铺镇')!
    await api.review.setOpinion(xiaduopu.id, '')
    await waitJob((await api.exports.reports({ reportIds: [xiaduopu.id], formats: ['docx'], dir: out, drafts: true })).id)
    const text = await docxText(path.join(out, '夏铎铺镇-2020-审核意见（初审稿）.docx'))
    const drafted = await api.review.draftOpinion(xiaduopu.id)
    for (const line of drafted.split('\n')) expect(text).toContain(line)
    // 夏铎铺镇's report has no account of enforcement (corpus label): the default checklist's phrase for it
    expect(drafted).toContain('报告未反映行政执法工作情况。')
    await api.review.setOpinion(xiaduopu.id, LONG)
  })

  it('the worksheet is an appendix the reviewer can ask for', async () => {
    const out = path.join(dir, 'appendix')
    const xincheng = rows.find((r) => r.unit === '新城镇')!
    await waitJob((await api.exports.reports({ reportIds: [xincheng.id], formats: ['docx', 'html', 'md'], dir: out, appendix: true })).id)
    const text = await docxText(path.join(out, '新城镇-2020-审核意见.docx'))
    expect(text).toContain('附件：审核工作底稿')
    for (const s of ['审核工作底稿', '证据摘录', '部分符合', '原因分析不够具体', '措施具体，"有数据"', '评分']) expect(text).toContain(s)
    const html = fs.readFileSync(path.join(out, '新城镇-2020-审核意见.html'), 'utf8')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('@page { size: A4')
    expect(html).toContain('审核工作底稿')
    const md = fs.readFileSync(path.join(out, '新城镇-2020-审核意见.md'), 'utf8')
    expect(md).toContain('# 关于新城镇2020年度法治政府建设情况报告的审核意见')
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(md).toContain('| 存在的不足和原因 | 部分 | 部分符合 |')
    // the reviewer judged the report as a whole, not every item: the worksheet says so, not 「未审核」
    expect(md).toMatch(/\| 组织领导（第一责任人职责） \| 具备 \| 未单独认定 \|/)
    expect(text).toContain('未单独认定')
    for (const s of ['未审核', '未识别']) {
      expect(text).not.toContain(s)
      expect(md).not.toContain(s)
    }
    // dates as a 公文 writes them, in the particulars and in the detector's findings
    expect(md).toContain('- 发布日期：2021年5月14日')
    expect(text).toContain('晚于2021年4月1日的公开期限（逾期43天）')
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    for (const h of ['### 一、清单审核情况', '### 二、检测发现的问题', '### 三、批注', '### 四、评分']) expect(md).toContain(h)
  })
})

const s24AllSheets = (file: string) => [...part(file, /^xl\/workbook\.xml$/).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])

describe('the 汇总表', () => {
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>
  let file: string
  beforeAll(async () => {
    file = path.join(dir, '汇总表.xlsx')
    await api.exports.batch({ reportIds: null, year: 2020, xlsx: file })
    sheets = await readXlsxFile(fs.readFileSync(file))
  })

  it('has a title row, the sending body and the date, and one row per unit of the roster, unit first, 未报送 included', async () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['汇总表', '统计', '批注'])
    const data = sheets[0]!.data
    expect(data[0]![0]).toBe(`${BODY} 2020年度法治政府建设年度报告审核情况汇总表`)
    expect(data[1]![0]).toBe(`制表单位：${BODY}`)
    expect(data[1]!.find((c) => String(c ?? '').startsWith('制表日期：'))).toMatch(/^制表日期：\d{4}年\d{1,2}月\d{1,2}日$/)
    const header = data[2]!
    expect(header.slice(0, 7)).toEqual(['序号', '单位', '层级', '报送情况', '收到日期', '公开日期', '逾期天数'])
    expect(header.slice(7, 12)).toEqual(['组织领导', '行政执法', '普法宣传', '不足原因', '下年安排'])
    expect(header.slice(12)).toEqual(['发现的问题', '得分', '等级', '审核结论', '审核意见摘要', '审核人'])
    expect(header).not.toContain('文件名')
    const roster = await api.roster.get(2020)
    const body = data.slice(3, 3 + roster.units.length + roster.unassigned.length)
    // every roster unit, in the roster's order, then the report waiting for a unit
    expect(body.map((r) => r[1])).toEqual([...roster.units.map((u) => u.unit), '（未识别单位）'])
    const row = (unit: string) => body.find((r) => r[1] === unit)!
    const col = (name: string) => header.indexOf(name)
    expect(row('大屯营镇')[col('报送情况')]).toBe('未报送')
    expect(row('县司法局')[col('报送情况')]).toBe('未报送')
    const xin = row('新城镇')
    expect(xin[col('报送情况')]).toBe('已报送')
    expect(xin[col('公开日期')]).toBe('2021-05-14')
    expect(xin[col('逾期天数')]).toBe(43)
    expect(xin[col('不足原因')]).toBe('部分符合') // the reviewer's verdict, as is
    expect(xin[col('下年安排')]).toBe('符合')
    expect(xin[col('组织领导')]).toBe('具备\n（检测）') // no verdict: the detected status, marked
    expect(String(xin[col('发现的问题')])).toContain('逾期公开')
    expect(xin[col('审核结论')]).toBe('需修改')
    expect(xin[col('审核人')]).toBe('赵审核')
    expect(String(xin[col('审核意见摘要')])).toContain('问题原因分析不够具体')
    const scored = rows.find((r) => r.unit === '新城镇')!
    expect(xin[col('得分')]).toBe(scored.score)
    expect(row('夏铎铺镇')[col('逾期天数')]).toBe('按时')
    expect(row('夏铎铺镇')[col('审核结论')]).toBe('未审核')
    expect(row('夏铎铺镇')[col('等级')]).toMatch(/（建议）$/) // nobody scored or reviewed it: a proposal, marked
  })

  it('prints on A4 landscape, one page wide, the header row repeated on every page, with frozen panes and filters', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const ws = wb.getWorksheet('汇总表')!
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' })
    const xml = part(file, /^xl\/worksheets\/sheet1\.xml$/)
    expect(xml).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/)
    expect(xml).toMatch(/<autoFilter ref="A3:R8"/)
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/)
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"/)
    expect(part(file, /^xl\/workbook\.xml$/)).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">(?:'|&apos;)汇总表(?:'|&apos;)!\$3:\$3<\/definedName>/)
    const styles = part(file, /^xl\/styles\.xml$/)
    expect(styles).toContain('FFC6EFCE')
    expect(styles).toMatch(/<i\/>/) // detected values in italics
  })

  it('the figures sheet agrees with the roster and the library', async () => {
    const roster = await api.roster.get(2020)
    const f = roster.figures
    const data = sheets[1]!.data
    const value = (label: string, k = 1) => data.find((r) => r[0] === label)![k]
    expect(value('应报送单位')).toBe(f.units)
    expect(value('已报送')).toBe(f.submitted)
    expect(value('已报送', 2)).toBeCloseTo(f.submitted / f.units, 6)
    expect(value('未报送')).toBe(f.units - f.submitted)
    expect(value('按时公开')).toBe(f.onTime)
    expect(value('按时公开', 2)).toBeCloseTo(f.onTime / f.submitted, 6)
    expect(value('逾期公开')).toBe(f.late)
    expect(value('待归属的报告')).toBe(roster.unassigned.length)
    // per item, how many of the year's submissions fall short: the reviewer's verdict, else the detected status
    const year = rows.filter((r) => r.year === 2020)
    const checklist = (await api.checklists.list()).find((c) => c.active)!
    for (const item of checklist.items) {
      const tags = year.map((r) => r.items.find((i) => i.id === item.id)!)
      const byReviewer = tags.filter((t) => t.verdict === 'partial' || t.verdict === 'missing').length
      const detected = tags.filter((t) => !t.verdict && (t.status === 'partial' || t.status === 'missing')).length
      expect(data.find((r) => r[0] === item.name.zh)!.slice(1, 4)).toEqual([byReviewer + detected, byReviewer, detected])
    }
    // the grades add up to the submissions of the year, and match the library's
    const grades = ['优秀', '良好', '一般', '较差'].map((g) => value(g) as number)
    expect(grades.reduce((a, b) => a + b, 0) + (value('未评分') as number)).toBe(year.length)
    expect(value('良好')).toBe(year.filter((r) => r.grade === 'good').length)
    // the most common problems (the last section): late publication is 新城镇's
    const late = data.findLast((r) => r[0] === '逾期公开')
    expect(late?.[3]).toBe('新城镇')
  })

  it('the CSV holds the main table (header and one row per unit), UTF-8 with a BOM', async () => {
    const csv = path.join(dir, '汇总表.csv')
    await api.exports.batch({ reportIds: null, year: 2020, csv })
    const bytes = fs.readFileSync(csv)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const parsed = parseCsv(bytes.toString('utf8').slice(1))
    const sheet = sheets[0]!.data
    const table = sheet.slice(2, 3 + parsed.length - 1).map((r) => r.map((c) => (c === null ? '' : String(c).replace(/\n/g, ''))))
    expect(parsed).toEqual(table)
    expect(parsed.find((r) => r[1] === '夏铎铺镇')![16]).toMatch(/^依法行政是政府工作的基本准则，.{40,}…$/) // the summary, not 3,000 characters
  })

  it('only the units of the chosen reports when ids are given; another year follows that year’s roster', async () => {
    const xincheng = rows.find((r) => r.unit === '新城镇')!
    const one = path.join(dir, '部分.xlsx')
    await api.exports.batch({ reportIds: [xincheng.id], year: 2020, xlsx: one })
    const [sheet] = await readXlsxFile(fs.readFileSync(one))
    expect(sheet!.data.slice(3).filter((r) => typeof r[0] === 'number').map((r) => r[1])).toEqual(['新城镇'])
    const y2024 = path.join(dir, '2024.xlsx')
    await api.exports.batch({ reportIds: null, year: 2024, xlsx: y2024 })
    const [s24] = await readXlsxFile(fs.readFileSync(y2024))
    expect(s24!.data[0]![0]).toContain('2024年度')
    const units = s24!.data.slice(3).filter((r) => typeof r[0] === 'number')
    // no annotations that year: no sheet that would print as a page holding only its header
    expect(s24AllSheets(y2024)).toEqual(['汇总表', '统计'])
    // 2024: nobody on the roster reported; 葛坑镇's report waits for a unit
    expect(units.map((r) => [r[1], r[3]])).toEqual([
      ['新城镇', '未报送'],
      ['夏铎铺镇', '未报送'],
      ['大屯营镇', '未报送'],
      ['县司法局', '未报送'],
      ['葛坑镇人民政府', '待归属']
    ])
  })
})

describe('the 通报', () => {
  it('names the units not reported and those late, the common problems with their counts, in a 通报’s order', async () => {
    const file = path.join(dir, '通报.docx')
    await api.exports.batch({ reportIds: null, year: 2020, notice: file })
    const text = await docxText(file)
    const lines = text.split('\n').filter((l) => l.trim())
    expect(lines[0]).toBe('关于2020年度法治政府建设年度报告报送和审核情况的通报')
    expect(lines[1]).toBe('各乡镇人民政府，各有关部门：')
    const order = ['一、基本情况', '二、存在的问题', '（一）未按要求报送', '（二）未按时公开', '（三）报告内容不够规范', '三、工作要求'].map((h) => lines.indexOf(h))
    expect(order.every((i, k) => i > 1 && (k === 0 || i > order[k - 1]!))).toBe(true)
    expect(text).toContain('应报送年度报告的4家单位中，已报送2家，报送率50%')
    expect(text).toContain('大屯营镇、县司法局2家单位未报送年度报告。')
    expect(text).toContain('新城镇（逾期43天）未在2021年4月1日前向社会公开年度报告。')
    // problems from the reviewed report: 新城镇's shortcomings verdict
    expect(text).toMatch(/“存在的不足和原因”内容缺失或不够具体，涉及1家单位（新城镇）/)
    // a 通报 is not a 意见: its deadlines run from its own issue
    expect(text).toContain('于2021年6月30日前')
    expect(text).not.toContain('本意见')
    expect(lines.at(-2)).toBe(BODY)
  })
})

describe('review data', () => {
  it('the JSON holds every report with its review, audit trail and score', async () => {
    const file = path.join(dir, 'data.json')
    await api.exports.batch({ reportIds: null, json: file })
    const data = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(data.format).toBe(REVIEW_DATA_FORMAT)
    expect(data.reports).toHaveLength(4)
    const x = data.reports.find((r: { fileName: string }) => r.fileName === 'xincheng-2020.pdf')
    expect(x.items.find((i: { id: string }) => i.id === 'shortcomings')).toMatchObject({ detected: 'partial', verdict: 'partial', reason: '原因分析不够具体' })
    expect(x.opinion).toBe(OPINION)
    expect(x.audit.map((a: { action: string }) => a.action)).toEqual(['item-verdict', 'item-verdict', 'overall', 'opinion', 'annotation-add'])
    expect(x.score).toMatchObject({ total: rows.find((r) => r.unit === '新城镇')!.score, max: 100 })
  })
})

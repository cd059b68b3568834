// Every exported file opened again with an independent reader (read-excel-file for the workbook,
// mammoth for Word, a separate CSV parser, JSON.parse) and checked against the project.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import mammoth from 'mammoth'
import readXlsxFile from 'read-excel-file/node'
import { unzipSync, strFromU8 } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { createServices, type Services } from '../services/create-services'
import { createParsePool } from '../pipeline/parse-pool'
import { writeBatch } from '../services/export-service'
import { reviewDocuments } from '../services/review-documents'
import { reviewDocx } from './docx'
import { reviewHtml } from './html'
import { reviewMarkdown } from './markdown'
import { REVIEW_DATA_FORMAT } from './json'

let dir: string
let services: Services
let ids: number[]
const LONG = `${'依法行政是政府工作的基本准则，'.repeat(200)}结束。`
const OPINION = '一、报告结构完整，"五项内容"齐全。\n二、问题原因分析不够具体，请补充，并于3月31日前重新公开。<script>alert(1)</script>'

/** RFC 4180, written here independently of the exporter. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
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
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  return rows
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-export-'))
  services = createServices({ projectFile: path.join(dir, '县司法局2024.raudit'), pool: (c) => createParsePool(c, { workerUrl: null }), grantedPaths: [CORPUS] })
  services.grants.grantFolder(dir)
  const api = services.api
  await api.settings.update({ reviewerName: '赵审核' })
  const job = await api.imports.start(['gekeng-2024.docx', 'xincheng-2020.pdf', 'xiaduopu-2020.gbk.html'].map((f) => path.join(CORPUS, 'formats', f)))
  for (;;) {
    const j = (await api.jobs.list()).find((x) => x.id === job.id)!
    if (j.state !== 'running') break
    await new Promise((r) => setTimeout(r, 20))
  }
  const rows = await api.library.list()
  const idOf = (f: string) => rows.find((r) => r.fileName === f)!.id
  ids = [idOf('gekeng-2024.docx'), idOf('xincheng-2020.pdf'), idOf('xiaduopu-2020.gbk.html')]
  const first = ids[0]!
  await api.review.setItemVerdict(first, 'shortcomings', 'partial', '原因分析不够具体')
  await api.review.setItemVerdict(first, 'plans', 'meets', '')
  await api.review.setItemVerdict(ids[1]!, 'enforcement', 'not-applicable', '')
  await api.review.setOverall(first, 'revise')
  await api.review.setOpinion(first, OPINION)
  await api.review.setOpinion(ids[1]!, LONG)
  const { text } = await api.review.open(first)
  const s = text.indexOf('一是加强组织领导')
  await api.review.addAnnotation(first, { itemId: 'leadership', start: s, end: s + 8, comment: '措施具体，"有数据"' })
})
afterAll(async () => {
  await services.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const project = () => services.workspace.project
const checklist = () => project().activeChecklist()

describe('summary workbook and CSV', () => {
  it('the workbook holds one row per report with verdicts, detected statuses, and the full opinion', async () => {
    const file = path.join(dir, '汇总表.xlsx')
    await writeBatch(project(), checklist(), '赵审核', null, { xlsx: file })
    const sheets = await readXlsxFile(fs.readFileSync(file))
    expect(sheets.map((s) => s.sheet)).toEqual(['汇总表', '批注', '统计'])
    const [head, ...rows] = sheets[0]!.data
    expect(head).toEqual(['序号', '报告标题', '发布单位', '层级', '年度', '发布日期', '组织领导（第一责任人职责）', '行政执法', '普法与法治宣传教育', '存在的不足和原因', '下一年度工作安排', '完整度', '发现的问题', '总体结论', '审核意见', '文件名'])
    expect(rows).toHaveLength(3)
    const byFile = (f: string) => rows.find((r) => r[15] === f)!
    const gekeng = byFile('gekeng-2024.docx')
    expect(gekeng[2]).toBe('葛坑镇人民政府')
    expect(gekeng[3]).toBe('乡镇（街道）')
    expect(gekeng[4]).toBe(2024)
    expect(gekeng[9]).toBe('部分符合') // the reviewer's verdict
    expect(gekeng[10]).toBe('符合')
    expect(gekeng[6]).toBe('具备（检测）') // no verdict: the detected status, marked
    expect(gekeng[13]).toBe('需修改')
    expect(gekeng[14]).toBe(OPINION) // Chinese, quotes, newline and markup intact
    const xincheng = byFile('xincheng-2020.pdf')
    expect(xincheng[7]).toBe('不适用')
    expect(xincheng[14]).toBe(LONG) // 3,000+ characters, not truncated
    expect(String(xincheng[12])).toContain('逾期公开')
    expect(xincheng[13]).toBe('未审核')

    const notes = sheets[1]!.data
    expect(notes).toEqual([
      ['报告标题', '发布单位', '清单项目', '引文', '批注说明', '日期'],
      [gekeng[1], '葛坑镇人民政府', '组织领导（第一责任人职责）', '一是加强组织领导', '措施具体，"有数据"', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]
    ])
    const counts = sheets[2]!.data
    expect(counts[0]).toEqual(['清单项目', '符合', '部分符合', '缺失', '不适用', '未审核', '其中检测为缺失'])
    expect(counts.find((r) => r[0] === '存在的不足和原因')!.slice(1, 6)).toEqual([0, 1, 0, 0, 2])
    expect(counts.find((r) => r[0] === '需修改')!.slice(0, 2)).toEqual(['需修改', 1])
    expect(counts.find((r) => r[0] === '合计')!.slice(0, 2)).toEqual(['合计', 3])

    // frozen header, filters, colour fills and widths, read from the sheet XML itself
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['xl/worksheets/sheet1.xml']!)
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/)
    expect(xml).toMatch(/<autoFilter ref="A1:P4"/)
    expect(xml).toMatch(/<col [^>]*width="/)
    const styles = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['xl/styles.xml']!)
    expect(styles).toContain('FFC6EFCE')
    expect(styles).toContain('FFFFEB9C')
  })

  it('the CSV has the same table, UTF-8 with a BOM, quoted where needed', async () => {
    const csv = path.join(dir, '汇总表.csv')
    const xlsx = path.join(dir, '对照.xlsx')
    await writeBatch(project(), checklist(), '赵审核', null, { csv, xlsx })
    const bytes = fs.readFileSync(csv)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(bytes.toString('utf8').slice(1))
    const sheet = (await readXlsxFile(fs.readFileSync(xlsx)))[0]!.data
    expect(rows).toEqual(sheet.map((r) => r.map((c) => (c === null ? '' : String(c)))))
  })

  it('only the chosen reports when ids are given', async () => {
    const file = path.join(dir, '部分.xlsx')
    await writeBatch(project(), checklist(), '赵审核', [ids[1]!], { xlsx: file })
    const [sheet] = await readXlsxFile(fs.readFileSync(file))
    expect(sheet!.data).toHaveLength(2)
    expect(sheet!.data[1]![15]).toBe('xincheng-2020.pdf')
  })

  it('the JSON holds the whole review data, audit trail included', async () => {
    const file = path.join(dir, 'data.json')
    await writeBatch(project(), checklist(), '赵审核', null, { json: file })
    const data = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(data.format).toBe(REVIEW_DATA_FORMAT)
    expect(data.reports).toHaveLength(3)
    const g = data.reports.find((r: { fileName: string }) => r.fileName === 'gekeng-2024.docx')
    expect(g.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(g.items.find((i: { id: string }) => i.id === 'shortcomings')).toMatchObject({ detected: 'partial', verdict: 'partial', reason: '原因分析不够具体' })
    expect(g.opinion).toBe(OPINION)
    expect(g.annotations).toEqual([expect.objectContaining({ itemId: 'leadership', quote: '一是加强组织领导' })])
    expect(g.audit.map((a: { action: string }) => a.action)).toEqual(['item-verdict', 'item-verdict', 'overall', 'opinion', 'annotation-add'])
  })
})

describe('review opinion per report', () => {
  it('the Word document reads back with the title, the checklist table, findings, annotations, verdict and opinion', async () => {
    const [d] = reviewDocuments(project(), checklist(), '赵审核', [ids[0]!])
    const bytes = await reviewDocx(d!)
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    expect(text).toContain(`关于《${d!.title}》的审核意见`)
    expect(text).toContain('葛坑镇人民政府')
    expect(text).toContain('2024年度')
    for (const s of ['组织领导（第一责任人职责）', '存在的不足和原因', '部分符合', '原因分析不够具体', '一是加强组织领导', '措施具体，"有数据"', '需修改', '审核人：赵审核']) expect(text).toContain(s)
    expect(text).toContain('二、问题原因分析不够具体，请补充，并于3月31日前重新公开。<script>alert(1)</script>')
    // A4 page, official margins, a page number field in the footer
    const files = unzipSync(bytes)
    const doc = strFromU8(files['word/document.xml']!)
    expect(doc).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/)
    expect(doc).toContain('仿宋_GB2312')
    const footer = Object.keys(files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => strFromU8(files[f]!)).join('')
    expect(footer).toContain('PAGE')
  })

  it('HTML escapes everything from the report and the reviewer; Markdown keeps the table', async () => {
    const [d] = reviewDocuments(project(), checklist(), '赵审核', [ids[0]!])
    const html = reviewHtml(d!)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('@page { size: A4')
    const md = reviewMarkdown(d!)
    expect(md).toContain('| 存在的不足和原因 | 部分 | 部分符合 |')
    expect(md).toContain('审核人：赵审核')
  })
})

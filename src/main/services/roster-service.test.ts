// The roster on a real project: units imported from a sheet and a pasted list, reports in several
// formats grouped into one submission, a corrected version as a second version, an unknown issuer
// waiting for the reviewer, review states and the figures.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import readXlsxFile from 'read-excel-file/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CORPUS, gbk } from '../../../tests/helpers/fixtures'
import { createServices, type Services } from './create-services'
import { createParsePool } from '../pipeline/parse-pool'
import type { Api } from '../../shared/ipc/contract'
import { NO_DIALOGS, type DialogHost } from './workspace'
import { decodeLibraryList } from '../../shared/library-list'

let dir: string
let services: Services
let dialogs: { sheets: string[]; saves: string[] } & DialogHost
let api: Api
const F = (name: string) => path.join(CORPUS, 'formats', name)

async function importAndWait(paths: string[]) {
  const job = await api.imports.start(paths)
  for (;;) {
    const j = (await api.jobs.list()).find((x) => x.id === job.id)!
    if (j.state !== 'running') return j
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** 新城镇's report as a corrected version: a paragraph on causes added, as a reviewer would have asked. */
function correctedXincheng(): string {
  const text = new TextDecoder('gb18030').decode(fs.readFileSync(F('xincheng-2020.gbk.txt')))
  const at = text.indexOf('二、')
  const file = path.join(dir, '新城镇（修改稿）.txt')
  fs.writeFileSync(file, `${text.slice(0, at)}问题产生的原因：一是学习不够深入，二是制度执行不严，三是基层力量薄弱。\n${text.slice(at)}`)
  return file
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-roster-'))
  const sheets: string[] = []
  const saves: string[] = []
  dialogs = { ...NO_DIALOGS, sheets, saves, pickSheet: async () => sheets.shift() ?? null, pickSavePath: async () => saves.shift() ?? null }
  services = createServices({ projectFile: path.join(dir, 'p.raudit'), dialogs, pool: (c) => createParsePool(c, { workerUrl: null }), grantedPaths: [CORPUS, dir] })
  api = services.api
})
afterEach(async () => {
  await services.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the roster', () => {
  it('groups formats into one submission, a corrected version into a second version, and answers who has reported', async () => {
    await api.roster.updateSettings({ reviewYear: 2020 })
    const imported = await api.roster.importUnitsText('新城镇\t乡镇\n夏铎铺镇\t乡镇\t夏铎铺\n大屯营镇\t乡镇')
    expect(imported).toMatchObject({ added: 3, updated: 0, problems: [] })
    await importAndWait([F('xincheng-2020.docx'), F('xincheng-2020.pdf'), F('xincheng-2020.gbk.html'), F('xiaduopu-2020.docx'), F('xiaduopu-2020.utf8.html'), F('gekeng-2024.docx')])
    await importAndWait([correctedXincheng()])

    const roster = await api.roster.get()
    expect(roster.year).toBe(2020)
    const byUnit = Object.fromEntries(roster.units.map((u) => [u.unit, u]))
    expect(byUnit['新城镇']).toMatchObject({ submitted: true, files: 4, versions: 2, published: '2021-05-14', daysLate: 43, review: 'unreviewed' })
    expect(byUnit['夏铎铺镇']).toMatchObject({ submitted: true, files: 2, versions: 1, published: '2020-12-30', daysLate: 0 })
    expect(byUnit['大屯营镇']).toMatchObject({ submitted: false, files: 0, daysLate: null })
    expect(roster.figures).toEqual({ units: 3, submitted: 2, onTime: 1, late: 1, reviewed: 0, passed: 0 })
    // 葛坑镇's report is for 2024: not this year's, and not on the roster
    expect(roster.unassigned).toEqual([])
    const y2024 = await api.roster.get(2024)
    expect(y2024.unassigned).toEqual([expect.objectContaining({ issuer: '葛坑镇人民政府', year: 2024 })])

    // the library: one row per submission, through the latest version, titles never file names
    const rows = decodeLibraryList(await api.library.submissions())
    expect(rows).toHaveLength(3)
    const xincheng = rows.find((r) => r.unit === '新城镇')!
    expect(xincheng).toMatchObject({ files: 4, versions: 2, fileName: '新城镇（修改稿）.txt', review: 'unreviewed', daysLate: 43 })
    const gekeng = rows.find((r) => r.issuer === '葛坑镇人民政府')!
    expect(gekeng).toMatchObject({ unit: null, title: '葛坑镇人民政府2024年度法治政府建设情况报告', titleMade: true })
    const files = await api.roster.submission(xincheng.submissionId)
    expect(files.versions.map((v) => v.files.map((f) => f.format).sort())).toEqual([['docx', 'html', 'pdf'], ['txt']])
    // the workspace knows the unit, the year, and which version the open file is
    const detail = await api.review.open(xincheng.id)
    expect(detail.submission).toMatchObject({ unit: '新城镇', year: 2020, version: 2 })
    const first = files.versions[0]!.files[0]!.reportId
    expect((await api.review.open(first)).submission).toMatchObject({ version: 1, submissionId: xincheng.submissionId })
  })

  it('review states follow the reviewer: 审核中 with a verdict, 已审 with the overall verdict and who gave it', async () => {
    await api.roster.updateSettings({ reviewYear: 2020 })
    await api.roster.importUnitsText('新城镇\n夏铎铺镇')
    await api.settings.update({ reviewerName: '李审核' })
    await importAndWait([F('xincheng-2020.docx'), F('xiaduopu-2020.docx')])
    const rows = decodeLibraryList(await api.library.submissions())
    const [a, b] = rows
    await api.review.setItemVerdict(a!.id, 'shortcomings', 'partial', '未分析原因')
    await api.review.setOverall(b!.id, 'revise')
    const after = decodeLibraryList(await api.library.submissions())
    expect(after.find((r) => r.id === a!.id)).toMatchObject({ review: 'in-progress', verdict: null })
    expect(after.find((r) => r.id === a!.id)!.items.find((i) => i.id === 'shortcomings')).toMatchObject({ verdict: 'partial' })
    expect(after.find((r) => r.id === b!.id)).toMatchObject({ review: 'reviewed', verdict: 'revise', reviewer: '李审核' })
    expect((await api.roster.get()).figures).toMatchObject({ submitted: 2, reviewed: 1, passed: 0 })
  })

  it('a report waiting for its unit is attached once by the reviewer, and the next one by itself', async () => {
    await api.roster.updateSettings({ reviewYear: 2024 })
    const unit = await api.roster.saveUnit({ name: '葛坑', level: 'township' })
    await importAndWait([F('gekeng-2024.docx')])
    let roster = await api.roster.get()
    expect(roster.units[0]).toMatchObject({ unit: '葛坑', submitted: false })
    expect(roster.unassigned).toHaveLength(1)
    await api.roster.assign(roster.unassigned[0]!.submissionId, unit.id)
    roster = await api.roster.get()
    expect(roster.units[0]).toMatchObject({ submitted: true, files: 1 })
    expect((await api.roster.units())[0]!.aliases).toEqual(['葛坑镇人民政府'])
    // the same unit's report in another format now finds its unit by the remembered alias
    await importAndWait([F('gekeng-2024.pdf')])
    roster = await api.roster.get()
    expect(roster.unassigned).toEqual([])
    expect(roster.units[0]).toMatchObject({ files: 2, versions: 1 })
  })

  it('a roster imported after the reports attaches the ones waiting', async () => {
    await api.roster.updateSettings({ reviewYear: 2020 })
    await importAndWait([F('xincheng-2020.docx'), F('xiaduopu-2020.docx')])
    expect((await api.roster.get()).unassigned).toHaveLength(2)
    const sheet = path.join(dir, '名单.xlsx')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('名单')
    ws.addRow(['序号', '单位名称', '层级', '别名'])
    ws.addRow([1, '新城镇', '乡镇', ''])
    ws.addRow([2, '夏铎铺镇', '乡镇', '夏铎铺镇人民政府；夏铎铺'])
    ws.addRow([3, '县司法局', '部门', ''])
    await wb.xlsx.writeFile(sheet)
    dialogs.sheets.push(sheet)
    const r = await api.roster.pickAndImportUnits()
    expect(r).toEqual({ added: 3, updated: 0, attached: 2, problems: [] })
    const roster = await api.roster.get()
    expect(roster.unassigned).toEqual([])
    expect(roster.units.map((u) => [u.unit, u.level, u.submitted])).toEqual([
      ['新城镇', 'township', true],
      ['夏铎铺镇', 'township', true],
      ['县司法局', 'department', false]
    ])
  })

  it('a GBK CSV roster from Excel on Chinese Windows, and a sheet without names is refused with the reason', async () => {
    const csv = path.join(dir, '名单.csv')
    fs.writeFileSync(csv, gbk('单位名称,层级,别名\r\n新城镇,乡镇,"新城,新城镇政府"\r\n'))
    dialogs.sheets.push(csv)
    expect(await api.roster.pickAndImportUnits()).toMatchObject({ added: 1 })
    expect((await api.roster.units())[0]).toMatchObject({ name: '新城镇', aliases: ['新城', '新城镇政府'] })
    const empty = path.join(dir, '空.csv')
    fs.writeFileSync(empty, '备注\r\n无\r\n')
    dialogs.sheets.push(empty)
    await expect(api.roster.pickAndImportUnits()).rejects.toThrow(/没有找到单位名称/)
  })

  it('the 催报名单 lists the units not reported and the late ones, A4 landscape with a title', async () => {
    await api.roster.updateSettings({ reviewYear: 2020 })
    await api.roster.importUnitsText('新城镇\n夏铎铺镇\n大屯营镇')
    await importAndWait([F('xincheng-2020.docx'), F('xiaduopu-2020.docx')])
    const out = path.join(dir, '催报名单.xlsx')
    dialogs.saves.push(out)
    expect(await api.roster.pickAndExportChaser()).toBe(out)
    const [sheet] = await readXlsxFile(fs.readFileSync(out))
    expect(sheet!.sheet).toBe('催报名单')
    const cells = sheet!.data.map((r) => r.map((c) => (c === null ? '' : String(c))))
    expect(cells[0]![0]).toBe('2020年度法治政府建设年度报告催报名单')
    expect(cells.slice(3).map((r) => [r[1], r[3]])).toEqual([
      ['新城镇', '逾期公开43天'],
      ['大屯营镇', '未报送']
    ])
    expect(cells[1]![0]).toMatch(/^截至\d{4}年\d{1,2}月\d{1,2}日：应报3家，已报2家，未报1家，逾期公开1家。$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets[0]!.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, horizontalCentered: true })
    // a list that is printed: every cell ruled, page numbers in the footer
    const ws = wb.worksheets[0]!
    for (const r of [4, 5]) for (let c = 1; c <= 7; c++) expect(ws.getCell(r, c).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } })
    expect(ws.headerFooter.oddFooter).toContain('&P')
  })
})

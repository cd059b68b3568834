// Copied text in a real project: this year's reports of three units (one sharing a paragraph with
// another), then last year's report of one of them imported for comparison only. The comparison runs
// as a job after each import; last year's report brings the share copied and the year left unchanged,
// and changes nothing of this year's figures.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import type { Api } from '../../shared/ipc/contract'
import { matchText } from '../domain/similarity'
import { createComparePool } from '../pipeline/compare-pool'
import { createParsePool } from '../pipeline/parse-pool'
import { createServices, type Services } from './create-services'
import { importPaths } from '../pipeline/import-files'
import { Project } from '../store/project'
import { decodeLibraryList } from '../../shared/library-list'

let dir: string
let services: Services
let api: Api
const report = (name: string) => fs.readFileSync(path.join(CORPUS, 'reports', name), 'utf8')

/** Waits for the import and for the comparison that follows it. */
async function importAndCompare(paths: string[]) {
  const job = await api.imports.start(paths)
  await services.jobs.wait(job.id)
  for (;;) {
    const running = (await api.jobs.list()).filter((j) => j.state === 'running')
    if (!running.length) break
    await Promise.all(running.map((j) => services.jobs.wait(j.id)))
  }
  const last = (await api.jobs.list()).filter((j) => j.kind === 'compare').at(-1)
  expect(last?.state).toBe('done')
}

/** This year's reports: 葛坑镇 carries over most of 2024 (one 「2024年」 left), 夏铎铺镇 takes one of its paragraphs. */
function thisYear(): { gekeng: string; xiaduopu: string; xincheng: string; sharedParagraph: string } {
  const g = report('gekeng-2024.txt')
  // years moved on, once forgotten in the middle of a paragraph
  const gekeng = g.replace(/2025/g, '2026').replace(/2024/g, '2025').replace('接受人民监督,2025年', '接受人民监督,2024年')
  expect(gekeng.match(/2024年/g)).toHaveLength(1)
  const sharedParagraph = g.split('\n').find((l) => l.startsWith('一是推行阳光政务'))!
  const x = report('xiaduopu-2020.txt').replace(/2020/g, '2025').replace(/2021/g, '2026')
  const at = x.indexOf('二、')
  const xiaduopu = `${x.slice(0, at)}${sharedParagraph}\n${x.slice(at)}`
  const xincheng = report('xincheng-2020.txt').replace(/2020/g, '2025').replace(/2021/g, '2026')
  return { gekeng, xiaduopu, xincheng, sharedParagraph }
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-similar-'))
  services = createServices({
    projectFile: path.join(dir, 'p.raudit'),
    pool: (c) => createParsePool(c, { workerUrl: null }),
    comparePool: () => createComparePool({ workerUrl: null }),
    grantedPaths: [dir, CORPUS]
  })
  services.grants.grantFolder(dir)
  api = services.api
  await api.roster.updateSettings({ reviewYear: 2025 })
  await api.roster.importUnitsText('葛坑镇\t乡镇\n夏铎铺镇\t乡镇\n新城镇\t乡镇')
})
afterEach(async () => {
  await services.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('copied text in a project', () => {
  it('finds the paragraph two units share, then last year text carried over, without changing this year', async () => {
    const y = thisYear()
    const files = { gekeng: path.join(dir, '葛坑镇2025.txt'), xiaduopu: path.join(dir, '夏铎铺镇2025.txt'), xincheng: path.join(dir, '新城镇2025.txt') }
    for (const [k, f] of Object.entries(files)) fs.writeFileSync(f, y[k as keyof typeof files])
    await importAndCompare(Object.values(files))

    const rows = decodeLibraryList(await api.library.submissions())
    expect(rows.map((r) => [r.unit, r.year]).sort()).toEqual([
      ['夏铎铺镇', 2025],
      ['新城镇', 2025],
      ['葛坑镇', 2025]
    ])
    const row = (unit: string) => rows.find((r) => r.unit === unit)!
    expect(row('葛坑镇').copiedShare).toBeNull()
    expect(row('葛坑镇').findings).toContain('shared-text')
    expect(row('夏铎铺镇').findings).toContain('shared-text')
    expect(row('新城镇').findings).not.toContain('shared-text')

    // the batch: one passage, found in two units' reports
    const shared = await api.similarity.shared()
    const passage = shared.find((s) => s.reports.length === 2 && s.reports.some((r) => r.unit === '夏铎铺镇'))!
    expect(passage.reports.map((r) => r.unit).sort()).toEqual(['夏铎铺镇', '葛坑镇'])
    expect(matchText(passage.text).codes.length).toBeGreaterThan(matchText(y.sharedParagraph).codes.length * 0.9)

    const before = await api.similarity.report(row('夏铎铺镇').id)
    expect(before.sameYear.map((s) => s.unit)).toEqual(['葛坑镇'])
    expect(before.findings.map((f) => f.code)).toEqual(['shared-text'])
    const figures = (await api.roster.get(2025)).figures

    // Last year's report, for comparison only.
    await importAndCompare([path.join(CORPUS, 'formats', 'gekeng-2024.docx')])
    expect((await api.roster.get(2025)).figures).toEqual(figures)
    const after = await api.similarity.report(row('夏铎铺镇').id)
    expect(after.sameYear).toEqual(before.sameYear)
    expect(after.findings).toEqual(before.findings)

    const g = await api.similarity.report(row('葛坑镇').id)
    expect(g.lastYear?.year).toBe(2024)
    expect(g.copiedShare).toBeGreaterThan(0.9)
    expect(g.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['copied-from-last-year', 'shared-text', 'stale-year']))
    const stale = g.findings.find((f) => f.code === 'stale-year')!
    expect(y.gekeng.slice(stale.start, stale.end)).toBe('2024年')
    expect(stale.message).toContain('「2024年」')

    const libraryRow = decodeLibraryList(await api.library.submissions()).find((r) => r.unit === '葛坑镇' && r.year === 2025)!
    expect(libraryRow.copiedShare).toBe(g.copiedShare)
    expect(libraryRow.findings).toEqual(expect.arrayContaining(['copied-from-last-year', 'stale-year']))
    const fileRow = (await api.library.list()).find((r) => r.id === row('葛坑镇').id)!
    expect(fileRow.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['copied-from-last-year', 'shared-text', 'stale-year']))
    expect(fileRow.findings.find((f) => f.code === 'copied-from-last-year')!.message).toMatch(/与葛坑镇2024年度报告相同的文字约占全文 \d+%（\d+ 段）/)
    // the workspace shows them beside the file's own findings
    const detail = await api.review.open(row('葛坑镇').id)
    expect(detail.analysis.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['copied-from-last-year', 'stale-year']))

    // side by side: the passages are the same words in both texts (years and figures aside)
    const pair = await api.similarity.pair(row('葛坑镇').id, g.lastYear!.reportId)
    expect(pair.kind).toBe('last-year')
    expect(pair.passages.length).toBeGreaterThan(10)
    for (const p of pair.passages) {
      const a = String.fromCharCode(...matchText(pair.report.text.slice(p.start, p.end)).codes)
      const b = String.fromCharCode(...matchText(pair.other.text.slice(p.otherStart, p.otherEnd)).codes)
      expect(a).toBe(b)
    }

    // the review data carries it
    const out = path.join(dir, 'data.json')
    await api.exports.batch({ reportIds: null, json: out })
    const data = JSON.parse(fs.readFileSync(out, 'utf8')) as { reports: Array<{ id: number; copiedShare: number | null; similar: Array<{ file: string; share: number; passages: unknown[] }> }> }
    const exported = data.reports.find((r) => r.id === row('葛坑镇').id)!
    expect(exported.copiedShare).toBe(g.copiedShare)
    expect(exported.similar).toEqual([{ file: 'gekeng-2024.docx', year: 2024, share: g.copiedShare, passages: g.lastYear!.passages }])
  })

  it('keeps the standard wording the reviewer extends, and takes built-in phrases off', async () => {
    const list = await api.similarity.commonWording()
    expect(list.filter((w) => w.source === 'builtin').map((w) => w.phrase)).toContain('习近平法治思想')
    await expect(api.similarity.addCommonWording('，。')).rejects.toThrow(/不足 4 个字/)
    const added = await api.similarity.addCommonWording('推进法治政府建设示范创建')
    expect(added.find((w) => w.phrase === '推进法治政府建设示范创建')?.source).toBe('reviewer')
    const removed = await api.similarity.removeCommonWording('习近平法治思想')
    expect(removed.map((w) => w.phrase)).not.toContain('习近平法治思想')
    // both travel with the project
    const again = await api.similarity.addCommonWording('习近平法治思想')
    expect(again.find((w) => w.phrase === '习近平法治思想')?.source).toBe('builtin')
    const gone = await api.similarity.removeCommonWording('推进法治政府建设示范创建')
    expect(gone.map((w) => w.phrase)).not.toContain('推进法治政府建设示范创建')
  })

  it('compares a project whose results are missing when it is opened (imported into from the command line)', async () => {
    const file = path.join(dir, 'cli.raudit')
    const project = Project.open(file)
    const pool = createParsePool(project.activeChecklist(), { workerUrl: null })
    fs.writeFileSync(path.join(dir, 'b.txt'), report('xincheng-2020.txt'))
    await importPaths(project, [path.join(dir, 'b.txt'), path.join(CORPUS, 'formats', 'gekeng-2024.docx')], { pool })
    await pool.close()
    project.close()
    await api.projects.open(file)
    const status = await api.similarity.status()
    expect(status.jobId).not.toBeNull()
    await services.jobs.wait(status.jobId!)
    expect(await api.similarity.status()).toMatchObject({ stale: false, reports: 2 })
  })

  it('says the results are out of date until the comparison has run again', async () => {
    expect((await api.similarity.status()).stale).toBe(false)
    fs.writeFileSync(path.join(dir, 'a.txt'), report('gekeng-2024.txt'))
    const job = await api.imports.start([path.join(dir, 'a.txt')])
    await services.jobs.wait(job.id)
    const status = await api.similarity.status()
    // the comparison starts as soon as the import has finished; until it is stored the results are stale
    expect(status.jobId).not.toBeNull()
    expect(status.stale).toBe(true)
    await services.jobs.wait(status.jobId!)
    const done = await api.similarity.status()
    expect(done).toMatchObject({ stale: false, reports: 1, jobId: null })
    expect(done.computedAt).not.toBeNull()
  })
})

// Importing from addresses: the corpus pages fetched from a local portal become reports that keep their
// address, fetch time and the page's own publication date; every address that fails is named with its
// reason and the batch goes on; a page of a report already imported from a Word file joins that
// submission's version instead of making a new row.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createParsePool } from './parse-pool'
import { Project } from '../store/project'
import { loadChecklist } from '../store/checklist-files'
import { importPaths, importUrls } from './import-files'
import { PageFetcher } from './fetch-pages'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { startPageServer, type PageServer } from '../../../tests/helpers/page-server'

let dir: string
let project: Project
let server: PageServer
const pool = createParsePool(loadChecklist('default'), { workerUrl: null, threads: 2 })
const fetcher = () => new PageFetcher({ allowPrivateNetworks: true, hostDelayMs: 0, headersTimeoutMs: 500, idleTimeoutMs: 500, maxPageBytes: 1024 * 1024 })

beforeAll(async () => {
  server = await startPageServer()
})
afterAll(async () => {
  await server.close()
  await pool.close()
})
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-urls-'))
  project = Project.open(path.join(dir, 'p.raudit'))
})
afterEach(() => {
  project.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('importUrls', () => {
  it('imports the pages, keeps where and when each was public, and names every address that failed with its reason', async () => {
    const good = ['/gekeng.gbk.html', '/moved', '/lying.html', '/download.jsp'].map((p) => server.url(p))
    const bad = ['/missing.html', '/slow.html', '/huge.html', '/logo.png', '/loop'].map((p) => server.url(p))
    const counts: Array<Record<string, number>> = []
    const summary = await importUrls(project, [...good, ...bad, server.url('/moved'), 'ftp://x.gov.cn/a.doc', ''], {
      pool,
      fetcher: fetcher(),
      onProgress: (p) => counts.push({ ...p.counts })
    })
    expect(summary).toMatchObject({ state: 'done', total: 11, imported: 4, duplicates: 1, failed: 6 })
    expect(counts.at(-1)).toMatchObject({ fetched: 4, imported: 4, duplicates: 1, failed: 6 })
    const outcome = (u: string) => summary.outcomes.find((o) => o.file === u)
    expect(outcome(server.url('/missing.html'))).toMatchObject({ kind: 'failed', code: 'http-error' })
    expect(outcome(server.url('/slow.html'))).toMatchObject({ kind: 'failed', code: 'timeout' })
    expect(outcome(server.url('/huge.html'))).toMatchObject({ kind: 'failed', code: 'too-large' })
    expect(outcome(server.url('/logo.png'))).toMatchObject({ kind: 'failed', code: 'not-a-page' })
    expect(outcome(server.url('/loop'))).toMatchObject({ kind: 'failed', code: 'too-many-redirects' })
    expect(outcome('ftp://x.gov.cn/a.doc')).toMatchObject({ kind: 'failed', code: 'bad-url' })
    expect(outcome(server.url('/moved'))).toMatchObject({ kind: 'duplicate' })
    for (const o of summary.outcomes) expect(o.message).toMatch(/[\u4e00-\u9fff]{4}/)

    const rows = project.reports.list()
    const byFile = Object.fromEntries(rows.map((r) => [r.fileName, r]))
    expect(Object.keys(byFile).sort()).toEqual(['gekeng.gbk.html', 'lying.html', 'xiaduopu.html', '葛坑镇2024年法治政府建设报告.docx'].sort())
    // The page's own publication date, read from its 发布时间 field.
    expect(byFile['lying.html']).toMatchObject({ title: '新城镇2020年法治政府建设情况报告', published: '2021-05-14' })
    const gekeng = project.reports.page(byFile['gekeng.gbk.html']!.id)!
    expect(gekeng).toMatchObject({ url: server.url('/gekeng.gbk.html'), finalUrl: null, lastModified: '2025-02-28T08:00:00.000Z' })
    expect(Date.parse(gekeng.fetchedAt)).not.toBeNaN()
    expect(project.reports.page(byFile['xiaduopu.html']!.id)).toMatchObject({ url: server.url('/moved'), finalUrl: server.url('/zwgk/xiaduopu.html') })
    // A page is stored byte for byte as it was served, with no path on disk.
    const stored = project.reports.get(byFile['gekeng.gbk.html']!.id)!
    expect(stored.sourcePath).toBeNull()
    expect(Buffer.from(project.reports.fileBytes(stored.id)!).equals(fs.readFileSync(path.join(CORPUS, 'formats', 'gekeng-2024.gbk.html')))).toBe(true)
  })

  it('adds the page of a report imported from its Word file to the same submission and version', async () => {
    project.units.insert({ name: '葛坑镇', level: 'township' })
    project.setRosterSettings({ reviewYear: 2024 })
    const word = path.join(dir, '葛坑镇2024年法治政府建设情况报告.docx')
    fs.copyFileSync(path.join(CORPUS, 'formats', 'gekeng-2024.docx'), word)
    await importPaths(project, [word], { pool })
    const before = project.submissions.roster(project.rosterSettings()).units[0]!
    expect(before).toMatchObject({ submitted: true, files: 1, pageUrl: null })

    const summary = await importUrls(project, [server.url('/gekeng.gbk.html')], { pool, fetcher: fetcher() })
    expect(summary).toMatchObject({ imported: 1, failed: 0 })
    const [docx, page] = project.reports.ids()
    const sub = project.submissions.submissionOf(docx!)
    expect(project.submissions.submissionOf(page!)).toBe(sub)
    const files = project.submissions.files(sub!)!
    expect(files.versions).toHaveLength(1)
    expect(files.versions[0]!.files.map((f) => f.format).sort()).toEqual(['docx', 'html'])
    const row = project.submissions.roster(project.rosterSettings()).units[0]!
    expect(row).toMatchObject({ unit: '葛坑镇', files: 2, versions: 1, reportId: docx, pageUrl: server.url('/gekeng.gbk.html'), pagePublished: '2025-02-28' })
    expect(row.pageFetchedAt).toBe(project.reports.page(page!)!.fetchedAt)
    // The library still shows one row for the submission, opened through the Word file.
    expect(project.submissions.rows(project.rosterSettings()).map((r) => r.id)).toEqual([docx])
    expect(project.submissions.pages(sub!)).toEqual([expect.objectContaining({ reportId: page, url: server.url('/gekeng.gbk.html'), published: '2025-02-28' })])
  })

  it('without a roster, the page still finds the Word file by its text: one row in the library', async () => {
    const word = path.join(dir, '新城镇.docx')
    fs.copyFileSync(path.join(CORPUS, 'formats', 'xincheng-2020.docx'), word)
    await importPaths(project, [word], { pool })
    await importUrls(project, [server.url('/xincheng.html')], { pool, fetcher: fetcher() })
    const rows = project.submissions.rows(project.rosterSettings())
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ files: 2, versions: 1, format: 'docx', unitId: null })
  })

  it('a page fetched again adds nothing: the same bytes, or the same text with other counters and clocks', async () => {
    let visits = 0
    const s = await startPageServer({
      extra: {
        '/counter.html': (res) => {
          visits++
          const page = fs.readFileSync(path.join(CORPUS, 'formats', 'xiaduopu-2020.utf8.html'), 'utf8').replace('</body>', `<div class="footer">访问次数：${visits}</div></body>`)
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
        }
      }
    })
    try {
      const first = await importUrls(project, [s.url('/counter.html'), server.url('/gekeng.gbk.html')], { pool, fetcher: fetcher() })
      expect(first).toMatchObject({ imported: 2 })
      const again = await importUrls(project, [s.url('/counter.html'), server.url('/gekeng.gbk.html')], { pool, fetcher: fetcher() })
      expect(again).toMatchObject({ imported: 0, duplicates: 2, failed: 0 })
      expect(again.outcomes.find((o) => o.file === s.url('/counter.html'))!.message).toMatch(/正文没有变化/)
      expect(again.outcomes.find((o) => o.file === server.url('/gekeng.gbk.html'))!.message).toMatch(/内容完全相同/)
      expect(project.reports.count()).toBe(2)
    } finally {
      await s.close()
    }
  })

  it('a page saved as a file before gets its address when fetched: same bytes, no new report', async () => {
    const saved = path.join(dir, '夏铎铺.html')
    fs.copyFileSync(path.join(CORPUS, 'formats', 'xiaduopu-2020.utf8.html'), saved)
    await importPaths(project, [saved], { pool })
    const [id] = project.reports.ids()
    expect(project.reports.page(id!)).toBeNull()
    const summary = await importUrls(project, [server.url('/xiaduopu.html')], { pool, fetcher: fetcher() })
    expect(summary).toMatchObject({ imported: 0, duplicates: 1 })
    expect(summary.outcomes[0]!.message).toMatch(/已记下这个网址/)
    expect(project.reports.page(id!)).toMatchObject({ url: server.url('/xiaduopu.html') })
  })

  it('a page fetched from a unit\'s roster address goes to that unit even when its text names another', async () => {
    const unitId = project.units.insert({ name: '宁乡市司法局', level: 'department', url: server.url('/xiaduopu.html') })
    const summary = await importUrls(project, [{ url: server.url('/xiaduopu.html'), unitId }], { pool, fetcher: fetcher() })
    expect(summary.imported).toBe(1)
    const sub = project.submissions.submissionOf(project.reports.ids()[0]!)!
    expect(project.submissions.files(sub)!.unitId).toBe(unitId)
    // The issuer is remembered, so the unit's next report is attached by itself.
    expect(project.units.get(unitId)!.aliases).toContain('夏铎铺镇人民政府')
  })

  it('stops when cancelled, without counting the pages cut short as failures', async () => {
    const ctrl = new AbortController()
    const pending = importUrls(project, [server.url('/gekeng.gbk.html'), server.url('/slow.html')], {
      pool,
      fetcher: new PageFetcher({ allowPrivateNetworks: true, hostDelayMs: 0, headersTimeoutMs: 60_000 }),
      signal: ctrl.signal,
      onProgress: (p) => {
        if (p.counts.imported === 1) ctrl.abort()
      }
    })
    const summary = await pending
    expect(summary).toMatchObject({ state: 'cancelled', imported: 1, failed: 0 })
  })
})

// The importer on a real folder: counts, reasons for each failed file, duplicates, cancellation,
// and a second import that leaves what is stored alone.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createParsePool, type ParsePool } from './parse-pool'
import { Project } from '../store/project'
import { loadChecklist } from '../store/checklist-files'
import { importPaths, sha256, type ImportProgress } from './import-files'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'

let dir: string
let project: Project
const pool = () => createParsePool(loadChecklist('default'), { workerUrl: null, threads: 2 })

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-import-'))
  project = Project.open(path.join(dir, 'p.raudit'))
})
afterEach(() => {
  project.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A folder as reviewers receive it: good reports in several formats, a bad file of each kind, a copy. */
function dropFolder(): string {
  const root = path.join(dir, '报告')
  fs.mkdirSync(path.join(root, '乡镇', '葛坑'), { recursive: true })
  const copy = (name: string, to: string) => fs.copyFileSync(path.join(CORPUS, 'formats', name), path.join(root, to))
  copy('gekeng-2024.docx', '乡镇/葛坑/葛坑镇2024年报告.docx')
  copy('xincheng-2020.pdf', '新城镇.pdf')
  copy('xiaduopu-2020.gbk.html', '夏铎铺镇.html')
  copy('gekeng-2024.docx', '葛坑镇（重复发送）.docx')
  fs.writeFileSync(path.join(root, '空文件.txt'), '')
  fs.writeFileSync(path.join(root, '损坏.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]))
  fs.writeFileSync(path.join(root, '旧格式.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
  return root
}

describe('importPaths', () => {
  it('names the file still being worked on, not the last one started', async () => {
    const root = path.join(dir, 'slow')
    fs.mkdirSync(root)
    for (const name of ['a-慢.txt', 'b.txt', 'c.txt']) fs.copyFileSync(path.join(CORPUS, 'formats', 'gekeng-2024.gbk.txt'), path.join(root, name))
    fs.appendFileSync(path.join(root, 'b.txt'), '\n二')
    fs.appendFileSync(path.join(root, 'c.txt'), '\n三')
    const real = pool()
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const seen: Array<{ current: string | null; imported: number }> = []
    // The first file's parse is held until the other two have been imported.
    const held: typeof real = {
      ...real,
      threads: 3,
      runBytes: async (bytes, name, full) => {
        if (name.endsWith('a-慢.txt')) await gate
        return real.runBytes(bytes, name, full)
      }
    }
    const summary = await importPaths(project, [root], {
      pool: held,
      onProgress: (p) => {
        seen.push({ current: p.current, imported: p.counts.imported })
        if (p.counts.imported === 2) setTimeout(release, 20)
      }
    })
    await real.close()
    expect(summary.imported).toBe(3)
    // while the batch waits for a-慢.txt alone, the progress line names it (not c.txt, started last)
    const waiting = seen.filter((e) => e.imported === 2)
    expect(waiting.length).toBeGreaterThan(0)
    expect(waiting.map((e) => e.current)).toEqual(waiting.map(() => 'a-慢.txt'))
    expect(seen.at(-1)!.current).toBeNull()
  })

  it('imports the readable reports and names every other file with its reason', async () => {
    const p = pool()
    const progress: ImportProgress[] = []
    const summary = await importPaths(project, [dropFolder()], { pool: p, onProgress: (x) => progress.push(x) })
    await p.close()
    expect(summary).toMatchObject({ state: 'done', total: 7, imported: 3, duplicates: 1, failed: 3 })
    const byName = Object.fromEntries(summary.outcomes.map((o) => [path.basename(o.file), o]))
    expect(byName['空文件.txt']).toMatchObject({ kind: 'failed', code: 'empty' })
    expect(byName['损坏.pdf']).toMatchObject({ kind: 'failed', code: 'corrupt' })
    expect(byName['旧格式.doc']).toMatchObject({ kind: 'failed', code: 'corrupt' })
    // a file in a dropped folder gets the same advice as when named on its own
    expect(byName['旧格式.doc']!.message).toMatch(/另存为.*\.docx/)
    const dup = summary.outcomes.find((o) => o.kind === 'duplicate')!
    expect(dup.message).toMatch(/内容完全相同/)
    for (const o of summary.outcomes) expect(o.message.length).toBeGreaterThan(4)
    // the library holds the three reports with their analysis
    const rows = project.reports.list()
    expect(rows.map((r) => r.issuer).sort()).toEqual(['夏铎铺镇人民政府', '新城镇', '葛坑镇人民政府'].sort())
    // each with the fingerprint of its text, stored as it was imported
    for (const r of rows) expect(project.db.prepare<[number], { n: number }>('SELECT length(sketch) AS n FROM reports WHERE id = ?').get(r.id)!.n).toBe(128 * 4)
    // progress ends at the total, with the same counts as the summary
    const last = progress.at(-1)!
    expect(last).toMatchObject({ total: 7, done: 7, counts: { imported: 3, duplicates: 1, failed: 3 } })
    expect(progress.map((x) => x.done)).toEqual([...progress.map((x) => x.done)].sort((a, b) => a - b))
    // the summary survives reopening the project
    project.close()
    project = Project.open(path.join(dir, 'p.raudit'))
    expect(project.imports.summary(summary.id)).toEqual(summary)
  })

  it('a second import of the same files adds nothing and changes nothing stored', async () => {
    const p = pool()
    const root = dropFolder()
    await importPaths(project, [root], { pool: p })
    const before = project.db.prepare('SELECT id, imported_at, analyzed_at, analysis_json FROM reports ORDER BY id').all()
    const again = await importPaths(project, [root], { pool: p })
    await p.close()
    expect(again).toMatchObject({ imported: 0, duplicates: 4, failed: 3 })
    expect(project.db.prepare('SELECT id, imported_at, analyzed_at, analysis_json FROM reports ORDER BY id').all()).toEqual(before)
  })

  it('stops taking new files when cancelled, keeps what was imported, and says so', async () => {
    const p = pool()
    const root = path.join(dir, 'many')
    fs.mkdirSync(root)
    const src = fs.readFileSync(path.join(CORPUS, 'formats', 'gekeng-2024.gbk.txt'))
    // different content per file, so none is a duplicate
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(root, `r${String(i).padStart(2, '0')}.txt`), Buffer.concat([src, Buffer.from(`\r\n${i}\r\n`)]))
    const controller = new AbortController()
    const summary = await importPaths(project, [root], {
      pool: p,
      signal: controller.signal,
      onProgress: (x) => {
        if (x.counts.imported >= 3) controller.abort()
      }
    })
    await p.close()
    expect(summary.state).toBe('cancelled')
    expect(summary.imported).toBeGreaterThanOrEqual(3)
    expect(summary.imported).toBeLessThan(30)
    expect(project.reports.count()).toBe(summary.imported)
  })

  it('refuses a document that is not an annual report, and imports it when asked to (accept-not-report)', async () => {
    const news = path.join(dir, '新闻.txt')
    fs.copyFileSync(path.join(CORPUS, 'excerpts2', '047.txt'), news)
    const p = pool()
    const refused = await importPaths(project, [news], { pool: p })
    expect(refused).toMatchObject({ imported: 0, failed: 1 })
    expect(refused.outcomes[0]).toMatchObject({ code: 'not-a-report' })
    expect(refused.outcomes[0]!.message).toMatch(/新闻/)
    const taken = await importPaths(project, [news], { pool: p, acceptNotReport: true })
    expect(taken).toMatchObject({ imported: 1, failed: 0 })
    const stored = project.reports.get(project.reports.ids()[0]!)!
    expect(stored.analysis.notReport).toMatch(/新闻/)
    // Re-analysis keeps it: a document already in the project is never refused again.
    const again = await p.analyzeDoc(project.reports.doc(stored.id)!, String(stored.id))
    expect(again.report.ok).toBe(true)
    await p.close()
  })

  /** `n` distinct small reports (the same text, a different last line each) in a new folder. */
  function distinctReports(name: string, n: number): string {
    const root = path.join(dir, name)
    fs.mkdirSync(root)
    const src = fs.readFileSync(path.join(CORPUS, 'formats', 'gekeng-2024.gbk.txt'))
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(root, `${name}-${String(i).padStart(2, '0')}.txt`), Buffer.concat([src, Buffer.from(`\r\n${name} ${i}\r\n`)]))
    return root
  }

  // Both ways an import writes: on this thread (running from sources) and on the writer thread of the
  // built app, here started from the TypeScript sources.
  const writers = [
    ['this thread', {}],
    ['the writer thread', { storeWorker: { url: new URL('../../../tests/helpers/ts-worker.mjs', import.meta.url), workerData: { tsWorker: new URL('./store-worker.ts', import.meta.url).href } } }]
  ] as const
  describe.each(writers)('writing on %s', (_, writer) => {
    it('attaches each report to its roster unit and indexes it for short and long terms', async () => {
      const ids = ['葛坑镇', '新城镇', '夏铎铺镇'].map((name) => project.units.insert({ name, level: 'township' }))
      const root = path.join(dir, 'units')
      fs.mkdirSync(root)
      for (const f of ['gekeng-2024.docx', 'xincheng-2020.pdf', 'xiaduopu-2020.gbk.html']) fs.copyFileSync(path.join(CORPUS, 'formats', f), path.join(root, f))
      const p = pool()
      const summary = await importPaths(project, [root], { pool: p, ...writer })
      await p.close()
      expect(summary).toMatchObject({ imported: 3, failed: 0 })
      const rows = project.submissions.rows({ publishBy: '04-01' })
      expect(rows.map((r) => r.unitId).sort()).toEqual([...ids].sort())
      expect(project.reports.search('普法').total).toBe(3)
      expect(project.reports.search('法治政府').total).toBe(3)
    })

    it('a full disk stops the batch cleanly with the reason, keeps every file stored so far, and the project stays readable', async () => {
      const p = pool()
      const first = await importPaths(project, [distinctReports('a', 2)], { pool: p, ...writer })
      expect(first.imported).toBe(2)
      // SQLite's own size cap: the next write that needs a new page fails with SQLITE_FULL, as on a full disk.
      const pages = project.db.pragma('page_count', { simple: true }) as number
      project.db.pragma(`max_page_count = ${pages + 12}`)
      const summary = await importPaths(project, [distinctReports('b', 20)], { pool: p, ...writer })
      await p.close()
      expect(summary.stopReason).toMatch(/磁盘空间已满/)
      expect(summary.state).toBe('interrupted')
      expect(summary.imported).toBeLessThan(20)
      // nothing stored is lost, and every report counted as imported is there
      expect(project.reports.count()).toBe(2 + summary.imported)
      expect(summary.outcomes.filter((o) => o.code === 'internal')).toEqual([])
      project.close()
      project = Project.open(path.join(dir, 'p.raudit'))
      expect(project.reports.count()).toBe(2 + summary.imported)
      expect(project.reports.list()).toHaveLength(2 + summary.imported)
    })

    it('two imports of the same files into one project at once report duplicates, never a UNIQUE error', async () => {
      const root = distinctReports('same', 6)
      const other = Project.open(path.join(dir, 'p.raudit'))
      // Parsing takes time, as on the worker processes: both batches look each file up before either stores it.
      const slow = (real: ParsePool): ParsePool => ({ ...real, runBytes: async (...a) => (await new Promise((r) => setTimeout(r, 30)), real.runBytes(...a)) })
      const [p1, p2] = [pool(), pool()]
      const [a, b] = await Promise.all([importPaths(project, [root], { pool: slow(p1), ...writer }), importPaths(other, [root], { pool: slow(p2), ...writer })])
      await Promise.all([p1.close(), p2.close()])
      other.close()
      expect([...a.outcomes, ...b.outcomes].filter((o) => o.kind === 'failed')).toEqual([])
      expect(a.imported + b.imported).toBe(6)
      expect(a.duplicates + b.duplicates).toBe(6)
      expect(project.reports.count()).toBe(6)
    })
  })

  it('a writer thread that cannot start costs nothing: this thread writes instead', async () => {
    const p = pool()
    const broken = { url: new URL('data:text/javascript,throw new Error("无法启动写入线程")') }
    const summary = await importPaths(project, [distinctReports('w', 3)], { pool: p, storeWorker: broken })
    await p.close()
    expect(summary).toMatchObject({ state: 'done', imported: 3, failed: 0 })
    expect(project.reports.count()).toBe(3)
  })

  it.runIf(process.platform !== 'win32')('follows links to reports and folders (a loop is walked once) and lists a pipe as not read', async () => {
    const root = path.join(dir, 'links')
    const elsewhere = path.join(dir, 'elsewhere')
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true })
    fs.mkdirSync(elsewhere)
    fs.copyFileSync(path.join(CORPUS, 'formats', 'gekeng-2024.docx'), path.join(elsewhere, '葛坑.docx'))
    fs.copyFileSync(path.join(CORPUS, 'formats', 'xincheng-2020.pdf'), path.join(elsewhere, '新城.pdf'))
    fs.symlinkSync(path.join(elsewhere, '葛坑.docx'), path.join(root, '链接到葛坑.docx'))
    fs.symlinkSync(elsewhere, path.join(root, 'sub', '链接到文件夹'))
    fs.symlinkSync(root, path.join(root, 'sub', '回到上级')) // a loop
    fs.symlinkSync(path.join(dir, 'gone.docx'), path.join(root, '断开的链接.docx'))
    execFileSync('mkfifo', [path.join(root, '管道.txt')])
    const p = pool()
    const summary = await importPaths(project, [root], { pool: p })
    await p.close()
    const byName = Object.fromEntries(summary.outcomes.map((o) => [path.basename(o.file), o]))
    expect(byName['管道.txt']).toMatchObject({ kind: 'failed', message: expect.stringMatching(/管道/) })
    expect(byName['断开的链接.docx']).toMatchObject({ kind: 'failed', message: expect.stringMatching(/链接/) })
    // 葛坑 reached twice (its link and the linked folder): once imported, once a duplicate
    expect(summary).toMatchObject({ imported: 2, duplicates: 1, failed: 2 })
  })

  it('hashes in slices to the same SHA-256 as one pass', async () => {
    const big = new Uint8Array(9 * 1024 * 1024 + 17).map((_, i) => i % 251)
    expect(await sha256(big)).toBe(createHash('sha256').update(big).digest('hex'))
  })
})

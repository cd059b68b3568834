// The importer on a real folder: counts, reasons for each failed file, duplicates, cancellation,
// and a second import that leaves what is stored alone.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createParsePool } from './parse-pool'
import { Project } from '../store/project'
import { loadChecklist } from '../store/checklist-files'
import { importPaths, sha256, type ImportProgress } from './import-files'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { createHash } from 'node:crypto'

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

  it('hashes in slices to the same SHA-256 as one pass', async () => {
    const big = new Uint8Array(9 * 1024 * 1024 + 17).map((_, i) => i % 251)
    expect(await sha256(big)).toBe(createHash('sha256').update(big).digest('hex'))
  })
})

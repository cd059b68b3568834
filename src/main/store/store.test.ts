// The project store on real temporary files: migrations, backups, duplicates, one transaction per
// file, and full-text search with queries of 1, 2 and 3+ characters.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readReport } from '../readers'
import { analyze } from '../domain/analyze'
import { loadChecklist } from './checklist-files'
import { openDatabase } from './database'
import { MIGRATIONS } from './migrations'
import { Project } from './project'
import { snippets, type NewReport } from './report-repository'
import { CORPUS } from '../../../tests/helpers/fixtures'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-store-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const checklist = loadChecklist('default')

async function newReport(file: string, sha = path.basename(file)): Promise<NewReport> {
  const bytes = new Uint8Array(fs.readFileSync(file))
  const doc = await readReport(bytes, file)
  const { notReport: _n, ...analysis } = analyze(doc, checklist)
  return { sha256: sha, fileName: path.basename(file), sourcePath: file, bytes, doc, analysis, importId: null }
}

const formats = (name: string) => path.join(CORPUS, 'formats', name)

describe('migrations', () => {
  it('creates a new project at the latest version, marked as a project file, in WAL mode', () => {
    const file = path.join(dir, 'a.raudit')
    const db = openDatabase(file)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name)
    expect(tables).toEqual(expect.arrayContaining(['reports', 'report_files', 'report_texts', 'report_fts', 'imports', 'import_outcomes']))
    db.close()
    // reopening migrates nothing and keeps the data
    const again = openDatabase(file)
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
    again.close()
  })

  it('copies an existing project before migrating it, and applies only the new steps', () => {
    const file = path.join(dir, 'old.raudit')
    const v1 = [{ version: 1, name: 'one', sql: 'CREATE TABLE t (x TEXT); INSERT INTO t VALUES (\'审核意见\');' }]
    openDatabase(file, { migrations: v1 }).close()
    const v2 = [...v1, { version: 2, name: 'two', sql: 'ALTER TABLE t ADD COLUMN y TEXT;' }]
    const db = openDatabase(file, { migrations: v2 })
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(db.prepare('SELECT x, y FROM t').get()).toEqual({ x: '审核意见', y: null })
    db.close()
    const backup = path.join(dir, 'old.v1.bak.raudit')
    expect(fs.existsSync(backup)).toBe(true)
    const b = new Database(backup, { readonly: true })
    expect(b.pragma('user_version', { simple: true })).toBe(1)
    expect(b.prepare('SELECT x FROM t').get()).toEqual({ x: '审核意见' })
    b.close()
  })

  it('refuses a file that is not a project, one from a newer version, and a corrupt one, leaving each untouched', () => {
    const foreign = path.join(dir, 'other.sqlite')
    const f = new Database(foreign)
    f.exec('CREATE TABLE notes (x)')
    f.close()
    expect(() => openDatabase(foreign)).toThrow(/不是审核台的项目文件/)

    const newer = path.join(dir, 'newer.raudit')
    openDatabase(newer).close()
    const n = new Database(newer)
    n.pragma('user_version = 99')
    n.close()
    expect(() => openDatabase(newer)).toThrow(/更新版本/)

    const garbage = path.join(dir, 'garbage.raudit')
    const bytes = Buffer.from('这不是数据库'.repeat(400))
    fs.writeFileSync(garbage, bytes)
    expect(() => openDatabase(garbage)).toThrow(expect.objectContaining({ code: 'corrupt' }))
    expect(fs.readFileSync(garbage).equals(bytes)).toBe(true)

    expect(() => openDatabase(path.join(dir, 'missing.raudit'), { create: false })).toThrow(expect.objectContaining({ code: 'not-found' }))
  })
})

describe('reports', () => {
  it('stores the original bytes, the text and the analysis, and lists a row per report', async () => {
    const p = Project.open(path.join(dir, 'p.raudit'))
    const r = await newReport(formats('xincheng-2020.pdf'))
    const id = p.reports.insert(r)
    expect(Buffer.from(p.reports.fileBytes(id)!).equals(Buffer.from(r.bytes))).toBe(true)
    expect(p.reports.text(id)!.text).toBe(r.doc.text)
    const [row] = p.reports.list()
    expect(row).toMatchObject({ id, fileName: 'xincheng-2020.pdf', format: 'pdf', title: '新城镇2020年法治政府建设情况报告', issuer: '新城镇', year: 2020, published: '2021-05-14' })
    expect(row!.items.map((i) => i.id)).toEqual(['leadership', 'enforcement', 'publicity', 'shortcomings', 'plans'])
    expect(row!.findings.map((f) => f.code)).toContain('late-publication')
    expect(row!.completeness).toBeGreaterThan(0)
    expect(p.reports.get(id)!.analysis.items[0]!.evidence.length).toBeGreaterThan(0)
    p.close()
  })

  it('knows a file by its SHA-256 and will not store the same content twice', async () => {
    const p = Project.open(path.join(dir, 'p.raudit'))
    const r = await newReport(formats('gekeng-2024.docx'), 'abc')
    p.reports.insert(r)
    expect(p.reports.findBySha('abc')).toEqual({ id: 1, fileName: 'gekeng-2024.docx' })
    expect(p.reports.findBySha('def')).toBeNull()
    expect(() => p.reports.insert({ ...r, fileName: 'copy.docx' })).toThrow(/UNIQUE/)
    expect(p.reports.count()).toBe(1)
    p.close()
  })

  it('commits a report with its file and text together or not at all', async () => {
    const p = Project.open(path.join(dir, 'p.raudit'))
    const good = await newReport(formats('gekeng-2024.docx'))
    const bad = await newReport(formats('xiaduopu-2020.docx'))
    // the text insert (the last step of the three) fails for this one report
    p.db.exec(`CREATE TEMP TRIGGER fail_text BEFORE INSERT ON report_texts WHEN new.report_id = 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END;`)
    p.reports.insert(good)
    expect(() => p.reports.insert(bad)).toThrow(/disk full/)
    expect(p.db.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 1 })
    expect(p.db.prepare('SELECT count(*) AS n FROM report_files').get()).toEqual({ n: 1 })
    expect(p.db.prepare('SELECT count(*) AS n FROM report_texts').get()).toEqual({ n: 1 })
    p.close()
  })

  it('re-analysis rewrites the analysis only', async () => {
    const p = Project.open(path.join(dir, 'p.raudit'))
    const r = await newReport(formats('gekeng-2024.docx'))
    const id = p.reports.insert(r, '2026-03-01T00:00:00.000Z')
    const statutory = loadChecklist('statutory')
    const { notReport: _n, ...a2 } = analyze(r.doc, statutory)
    p.reports.updateAnalysis(id, a2)
    const row = p.reports.get(id)!
    expect(row.checklistId).toBe('statutory')
    expect(row.importedAt).toBe('2026-03-01T00:00:00.000Z')
    expect(p.reports.text(id)!.text).toBe(r.doc.text)
    p.close()
  })
})

describe('change state (the key of the library list kept in memory)', () => {
  it('moves with a write on this connection and with a commit on another (the import writer), not with reads', async () => {
    const file = path.join(dir, 'c.raudit')
    const project = Project.open(file)
    const writer = Project.openWriter(file)
    try {
      const s0 = project.changeState()
      project.reports.list()
      project.submissions.rows({ publishBy: '04-01' })
      expect(project.changeState()).toBe(s0)
      const id = writer.addImported({ ...(await newReport(formats('gekeng-2024.docx'))), importId: project.imports.begin(1) })
      const s1 = project.changeState()
      expect(s1).not.toBe(s0)
      expect(project.submissions.rows({ publishBy: '04-01' }).map((r) => r.id)).toEqual([id])
      project.settings.set('reviewYear', '2024')
      expect(project.changeState()).not.toBe(s1)
    } finally {
      writer.db.close()
      project.close()
    }
  })
})

describe('full-text search', () => {
  let p: Project
  beforeEach(async () => {
    p = Project.open(path.join(dir, 's.raudit'))
    for (const f of ['gekeng-2024.docx', 'xiaduopu-2020.docx', 'xincheng-2020.docx']) p.reports.insert(await newReport(formats(f)))
  })
  afterEach(() => p.close())

  const idsOf = (q: string) => {
    const r = p.reports.search(q)
    expect(r.total).toBe(r.ids.length)
    return r.ids
  }
  const containing = (q: string) =>
    p.db
      .prepare<[string], { id: number }>('SELECT report_id AS id FROM report_texts WHERE instr(text, ?) > 0 ORDER BY report_id')
      .all(q)
      .map((r) => r.id)

  it.each([
    ['one character', '镇'],
    ['two characters', '普法'],
    ['two characters in one report only', '葛坑'],
    ['three characters through the trigram index', '葛坑镇'],
    ['a longer phrase', '行政执法'],
    ['a phrase in no report', '量子计算机']
  ])('%s: %s finds exactly the reports whose text holds it', (_label, q) => {
    expect(idsOf(q)).toEqual(containing(q))
  })

  it('needs every term of a query with spaces, mixing short and long terms', () => {
    const both = containing('葛坑').filter((id) => containing('行政执法').includes(id))
    expect(idsOf('葛坑 行政执法')).toEqual(both)
    expect(idsOf('葛坑 新城镇')).toEqual(containing('葛坑').filter((id) => containing('新城镇').includes(id)))
    expect(idsOf('   ')).toEqual([])
  })

  it('treats quotes and FTS syntax in a query as plain text', () => {
    expect(() => idsOf('"法治 OR NEAR(')).not.toThrow()
    expect(idsOf('"法治')).toEqual([])
    expect(idsOf('AND')).toEqual(containing('AND'))
  })

  it('answers one- and two-character terms from the gram index, at the very end of a text and beside punctuation', async () => {
    const base = await newReport(formats('gekeng-2024.docx'), 'edge')
    const text = '一是加强组织领导，二是深化普法'
    const id = p.reports.insert({ ...base, doc: { ...base.doc, text, blocks: [] } })
    expect(idsOf('普法')).toContain(id)
    expect(idsOf('导')).toContain(id)
    // a pair broken by punctuation is not a pair: 导，二 is no match for 导二
    expect(idsOf('导二')).not.toContain(id)
    // a short term with punctuation falls back to the text itself
    expect(idsOf('导，')).toEqual(containing('导，'))
  })

  it('indexes reports stored before the gram index existed', async () => {
    p.db.exec('DELETE FROM report_grams')
    expect(idsOf('普法')).toEqual([])
    expect(p.reports.indexMissingGrams()).toBe(3)
    expect(idsOf('普法')).toEqual(containing('普法'))
    expect(p.reports.indexMissingGrams()).toBe(0)
  })

  it('returns passages with the hits marked, for the reports asked for', () => {
    const hits = p.reports.snippets('葛坑', idsOf('葛坑'))
    expect(hits.length).toBeGreaterThan(0)
    const first = hits[0]!
    expect(first.count).toBeGreaterThan(0)
    expect(first.snippets[0]!.some((part) => part.hit && part.text === '葛坑')).toBe(true)
  })
})

describe('snippets', () => {
  it('joins close matches into one passage and marks each', () => {
    const s = snippets('甲乙丙丁戊己庚辛普法壬癸普法子丑寅卯辰巳午未申酉戌亥', ['普法'], 3, 4)
    expect(s.count).toBe(2)
    expect(s.snippets).toHaveLength(1)
    expect(s.snippets[0]!.filter((x) => x.hit).map((x) => x.text)).toEqual(['普法', '普法'])
    expect(s.snippets[0]!.map((x) => x.text).join('')).toBe('…戊己庚辛普法壬癸普法子丑寅卯…')
  })
})

describe('the shipped migrations', () => {
  it('bring a version-1 project to the latest schema, keeping its reports and a copy of the old file', () => {
    const file = path.join(dir, '2025年度.raudit')
    const v1 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) })
    v1.prepare(
      `INSERT INTO reports (sha256, file_name, size_bytes, format, encoding, imported_at, title, completeness, checklist_id, summary_json, analysis_json, analyzed_at)
       VALUES ('abc', '葛坑镇.docx', 10, 'docx', 'utf-8', '2026-03-01', '葛坑镇2024年法治政府建设工作报告', 80, 'default', '{"items":[],"findings":[]}', '{}', '2026-03-01')`
    ).run()
    v1.prepare("INSERT INTO report_texts (report_id, text, blocks_json, warnings_json) VALUES (1, '正文', '[]', '[]')").run()
    v1.close()
    const p = Project.open(file)
    expect(p.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
    expect(p.reports.list()[0]).toMatchObject({ fileName: '葛坑镇.docx', title: '葛坑镇2024年法治政府建设工作报告' })
    expect(p.reports.doc(1)).toMatchObject({ text: '正文', format: 'docx' })
    expect(p.reviews.verdicts(1)).toEqual([])
    p.close()
    const backup = new Database(path.join(dir, '2025年度.v1.bak.raudit'), { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(1)
    expect(backup.prepare('SELECT file_name FROM reports').get()).toEqual({ file_name: '葛坑镇.docx' })
    backup.close()
  })
})

describe('a copy of an open project', () => {
  it('is consistent and complete while the project stays open and in use', async () => {
    const p = Project.open(path.join(dir, 'live.raudit'))
    p.reports.insert(await newReport(formats('gekeng-2024.docx')))
    p.reviews.setOpinion(1, '写在复制之前。', { reviewer: '审核人' })
    const target = path.join(dir, 'copy.raudit')
    await p.copyTo(target)
    p.reviews.setOpinion(1, '写在复制之后。', { reviewer: '审核人' }) // the original goes on; the copy is as it was
    const c = Project.open(target, { create: false })
    expect(c.reports.count()).toBe(1)
    expect(c.reviews.review(1).opinion).toBe('写在复制之前。')
    expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok')
    c.close()
    p.close()
  })
})

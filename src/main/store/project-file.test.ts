// A project file from someone else: checked read-only against the app's schema before anything in it
// can run; an added trigger or view or an altered table is refused by name, the app's own triggers are
// put back, a foreign SQLite file is left as it was, and a file that cannot be written opens read-only.
import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { analyze } from '../domain/analyze'
import { readReport } from '../readers'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { loadChecklist } from './checklist-files'
import type { NewReport } from './report-repository'
import { expectedSchema } from './schema-check'
import { MIGRATIONS } from './migrations'
import { Project } from './project'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-pfile-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

let report: NewReport
beforeAll(async () => {
  const file = path.join(CORPUS, 'formats', 'gekeng-2024.docx')
  const bytes = new Uint8Array(fs.readFileSync(file))
  const doc = await readReport(bytes, file)
  const { notReport: _n, ...analysis } = analyze(doc, loadChecklist('default'))
  report = { sha256: 'a'.repeat(64), fileName: path.basename(file), sourcePath: file, bytes, doc, analysis, importId: null }
})

/** A real project with a report and an import left running (as after a crash: opening marks it interrupted, a write). */
function project(name = 'p.raudit'): string {
  const file = path.join(dir, name)
  const p = Project.open(file)
  p.reports.insert(report)
  p.imports.begin(3)
  p.settings.set('checklistId', 'default')
  p.close()
  return file
}

/** Edits a project behind the app's back, as the sqlite3 tool would. */
function tamper(file: string, sql: string): void {
  const db = new Database(file)
  db.exec(sql)
  db.close()
}

const marker = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare("SELECT value FROM settings WHERE key = 'pwned'").get()
  } finally {
    db.close()
  }
}

// A trigger that would run on the first write the app makes when opening (marking a crashed import):
// a recursive query (bounded here, so a failing test ends) and a mark that shows it ran.
const EVIL_TRIGGER = `CREATE TRIGGER evil AFTER UPDATE ON imports BEGIN
  SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT x FROM c);
  INSERT OR REPLACE INTO settings (key, value) VALUES ('pwned', '1');
END;`

describe('opening a project file from someone else', () => {
  it('refuses a file with an added trigger, naming it, before the trigger can run; the file is left as it was', () => {
    const file = project()
    tamper(file, EVIL_TRIGGER)
    const before = sha(file)
    expect(() => Project.open(file)).toThrow(expect.objectContaining({ code: 'corrupt', message: expect.stringMatching(/多出触发器「evil」.*为安全起见未打开/) }))
    expect(marker(file)).toBeUndefined()
    expect(sha(file)).toBe(before)
  })

  it.each([
    ['a view', 'CREATE VIEW everything AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c;', /多出视图「everything」/],
    ['a table put back as a view', 'ALTER TABLE imports RENAME TO imports_old; CREATE VIEW imports AS SELECT * FROM imports_old;', /多出(表「imports_old」|视图「imports」)/],
    ['an added column', 'ALTER TABLE reports ADD COLUMN secret TEXT;', /表「reports」的结构不符/],
    ['an added index', 'CREATE INDEX odd ON reports(file_name);', /多出索引「odd」/]
  ])('refuses a file with %s', (_label, sql, message) => {
    const file = project()
    tamper(file, sql)
    expect(() => Project.open(file)).toThrow(expect.objectContaining({ code: 'corrupt', message: expect.stringMatching(message) }))
  })

  it("puts the app's own triggers back when one was dropped or rewritten, before any write can fire it", () => {
    const file = project()
    tamper(
      file,
      `DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
       CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN INSERT OR REPLACE INTO settings (key, value) VALUES ('pwned', '1'); END;`
    )
    const p = Project.open(file)
    try {
      const triggers = p.db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name").all()
      const want = expectedSchema(MIGRATIONS, MIGRATIONS.at(-1)!.version).filter((e) => e.type === 'trigger' && e.tbl_name === 'audit_log')
      expect(triggers).toEqual(want.map((w) => ({ name: w.name, sql: w.sql })))
      expect(() => p.db.prepare('DELETE FROM audit_log').run()).not.toThrow() // empty: nothing to refuse yet
      p.reviews.setOpinion(1, '意见', { reviewer: '甲' })
      expect(() => p.db.prepare("UPDATE audit_log SET reviewer = '乙'").run()).toThrow(/append-only/)
      expect(() => p.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    } finally {
      p.close()
    }
    expect(marker(file)).toBeUndefined()
  })

  it('refuses a foreign SQLite file without converting it to WAL', () => {
    const foreign = path.join(dir, 'notes.sqlite')
    tamper(foreign, "CREATE TABLE notes (x); INSERT INTO notes VALUES ('私人笔记');")
    const before = sha(foreign)
    expect(() => Project.open(foreign)).toThrow(/不是审核台的项目文件/)
    expect(sha(foreign)).toBe(before)
    expect(fs.existsSync(`${foreign}-wal`)).toBe(false)
    const db = new Database(foreign, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete')
    db.close()
  })

  it('refuses a file that is not SQLite at all, and one cut short, with a reason', () => {
    const junk = path.join(dir, 'junk.raudit')
    fs.writeFileSync(junk, Buffer.alloc(8192, 0x5a))
    expect(() => Project.open(junk)).toThrow(expect.objectContaining({ code: 'corrupt', message: expect.stringMatching(/无法打开项目文件 junk.raudit/) }))
    const file = project('cut.raudit')
    fs.truncateSync(file, 1000)
    expect(() => Project.open(file)).toThrow(expect.objectContaining({ code: 'corrupt' }))
  })
})

describe('a project that cannot be written', () => {
  const root = process.getuid?.() === 0
  let mount: string | null = null
  afterEach(() => {
    if (mount) execFileSync('umount', [mount])
    mount = null
  })

  /** A folder on a file system of `size` (root: a tmpfs of its own), or null where none can be made. */
  function smallDisk(size: string): string | null {
    if (!root || process.platform !== 'linux') return null
    const m = path.join(dir, 'mnt')
    fs.mkdirSync(m)
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', m])
    } catch {
      return null
    }
    mount = m
    return m
  }

  it('opens a read-only project for reading and export, and refuses writes with the reason', () => {
    const file = project()
    const writer = Project.open(file)
    writer.reviews.setOpinion(1, '原有意见', { reviewer: '甲' })
    writer.close()
    let target = file
    const m = smallDisk('16m')
    if (m) {
      // root ignores file permissions: a read-only mount is what stops it
      target = path.join(m, 'p.raudit')
      fs.copyFileSync(file, target)
      execFileSync('mount', ['-o', 'remount,ro', m])
    } else if (!root) {
      fs.chmodSync(file, 0o444)
    } else return // root without mount rights: nothing here can make a file read-only
    const p = Project.open(target)
    try {
      expect(p.readOnly).toMatch(/只读/)
      expect(p.reviews.review(1).opinion).toBe('原有意见')
      expect(() => p.reviews.setOpinion(1, '改写', { reviewer: '乙' })).toThrow(expect.objectContaining({ code: expect.stringMatching(/^SQLITE_READONLY/) }))
    } finally {
      p.close()
    }
  })

  it.runIf(root && process.platform === 'linux')('opens a project on a full disk, to read and export it', () => {
    const m = smallDisk('4m')
    if (!m) return
    const file = path.join(m, 'p.raudit')
    fs.copyFileSync(project(), file)
    // fill the disk to the last byte
    try {
      fs.writeFileSync(path.join(m, 'filler'), Buffer.alloc(8 << 20))
    } catch {
      /* ENOSPC: full */
    }
    const p = Project.open(file)
    try {
      expect(p.readOnly).toMatch(/已满的磁盘/)
      expect(p.reports.count()).toBe(1)
      expect(p.reports.text(1)!.text.length).toBeGreaterThan(1000)
      expect(p.imports.summary(1)).toMatchObject({ id: 1 })
    } finally {
      p.close()
    }
  })
})

// The audit trail's hash chain: entries written by the app chain; an entry rewritten or removed with the
// sqlite3 tool (the append-only triggers dropped first) is found on opening and in exports, by number
// and time; a project from before the chain gets its entries chained when it is upgraded.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { analyze } from '../domain/analyze'
import { readReport } from '../readers'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { loadChecklist } from './checklist-files'
import { MIGRATIONS } from './migrations'
import { Project } from './project'
import type { NewReport } from './report-repository'
import { auditCheck, reviewDocuments } from '../services/review-documents'
import { reviewDataJson } from '../exporters/json'
import { particulars } from '../exporters/model'

let dir: string
let report: NewReport
const checklist = loadChecklist('default')
beforeAll(async () => {
  const file = path.join(CORPUS, 'formats', 'gekeng-2024.docx')
  const bytes = new Uint8Array(fs.readFileSync(file))
  const doc = await readReport(bytes, file)
  const { notReport: _n, ...analysis } = analyze(doc, checklist)
  report = { sha256: 'b'.repeat(64), fileName: path.basename(file), sourcePath: file, bytes, doc, analysis, importId: null }
})
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-chain-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A project with one report and five audit entries made by the app. */
function reviewed(): string {
  const file = path.join(dir, 'p.raudit')
  const p = Project.open(file)
  const id = p.reports.insert(report)
  const by = (i: number) => ({ reviewer: '甲', at: `2026-03-0${i}T09:00:00.000Z` })
  p.reviews.setItemVerdict(id, 'leadership', 'meets', '', by(1))
  p.reviews.setOverall(id, 'pass', by(2))
  p.reviews.setOpinion(id, '同意。', by(3))
  p.reviews.setOpinion(id, '同意，请补充数据。', by(4))
  p.reviews.setItemVerdict(id, 'leadership', 'partial', '不具体', by(5))
  p.close()
  return file
}

/** What the sqlite3 tool lets anyone do: drop the triggers and edit the trail. */
function tamper(file: string, sql: string): void {
  const db = new Database(file)
  db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${sql}`)
  db.close()
}

describe('the audit trail as a hash chain', () => {
  it('holds for the entries the app writes', () => {
    const p = Project.open(reviewed())
    try {
      const check = p.auditIntegrity()
      expect(check).toMatchObject({ entries: 5, brokenAt: null })
      expect(check.head).toMatch(/^[0-9a-f]{64}$/)
      expect(check.message).toMatch(/审核记录完整（共 5 条/)
      expect(p.reviews.auditTrail(1).every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true)
    } finally {
      p.close()
    }
  })

  it('an entry rewritten behind the app is found on opening and in exports, by number and time', () => {
    const file = reviewed()
    tamper(file, `UPDATE audit_log SET new_value = '"fail"' WHERE id = 2;`)
    const p = Project.open(file)
    try {
      expect(p.auditIntegrity()).toMatchObject({ brokenAt: { id: 2, at: '2026-03-02T09:00:00.000Z', why: 'changed' } })
      // the entry's time in this machine's zone, to the minute
      expect(p.auditIntegrity().message).toMatch(/^审核记录第 2 条（2026-03-0[12] \d\d:00）被改动过，自此以后的记录不可信。$/)
      // the triggers were put back on opening
      expect(() => p.db.prepare("UPDATE audit_log SET reviewer = '乙'").run()).toThrow(/append-only/)
      const docs = reviewDocuments(p, checklist, '甲', null)
      const json = JSON.parse(reviewDataJson(p.name, docs, checklist))
      expect(json.auditCheck).toMatchObject({ intact: false, brokenAt: { id: 2, at: '2026-03-02T09:00:00.000Z' } })
      // the review worksheet (the reviewer's record, appended to a letter on request) says so too
      expect(particulars(docs[0]!)).toContainEqual(['审核记录', expect.stringMatching(/^⚠ 审核记录第 2 条（2026-03-0[12] \d\d:00）被改动过/)])
      // an entry added since still chains on; the break stays where it was
      p.reviews.setOpinion(1, '再改一次', { reviewer: '甲' })
      expect(auditCheck(p)).toMatchObject({ intact: false, entries: 6, brokenAt: { id: 2 } })
    } finally {
      p.close()
    }
  })

  it('an entry removed behind the app is found at the next one', () => {
    const file = reviewed()
    tamper(file, 'DELETE FROM audit_log WHERE id = 3;')
    const p = Project.open(file)
    try {
      expect(p.auditIntegrity()).toMatchObject({ entries: 4, brokenAt: { id: 4, at: '2026-03-04T09:00:00.000Z', why: 'removed-before' } })
      expect(p.auditIntegrity().message).toMatch(/第 4 条（2026-03-0[34] \d\d:00）之前有记录被删除/)
    } finally {
      p.close()
    }
  })

  it('a project from before the chain gets its entries chained when it is upgraded', () => {
    const file = path.join(dir, 'old.raudit')
    const v4 = MIGRATIONS.filter((m) => m.version <= 4)
    const old = Project.open(file, { migrations: v4 })
    old.db.prepare("INSERT INTO audit_log (report_id, at, reviewer, action, target, old_value, new_value) VALUES (1, '2025-01-01T00:00:00Z', '甲', 'opinion', 'report', NULL, '旧意见')").run()
    old.db.prepare("INSERT INTO audit_log (report_id, at, reviewer, action, target, old_value, new_value) VALUES (1, '2025-01-02T00:00:00Z', '甲', 'overall', 'report', NULL, 'pass')").run()
    old.close()
    const p = Project.open(file)
    try {
      expect(p.auditIntegrity()).toMatchObject({ entries: 2, brokenAt: null })
      expect(() => p.db.prepare("UPDATE audit_log SET reviewer = '乙'").run()).toThrow(/append-only/)
    } finally {
      p.close()
    }
    // the copy taken before the upgrade is still the old version
    const backup = new Database(path.join(dir, 'old.v4.bak.raudit'), { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(4)
    backup.close()
  })
})

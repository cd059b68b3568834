// Migration 10 on a project made before it (version 5): its reports stay, have no page, and take one;
// the first address a report was seen at is kept.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from './database'
import { MIGRATIONS } from './migrations'
import { Project } from './project'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-page-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('migration 10 (page source)', () => {
  it('brings a version-5 project over with its reports, which then record where they were fetched', () => {
    const file = path.join(dir, 'v5.raudit')
    const v5 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 5) })
    v5.prepare(
      `INSERT INTO reports (sha256, file_name, size_bytes, format, encoding, imported_at, title, completeness, checklist_id, summary_json, analysis_json, analyzed_at)
       VALUES ('abc', '葛坑镇.html', 10, 'html', 'utf-8', '2025-03-01', '葛坑镇2024年法治政府建设工作报告', 80, 'default', '{"items":[],"findings":[]}', '{"clutter":[]}', '2025-03-01')`
    ).run()
    v5.prepare("INSERT INTO report_texts (report_id, text, blocks_json, warnings_json) VALUES (1, '正文', '[]', '[]')").run()
    v5.close()
    const p = Project.open(file)
    expect(p.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version)
    expect(p.reports.page(1)).toBeNull()
    const first = { url: 'http://www.dehua.gov.cn/a.html', finalUrl: 'https://www.dehua.gov.cn/a.html', fetchedAt: '2025-03-02T01:00:00.000Z', lastModified: null }
    p.reports.setPage(1, first)
    p.reports.setPage(1, { ...first, url: 'http://mirror.example/a.html', fetchedAt: '2025-04-02T01:00:00.000Z' })
    expect(p.reports.page(1)).toEqual(first)
    expect(p.reports.idsByUrl(first.url)).toEqual([1])
    p.close()
    const backup = new Database(path.join(dir, 'v5.v5.bak.raudit'), { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(5)
    backup.close()
  })
})

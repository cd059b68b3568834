// Migration 11 on a project made before it (version 10): its batches stay and count files; new batches
// record whether they were files or addresses, so the summary counts in the right word.
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-import-source-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('migration 11 (import source)', () => {
  it('keeps a version-10 project’s batches as file batches and records address batches from then on', () => {
    const file = path.join(dir, 'v10.raudit')
    const v10 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 10) })
    v10.prepare("INSERT INTO imports (started_at, total, state, imported) VALUES ('2025-03-01T00:00:00.000Z', 3, 'done', 3)").run()
    v10.close()
    const p = Project.open(file)
    expect(p.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
    expect(p.imports.summary(1)).toMatchObject({ total: 3, imported: 3, source: 'files' })
    const urls = p.imports.begin(2, '2025-03-02T00:00:00.000Z', 'urls')
    expect(p.imports.summary(urls)).toMatchObject({ total: 2, source: 'urls' })
    expect(() => p.db.prepare("UPDATE imports SET source = 'ftp' WHERE id = 1").run()).toThrow(/CHECK/)
    p.close()
    const backup = new Database(path.join(dir, 'v10.v10.bak.raudit'), { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(10)
    backup.close()
  })
})

// Checks a project file's schema against the one the app's migrations make, before the app runs any
// statement that could fire a trigger or read a view: a file from someone else may carry a trigger
// with an endless recursive query, a view in place of a table, or a table with other columns.

import Database from 'better-sqlite3'
import type { Migration } from './migrations'

export interface SchemaEntry {
  type: string
  name: string
  tbl_name: string
  sql: string | null
}

/** What differs between a file's schema and the expected one. */
export interface SchemaDiff {
  /** Objects the app never makes (a trigger, a view, a table): the file is refused. */
  extra: SchemaEntry[]
  /** Tables missing or defined otherwise: the file is refused. */
  tables: string[]
  /** The app's own triggers and indexes missing or defined otherwise: recreated from the expected schema. */
  repairs: SchemaEntry[]
}

type Db = Database.Database

const normalize = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim()

/** Every schema object of a database, read from sqlite_master (reading it runs nothing). */
export function readSchema(db: Db): SchemaEntry[] {
  return db.prepare<[], SchemaEntry>('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all()
}

const cache = new WeakMap<Migration[], Map<number, SchemaEntry[]>>()

/** The schema the migrations up to `version` make, from an empty database in memory. */
export function expectedSchema(migrations: Migration[], version: number): SchemaEntry[] {
  const byVersion = cache.get(migrations) ?? new Map<number, SchemaEntry[]>()
  cache.set(migrations, byVersion)
  const hit = byVersion.get(version)
  if (hit) return hit
  const mem = new Database(':memory:')
  try {
    for (const m of migrations) {
      if (m.version > version) continue
      mem.exec(m.sql)
      m.after?.(mem)
    }
    const schema = readSchema(mem)
    byVersion.set(version, schema)
    return schema
  } finally {
    mem.close()
  }
}

/** Tables SQLite makes by itself: statistics from ANALYZE (harmless, they hold no code). */
const SQLITE_OWN = /^sqlite_stat\d$/

/**
 * The shadow tables a virtual table keeps (report_fts_data, …): SQLite's FTS5 defines them, and a later
 * SQLite may define them otherwise, so only their names are checked. They hold no code.
 */
function isShadowOf(name: string, expected: SchemaEntry[]): boolean {
  return expected.some((e) => e.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(e.sql ?? '') && name.startsWith(`${e.name}_`))
}

export function compareSchema(actual: SchemaEntry[], expected: SchemaEntry[]): SchemaDiff {
  const want = new Map(expected.map((e) => [`${e.type}:${e.name}`, e]))
  const have = new Map(actual.map((e) => [`${e.type}:${e.name}`, e]))
  const diff: SchemaDiff = { extra: [], tables: [], repairs: [] }
  for (const a of actual) {
    const e = want.get(`${a.type}:${a.name}`)
    if (!e) {
      if (a.type === 'table' && (SQLITE_OWN.test(a.name) || isShadowOf(a.name, expected))) continue
      diff.extra.push(a)
      continue
    }
    if (normalize(a.sql) === normalize(e.sql) && a.tbl_name === e.tbl_name) continue
    if (a.type === 'table') {
      if (!isShadowOf(a.name, expected)) diff.tables.push(a.name)
    } else diff.repairs.push(e)
  }
  for (const e of expected) {
    if (have.has(`${e.type}:${e.name}`)) continue
    if (e.type === 'table') {
      if (!isShadowOf(e.name, expected)) diff.tables.push(e.name)
    } else if (e.sql) diff.repairs.push(e) // automatic indexes (sql null) come with their table
  }
  return diff
}

const KIND: Record<string, string> = { table: '表', index: '索引', trigger: '触发器', view: '视图' }

/** The refusal in words, naming what was found; null when the file may be opened. */
export function describeRefusal(diff: SchemaDiff): string | null {
  const parts: string[] = []
  if (diff.extra.length) parts.push(`多出${diff.extra.map((e) => `${KIND[e.type] ?? e.type}「${e.name}」`).join('、')}`)
  if (diff.tables.length) parts.push(`表${diff.tables.map((t) => `「${t}」`).join('、')}的结构不符`)
  return parts.length ? parts.join('；') : null
}

/** Puts the app's own triggers and indexes back as the migrations define them (the file was verified first). */
export function repairSchema(db: Db, repairs: SchemaEntry[]): void {
  if (!repairs.length) return
  db.transaction(() => {
    for (const r of repairs) {
      const quoted = `"${r.name.replaceAll('"', '""')}"`
      db.exec(`DROP ${r.type === 'trigger' ? 'TRIGGER' : 'INDEX'} IF EXISTS ${quoted}`)
      db.exec(r.sql!)
    }
  })()
}

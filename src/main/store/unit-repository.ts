// The roster's units (报送单位) with their aliases: kept across years, edited by the reviewer.

import { AppError } from '../../shared/errors'
import type { ReportLevel } from '../../shared/models/report'
import type { Unit, UnitInput } from '../../shared/models/roster'
import type { UnitName } from '../domain/units'
import type { Db } from './database'

interface UnitRecord {
  id: number
  name: string
  level: ReportLevel | null
  parent_id: number | null
  contact: string
  url: string | null
  position: number
}

export class UnitRepository {
  constructor(private readonly db: Db) {}

  private aliasesOf(id: number): string[] {
    return this.db.prepare<[number], { alias: string }>('SELECT alias FROM unit_aliases WHERE unit_id = ? ORDER BY rowid').all(id).map((r) => r.alias)
  }

  list(): Unit[] {
    const aliases = new Map<number, string[]>()
    for (const r of this.db.prepare<[], { unit_id: number; alias: string }>('SELECT unit_id, alias FROM unit_aliases ORDER BY rowid').all()) {
      const list = aliases.get(r.unit_id) ?? []
      list.push(r.alias)
      aliases.set(r.unit_id, list)
    }
    return this.db
      .prepare<[], UnitRecord>('SELECT id, name, level, parent_id, contact, url, position FROM units ORDER BY position, id')
      .all()
      .map((r) => ({ id: r.id, name: r.name, level: r.level, parentId: r.parent_id, contact: r.contact, url: r.url, position: r.position, aliases: aliases.get(r.id) ?? [] }))
  }

  get(id: number): Unit | null {
    const r = this.db.prepare<[number], UnitRecord>('SELECT id, name, level, parent_id, contact, url, position FROM units WHERE id = ?').get(id)
    return r ? { id: r.id, name: r.name, level: r.level, parentId: r.parent_id, contact: r.contact, url: r.url, position: r.position, aliases: this.aliasesOf(r.id) } : null
  }

  byName(name: string): Unit | null {
    const r = this.db.prepare<[string], { id: number }>('SELECT id FROM units WHERE name = ?').get(name)
    return r ? this.get(r.id) : null
  }

  /** The names the matcher compares issuers with. */
  names(): UnitName[] {
    return this.list().map(({ id, name, aliases }) => ({ id, name, aliases }))
  }

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM units').get()!.n
  }

  insert(u: UnitInput, now = new Date().toISOString()): number {
    const name = u.name.trim()
    if (!name) throw new AppError('invalid-argument', '单位名称不能为空。')
    if (this.byName(name)) throw new AppError('invalid-argument', `名单中已有「${name}」。`)
    return this.db.transaction(() => {
      const position = (this.db.prepare<[], { p: number | null }>('SELECT max(position) AS p FROM units').get()!.p ?? 0) + 1
      const id = Number(
        this.db
          .prepare('INSERT INTO units (name, level, parent_id, contact, url, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(name, u.level ?? null, u.parentId ?? null, u.contact ?? '', u.url ?? null, position, now).lastInsertRowid
      )
      for (const a of u.aliases ?? []) this.addAlias(id, a)
      return id
    })()
  }

  update(id: number, u: UnitInput): void {
    const old = this.get(id)
    if (!old) throw new AppError('not-found', `名单中没有编号为 ${id} 的单位。`)
    const name = u.name.trim()
    if (!name) throw new AppError('invalid-argument', '单位名称不能为空。')
    const clash = this.byName(name)
    if (clash && clash.id !== id) throw new AppError('invalid-argument', `名单中已有「${name}」。`)
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE units SET name = ?, level = ?, parent_id = ?, contact = ?, url = ? WHERE id = ?')
        .run(name, u.level === undefined ? old.level : u.level, u.parentId === undefined ? old.parentId : u.parentId, u.contact ?? old.contact, u.url === undefined ? old.url : u.url, id)
      if (u.aliases) {
        this.db.prepare('DELETE FROM unit_aliases WHERE unit_id = ?').run(id)
        for (const a of u.aliases) this.addAlias(id, a)
      }
    })()
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM units WHERE id = ?').run(id)
  }

  /** Remembers another name of the unit (the issuer of a report the reviewer attached to it). */
  addAlias(id: number, alias: string): void {
    const a = alias.trim()
    if (!a) return
    const unit = this.db.prepare<[number], { name: string }>('SELECT name FROM units WHERE id = ?').get(id)
    if (!unit || unit.name === a) return
    this.db.prepare('INSERT OR IGNORE INTO unit_aliases (unit_id, alias) VALUES (?, ?)').run(id, a)
  }
}

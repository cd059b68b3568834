// The checklists a project keeps of its own (edited, duplicated or imported in the app), as JSON.

import type { Db } from './database'

export class ChecklistRepository {
  constructor(private readonly db: Db) {}

  json(id: string): string | null {
    return this.db.prepare<[string], { json: string }>('SELECT json FROM checklists WHERE id = ?').get(id)?.json ?? null
  }

  ids(): string[] {
    return this.db.prepare<[], { id: string }>('SELECT id FROM checklists ORDER BY id').all().map((r) => r.id)
  }

  save(id: string, json: string, at = new Date().toISOString()): void {
    this.db.prepare('INSERT INTO checklists (id, json, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at').run(id, json, at)
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM checklists WHERE id = ?').run(id)
  }
}

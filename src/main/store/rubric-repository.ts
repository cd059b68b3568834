// The scoring rubrics a project keeps of its own (edited, duplicated or imported in the app), as JSON.

import type { Db } from './database'

export class RubricRepository {
  constructor(private readonly db: Db) {}

  json(id: string): string | null {
    return this.db.prepare<[string], { json: string }>('SELECT json FROM rubrics WHERE id = ?').get(id)?.json ?? null
  }

  ids(): string[] {
    return this.db.prepare<[], { id: string }>('SELECT id FROM rubrics ORDER BY id').all().map((r) => r.id)
  }

  save(id: string, json: string, at = new Date().toISOString()): void {
    this.db.prepare('INSERT INTO rubrics (id, json, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at').run(id, json, at)
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM rubrics WHERE id = ?').run(id)
  }
}

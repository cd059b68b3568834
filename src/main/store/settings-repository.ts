// Per-project settings (the active checklist) and the checklists edited in the app.

import type { Db } from './database'

export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get(key: string): string | null {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value ?? null
  }

  set(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
  }

  checklistJson(id: string): string | null {
    return this.db.prepare<[string], { json: string }>('SELECT json FROM checklists WHERE id = ?').get(id)?.json ?? null
  }

  checklistIds(): string[] {
    return this.db.prepare<[], { id: string }>('SELECT id FROM checklists ORDER BY id').all().map((r) => r.id)
  }

  saveChecklist(id: string, json: string, at = new Date().toISOString()): void {
    this.db.prepare('INSERT INTO checklists (id, json, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at').run(id, json, at)
  }

  deleteChecklist(id: string): void {
    this.db.prepare('DELETE FROM checklists WHERE id = ?').run(id)
  }
}

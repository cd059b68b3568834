// Per-project settings as key and value (the active checklist, and what later features keep per project).

import type { Db } from './database'

export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get(key: string): string | null {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value ?? null
  }

  set(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
  }
}

// SettingsApi: the reviewer's own settings (name, language), kept in a small JSON file per user,
// not in the project, so that they follow the reviewer from project to project.

import fs from 'node:fs'
import path from 'node:path'
import type { SettingsApi } from '../../shared/ipc/contract'
import type { UserSettings } from '../../shared/models/settings'

const DEFAULTS: UserSettings = { reviewerName: '', locale: 'zh-CN' }

/** The name written into the audit trail and the opinions when the reviewer has not given one. */
export function signedBy(name: string | undefined): string {
  return name?.trim() || '未署名审核人'
}

export class SettingsService implements SettingsApi {
  private cached: UserSettings | null = null

  constructor(private readonly file: string) {}

  current(): UserSettings {
    if (this.cached) return this.cached
    let saved: Partial<UserSettings> = {}
    try {
      saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<UserSettings>
    } catch {
      /* first run, or an unreadable file: defaults (the file is rewritten on the next change) */
    }
    this.cached = {
      reviewerName: typeof saved.reviewerName === 'string' ? saved.reviewerName : DEFAULTS.reviewerName,
      locale: saved.locale === 'en' ? 'en' : 'zh-CN',
      ...(typeof saved.lastProject === 'string' ? { lastProject: saved.lastProject } : {})
    }
    return this.cached
  }

  /** The reviewer's name as signed on their work. */
  reviewer(): string {
    return signedBy(this.current().reviewerName)
  }

  async get(): Promise<UserSettings> {
    return this.current()
  }

  async update(patch: Partial<UserSettings>): Promise<UserSettings> {
    const next = { ...this.current(), ...patch }
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    // Write then rename, so a crash never leaves half a file.
    const tmp = `${this.file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2))
    fs.renameSync(tmp, this.file)
    this.cached = next
    return next
  }
}

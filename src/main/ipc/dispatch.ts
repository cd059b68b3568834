// Routes a channel call to its service with validated arguments and returns a result envelope.
// Transport-free: Electron's ipcMain (src/main/ipc/register.ts) and the e2e binding both use it.

import type { Api, Envelope } from '../../shared/ipc/contract'
import { CHANNELS, type Channel } from '../../shared/ipc/channels'
import { ARGS } from '../../shared/schemas/ipc'
import { toErrorInfo } from '../../shared/errors'
import { JobManager } from '../jobs/job-manager'
import type { ParsePool } from '../pipeline/parse-pool'
import type { Checklist } from '../../shared/models/checklist'
import { appVersion } from '../services/app-info'
import { ChecklistService } from '../services/checklist-service'
import { ImportService } from '../services/import-service'
import { LibraryService } from '../services/library-service'
import { ProjectService } from '../services/project-service'
import { ReviewService } from '../services/review-service'
import { SettingsService } from '../services/settings-service'
import { ExportService, type PdfHost } from '../services/export-service'
import fs from 'node:fs'
import path from 'node:path'
import { Workspace, type DialogHost, type Emit } from '../services/workspace'

export type Dispatch = (channel: string, args: unknown) => Promise<Envelope<unknown>>

export function createDispatcher(api: Api): Dispatch {
  return async (channel, args) => {
    if (!Object.hasOwn(CHANNELS, channel)) return { ok: false, error: { code: 'invalid-argument', message: `未知的调用 ${channel}` } }
    const ch = channel as Channel
    const parsed = ARGS[ch].safeParse(args)
    if (!parsed.success) return { ok: false, error: { code: 'invalid-argument', message: `参数无效：${parsed.error.issues[0]?.message ?? ''}` } }
    const [service, method] = CHANNELS[ch]
    try {
      const target = api[service] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>
      return { ok: true, data: await target[method]!(...parsed.data) }
    } catch (e) {
      return { ok: false, error: toErrorInfo(e) }
    }
  }
}

export interface ServiceOptions {
  /** The project opened at start (the app's default project in its user-data folder). */
  projectFile: string
  emit?: Emit
  dialogs?: DialogHost
  /** Start in the project open when the app last closed (the app does; tests start in projectFile). */
  reopenLast?: boolean
  /** Renders review opinions to PDF (Electron's printToPDF); without it PDF export is refused with a reason. */
  pdf?: PdfHost
  /** The reviewer's settings file (per user); beside the default project when not given. */
  settingsFile?: string
  /** Worker pool override (tests use the built worker or run in-process). */
  pool?: (checklist: Checklist) => ParsePool
}

export interface Services {
  api: Api
  workspace: Workspace
  /** Cancels running jobs, stops the workers and closes the project. */
  close(): Promise<void>
}

/** The real services behind window.api, wired the same way in Electron and in the e2e tests. */
export function createServices(opts: ServiceOptions): Services {
  const settings = new SettingsService(opts.settingsFile ?? path.join(path.dirname(opts.projectFile), 'settings.json'))
  const last = opts.reopenLast ? settings.current().lastProject : undefined
  let workspace: Workspace
  try {
    workspace = new Workspace(opts.projectFile, opts.emit, opts.dialogs, last && fs.existsSync(last) ? last : undefined)
  } catch {
    // The last project cannot be opened (moved, damaged): start in the default one.
    workspace = new Workspace(opts.projectFile, opts.emit, opts.dialogs)
  }
  // Remember where the reviewer is, for the next start.
  workspace.onSwitch = (file) => void settings.update({ lastProject: file }).catch(() => {})
  const jobs = new JobManager()
  jobs.onProgress((s) => workspace.emit('job:progress', s))
  const imports = new ImportService(workspace, jobs, opts.pool)
  const api: Api = {
    projects: new ProjectService(workspace),
    library: new LibraryService(workspace),
    imports,
    jobs: imports,
    checklists: new ChecklistService(workspace, jobs, imports),
    review: new ReviewService(workspace, settings),
    exports: new ExportService(workspace, jobs, settings, opts.pdf ?? null),
    settings,
    app: { version: async () => appVersion() }
  }
  return {
    api,
    workspace,
    async close() {
      await imports.close()
      workspace.close()
    }
  }
}

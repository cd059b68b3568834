// Wires the real services behind window.api: the same way in Electron, the e2e harness and tests.

import fs from 'node:fs'
import path from 'node:path'
import type { Api } from '../../shared/ipc/contract'
import type { Checklist } from '../../shared/models/checklist'
import { JobManager } from '../jobs/job-manager'
import { WorkerPools, type ParsePool } from '../pipeline/parse-pool'
import type { FetchPolicy } from '../pipeline/fetch-pages'
import { appVersion } from './app-info'
import { ChecklistService } from './checklist-service'
import { ExportService, type PdfHost } from './export-service'
import { GradingService } from './grading-service'
import { ImportService } from './import-service'
import { JobService } from './job-service'
import { LibraryService } from './library-service'
import { ProjectService } from './project-service'
import { ReviewService } from './review-service'
import { RosterService } from './roster-service'
import { SettingsService } from './settings-service'
import { SimilarityService, similarityStale } from './similarity-service'
import type { ComparePool } from '../pipeline/compare-pool'
import { Workspace, type DialogHost, type Emit } from './workspace'
import { PathGrants } from './path-grants'

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
  /** Paths named on the command line: the window may import or open them as if picked in a dialog. */
  grantedPaths?: string[]
  /** Comparison pool override (tests use the built worker or run in-process). */
  comparePool?: () => ComparePool
  /** How pages are fetched for 「从网址导入」 (tests allow 127.0.0.1 and drop the pause between requests). */
  fetch?: Partial<FetchPolicy>
}

export interface Services {
  api: Api
  workspace: Workspace
  jobs: JobManager
  /** The paths the reviewer has chosen (dialogs, drops, the command line); a drop registers here. */
  grants: PathGrants
  /** Cancels running jobs, stops the workers and closes the project. */
  close(): Promise<void>
}

export function createServices(opts: ServiceOptions): Services {
  const settings = new SettingsService(opts.settingsFile ?? path.join(path.dirname(opts.projectFile), 'settings.json'))
  const jobs = new JobManager()
  const pools = new WorkerPools(opts.pool)
  const grants = new PathGrants()
  grants.grantRead(...(opts.grantedPaths ?? []))
  let compareIfStale = () => {}
  const workspaceOptions = {
    grants,
    defaultProjectFile: opts.projectFile,
    emit: opts.emit,
    dialogs: opts.dialogs,
    busy: () => jobs.busyReason(),
    // Remember where the reviewer is, for the next start.
    onSwitch: (file: string) => {
      void settings.update({ lastProject: file }).catch(() => {})
      compareIfStale()
    }
  }
  const last = opts.reopenLast ? settings.current().lastProject : undefined
  let workspace: Workspace
  try {
    workspace = new Workspace({ ...workspaceOptions, startFile: last && fs.existsSync(last) ? last : undefined })
  } catch {
    // The last project cannot be opened (moved, damaged): start in the default one.
    workspace = new Workspace(workspaceOptions)
  }
  jobs.onProgress((s) => workspace.emit('job:progress', s))
  const similarity = new SimilarityService(workspace, jobs, opts.comparePool)
  const api: Api = {
    projects: new ProjectService(workspace),
    library: new LibraryService(workspace),
    // After each import, the batch is compared again (copied and shared text).
    imports: new ImportService(workspace, jobs, pools, () => void similarity.run().catch(() => {}), opts.fetch),
    jobs: new JobService(jobs),
    checklists: new ChecklistService(workspace, jobs, pools),
    review: new ReviewService(workspace, settings),
    roster: new RosterService(workspace),
    similarity,
    exports: new ExportService(workspace, jobs, settings, opts.pdf ?? null),
    grading: new GradingService(workspace, settings),
    settings,
    app: { version: async () => appVersion() }
  }
  // A project whose comparison is missing or out of date (opened after an upgrade, imported into from
  // the command line) is compared when it is opened.
  compareIfStale = () => {
    if (workspace.hasProject() && !workspace.project.readOnly && similarityStale(workspace.project)) void similarity.run().catch(() => {})
  }
  compareIfStale()
  return {
    api,
    workspace,
    jobs,
    grants,
    async close() {
      await jobs.cancelAll()
      await pools.close()
      workspace.close()
    }
  }
}

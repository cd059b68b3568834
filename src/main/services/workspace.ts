// The project the app has open, and the host facilities services need but must not import:
// where to push events, how to ask for files. Electron, the e2e harness and tests each provide them.

import path from 'node:path'
import { AppError, toErrorInfo } from '../../shared/errors'
import type { EventMap, EventName } from '../../shared/ipc/contract'
import type { ProjectInfo } from '../../shared/models/library'
import { PROJECT_EXTENSION } from '../store/database'
import { Project } from '../store/project'
import { grantingDialogs, PathGrants } from './path-grants'
import type { Checklist } from '../../shared/models/checklist'

export type Emit = <K extends EventName>(event: K, payload: EventMap[K]) => void

/** System dialogs; in Electron they are the native ones, in tests a stand-in that answers preset paths. */
export interface DialogHost {
  pickReports(kind: 'files' | 'folder'): Promise<string[]>
  pickProjectToOpen(): Promise<string | null>
  pickProjectToSave(suggestedName: string): Promise<string | null>
  pickFolder(title: string): Promise<string | null>
  /** A roster sheet to read (Excel or CSV). */
  pickSheet(): Promise<string | null>
  /** A file to write (exports); `kind` picks the file-type filter. */
  pickSavePath(suggestedName: string, kind: 'xlsx' | 'csv' | 'json' | 'docx'): Promise<string | null>
}

export const NO_DIALOGS: DialogHost = {
  pickReports: async () => [],
  pickProjectToOpen: async () => null,
  pickProjectToSave: async () => null,
  pickFolder: async () => null,
  pickSheet: async () => null,
  pickSavePath: async () => null
}

export interface WorkspaceOptions {
  /** The app's default project (in its user-data folder); created when missing. */
  defaultProjectFile: string
  /** Start in this project instead (the one open when the app last closed). */
  startFile?: string
  emit?: Emit
  dialogs?: DialogHost
  /** Why the project cannot be switched now (exclusive work running), or null. */
  busy?: () => string | null
  /** Told the file of each project switched to. */
  onSwitch?: (file: string) => void
  /** The paths chosen so far (the command line's); the dialogs add theirs. */
  grants?: PathGrants
}

export class Workspace {
  private current: Project | null
  /** The project that could not be opened at start, and why (the app then starts without one). */
  private unavailable: { file: string; reason: string } | null = null
  readonly defaultProjectFile: string
  readonly emit: Emit
  /** Every path the host's dialogs return is granted here as it is picked. */
  readonly dialogs: DialogHost
  /** The paths the reviewer has chosen: calls from the window may read and write only those. */
  readonly grants: PathGrants
  private readonly busy: () => string | null
  private readonly onSwitch: (file: string) => void

  constructor(opts: WorkspaceOptions) {
    this.defaultProjectFile = opts.defaultProjectFile
    this.emit = opts.emit ?? (() => {})
    this.grants = opts.grants ?? new PathGrants()
    this.dialogs = grantingDialogs(opts.dialogs ?? NO_DIALOGS, this.grants)
    this.busy = opts.busy ?? (() => null)
    this.onSwitch = opts.onSwitch ?? (() => {})
    // The project open last time, else the default one; when neither opens (damaged, too new, from
    // someone else), the app starts without a project and says why, rather than not at all.
    this.current = null
    for (const [file, create] of [
      [opts.startFile, false],
      [opts.defaultProjectFile, true]
    ] as const) {
      if (!file) continue
      try {
        this.current = Project.open(file, { create })
        this.unavailable = null
        break
      } catch (e) {
        this.unavailable = { file: path.resolve(file), reason: toErrorInfo(e).message }
      }
    }
  }

  /** Throws when exclusive work (import, re-analysis, export) is running on the open project. */
  assertIdle(): void {
    const why = this.busy()
    if (why) throw new AppError('busy', why)
  }

  /** Whether a project is open (one that cannot be opened leaves the app running without one). */
  hasProject(): boolean {
    return !!this.current
  }

  get project(): Project {
    if (!this.current) throw new AppError('not-found', `没有打开的项目：${this.unavailable?.reason ?? ''}请在“项目”菜单中新建或打开一个项目。`)
    return this.current
  }

  /** The open project's file, or null when none is open. */
  openFile(): string | null {
    return this.current?.file ?? null
  }

  info(): ProjectInfo {
    const p = this.current
    const isDefault = (file: string) => file === path.resolve(this.defaultProjectFile)
    if (!p) {
      const file = this.unavailable?.file ?? path.resolve(this.defaultProjectFile)
      return { file, name: path.basename(file, path.extname(file)), isDefault: isDefault(file), reportCount: 0, fileCount: 0, unavailable: this.unavailable?.reason ?? '没有打开的项目。' }
    }
    const audit = p.auditIntegrity()
    return {
      file: p.file,
      name: p.name,
      isDefault: isDefault(p.file),
      reportCount: p.submissions.count(),
      fileCount: p.reports.count(),
      ...(p.readOnly ? { readOnly: p.readOnly } : {}),
      ...(audit.brokenAt ? { auditBroken: audit.message } : {})
    }
  }

  /** Closes the open project and continues in another; the old one stays open if the new one fails. */
  switchTo(file: string, opts: { create: boolean }): ProjectInfo {
    this.assertIdle()
    const next = Project.open(file, { create: opts.create })
    this.current?.close()
    this.current = next
    this.unavailable = null
    const info = this.info()
    this.onSwitch(next.file)
    this.emit('project:changed', info)
    return info
  }

  /** The checklist the open project's reports are checked against. */
  activeChecklistId(): string {
    return this.project.activeChecklistId()
  }

  activeChecklist(): Checklist {
    return this.project.activeChecklist()
  }

  checklist(id: string): Checklist {
    return this.project.checklist(id)
  }

  close(): void {
    this.current?.close()
  }
}

/** Project files carry the app's extension so the file dialog and colleagues recognise them. */
export function withExtension(file: string): string {
  return path.extname(file).toLowerCase() === PROJECT_EXTENSION ? file : `${file}${PROJECT_EXTENSION}`
}

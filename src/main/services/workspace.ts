// The project the app has open, and the host facilities services need but must not import:
// where to push events, how to ask for files. Electron, the e2e harness and tests each provide them.

import path from 'node:path'
import { AppError } from '../../shared/errors'
import type { EventMap, EventName } from '../../shared/ipc/contract'
import type { ProjectInfo } from '../../shared/models/library'
import { PROJECT_EXTENSION } from '../store/database'
import { Project } from '../store/project'
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
}

export class Workspace {
  private current: Project
  readonly defaultProjectFile: string
  readonly emit: Emit
  readonly dialogs: DialogHost
  private readonly busy: () => string | null
  private readonly onSwitch: (file: string) => void

  constructor(opts: WorkspaceOptions) {
    this.defaultProjectFile = opts.defaultProjectFile
    this.emit = opts.emit ?? (() => {})
    this.dialogs = opts.dialogs ?? NO_DIALOGS
    this.busy = opts.busy ?? (() => null)
    this.onSwitch = opts.onSwitch ?? (() => {})
    this.current = Project.open(opts.startFile ?? opts.defaultProjectFile, { create: !opts.startFile })
  }

  /** Throws when exclusive work (import, re-analysis, export) is running on the open project. */
  assertIdle(): void {
    const why = this.busy()
    if (why) throw new AppError('busy', why)
  }

  get project(): Project {
    return this.current
  }

  info(): ProjectInfo {
    const p = this.current
    return { file: p.file, name: p.name, isDefault: p.file === path.resolve(this.defaultProjectFile), reportCount: p.reports.count() }
  }

  /** Closes the open project and continues in another; the old one stays open if the new one fails. */
  switchTo(file: string, opts: { create: boolean }): ProjectInfo {
    this.assertIdle()
    const next = Project.open(file, { create: opts.create })
    this.current.close()
    this.current = next
    const info = this.info()
    this.onSwitch(next.file)
    this.emit('project:changed', info)
    return info
  }

  /** The checklist the open project's reports are checked against. */
  activeChecklistId(): string {
    return this.current.activeChecklistId()
  }

  activeChecklist(): Checklist {
    return this.current.activeChecklist()
  }

  checklist(id: string): Checklist {
    return this.current.checklist(id)
  }

  close(): void {
    this.current.close()
  }
}

/** Project files carry the app's extension so the file dialog and colleagues recognise them. */
export function withExtension(file: string): string {
  return path.extname(file).toLowerCase() === PROJECT_EXTENSION ? file : `${file}${PROJECT_EXTENSION}`
}

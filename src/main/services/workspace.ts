// The project the app has open, and the host facilities services need but must not import:
// where to push events, how to ask for files. Electron, the e2e harness and tests each provide them.

import path from 'node:path'
import { AppError } from '../../shared/errors'
import type { EventMap, EventName } from '../../shared/ipc/contract'
import type { ProjectInfo } from '../../shared/models/library'
import { PROJECT_EXTENSION } from '../store/database'
import { Project } from '../store/project'
import type { Checklist } from '../../shared/models/checklist'
import { projectChecklist, resolveChecklist } from '../store/checklist-files'

export type Emit = <K extends EventName>(event: K, payload: EventMap[K]) => void

/** System dialogs; in Electron they are the native ones, in tests a stand-in that answers preset paths. */
export interface DialogHost {
  pickReports(kind: 'files' | 'folder'): Promise<string[]>
  pickProjectToOpen(): Promise<string | null>
  pickProjectToSave(suggestedName: string): Promise<string | null>
  pickFolder(title: string): Promise<string | null>
  /** A file to write (exports); `kind` picks the file-type filter. */
  pickSavePath(suggestedName: string, kind: 'xlsx' | 'csv' | 'json'): Promise<string | null>
}

export const NO_DIALOGS: DialogHost = {
  pickReports: async () => [],
  pickProjectToOpen: async () => null,
  pickProjectToSave: async () => null,
  pickFolder: async () => null,
  pickSavePath: async () => null
}

export class Workspace {
  private current: Project
  /** Set while work that writes to the project runs; switching projects waits for none. */
  busy: (() => string | null) | null = null
  /** Told the file of each project switched to. */
  onSwitch: ((file: string) => void) | null = null

  constructor(
    readonly defaultProjectFile: string,
    readonly emit: Emit = () => {},
    readonly dialogs: DialogHost = NO_DIALOGS,
    startFile?: string
  ) {
    this.current = Project.open(startFile ?? defaultProjectFile, { create: !startFile })
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
    const why = this.busy?.()
    if (why) throw new AppError('invalid-argument', why)
    const next = Project.open(file, { create: opts.create })
    this.current.close()
    this.current = next
    const info = this.info()
    this.onSwitch?.(next.file)
    this.emit('project:changed', info)
    return info
  }

  /** The checklist the open project's reports are checked against. */
  activeChecklistId(): string {
    return this.current.settings.get('checklistId') ?? 'default'
  }

  activeChecklist(): Checklist {
    return projectChecklist(this.current.settings)
  }

  checklist(id: string): Checklist {
    return resolveChecklist(this.current.settings, id)
  }

  close(): void {
    this.current.close()
  }
}

/** Project files carry the app's extension so the file dialog and colleagues recognise them. */
export function withExtension(file: string): string {
  return path.extname(file).toLowerCase() === PROJECT_EXTENSION ? file : `${file}${PROJECT_EXTENSION}`
}

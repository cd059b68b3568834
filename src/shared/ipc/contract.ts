// The typed contract between renderer and main: one interface per service, and the events main pushes.

import type { ImportSummary, ProjectInfo, ReportRow, SearchHit } from '../models/library'
import type { JobSnapshot } from '../models/job'

export interface ChecklistSummary {
  id: string
  name: { zh: string; en: string }
  items: Array<{ id: string; name: { zh: string; en: string }; short: { zh: string; en: string } }>
}

export interface ProjectsApi {
  current(): Promise<ProjectInfo>
  /** Creates an empty project file and continues in it. */
  create(file: string): Promise<ProjectInfo>
  open(file: string): Promise<ProjectInfo>
  /** Copies the project to `file` (consistent even while open) and continues in the copy. */
  saveAs(file: string): Promise<ProjectInfo>
  /** The same through the system file dialog; null when the reviewer cancels it. */
  pickAndCreate(): Promise<ProjectInfo | null>
  pickAndOpen(): Promise<ProjectInfo | null>
  pickAndSaveAs(): Promise<ProjectInfo | null>
}

export interface LibraryApi {
  /** Every report in the project, one row each. */
  list(): Promise<ReportRow[]>
  /** Reports whose text holds every term of the query, with highlighted passages. */
  search(query: string): Promise<SearchHit[]>
}

export interface ImportsApi {
  /** Starts importing files and folders (recursively); progress arrives as 'job:progress' events. */
  start(paths: string[]): Promise<JobSnapshot>
  /** Imports the sample reports bundled with the app. */
  startSamples(): Promise<JobSnapshot>
  /** Asks for files or a folder with the system dialog, then imports them; null when cancelled. */
  pickAndStart(kind: 'files' | 'folder'): Promise<JobSnapshot | null>
  /** The summary of an import (the latest when no id is given): counts and every failed or duplicate file. */
  summary(importId?: number): Promise<ImportSummary | null>
}

export interface JobsApi {
  list(): Promise<JobSnapshot[]>
  cancel(jobId: string): Promise<boolean>
}

export interface ChecklistsApi {
  list(): Promise<ChecklistSummary[]>
}

export interface AppApi {
  version(): Promise<string>
}

export interface Api {
  projects: ProjectsApi
  library: LibraryApi
  imports: ImportsApi
  jobs: JobsApi
  checklists: ChecklistsApi
  app: AppApi
}

/** Events main pushes to the renderer. */
export interface EventMap {
  'job:progress': JobSnapshot
  'project:changed': ProjectInfo
}
export type EventName = keyof EventMap
export const EVENT_NAMES: readonly EventName[] = ['job:progress', 'project:changed']

/** What the preload adds beside the service calls: events, and the path of a dropped file. */
export interface Bridge {
  on<K extends EventName>(event: K, listener: (payload: EventMap[K]) => void): () => void
  /** The file-system path of a File from a drop (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string
}

/** What crosses the boundary: a result envelope, turned back into a rejected promise by the preload. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

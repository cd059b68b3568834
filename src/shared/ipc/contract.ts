// The typed contract between renderer and main: one interface per service.

import type { CheckedReport } from '../models/check'

export interface ChecklistSummary {
  id: string
  name: { zh: string; en: string }
  items: Array<{ id: string; name: { zh: string; en: string } }>
}

export interface ReportsApi {
  /** Reads and checks report files or folders (recursively) against a checklist. */
  check(paths: string[], checklistId?: string): Promise<CheckedReport[]>
  /** Checks the sample reports bundled with the app. */
  checkSamples(checklistId?: string): Promise<CheckedReport[]>
  checklists(): Promise<ChecklistSummary[]>
}

export interface AppApi {
  version(): Promise<string>
}

export interface Api {
  reports: ReportsApi
  app: AppApi
}

/** What crosses the boundary: a result envelope, turned back into a rejected promise by the preload. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

// The writes of an import, as messages: what the writer thread (store-worker.ts) does on its own
// connection, and what this thread does itself when no built worker exists (tests, the e2e harness).

import type { ImportOutcome } from '../../shared/models/library'
import type { NewReport, PageOrigin } from '../store/report-repository'
import { Project } from '../store/project'

export type StoreMessage =
  | { kind: 'open'; file: string; maxPageCount?: number }
  | { kind: 'add'; report: NewReport & { importId: number; page?: PageOrigin; unitId?: number | null } }
  | { kind: 'outcome'; importId: number; outcome: ImportOutcome & { reportId?: number | null } }
  | { kind: 'setPage'; reportId: number; page: PageOrigin }
  | { kind: 'close' }

/** An error as it crosses the thread: SQLite's code kept, so a full disk or a duplicate insert is told as such. */
export interface StoreError {
  code?: string
  message: string
}

export function storeError(e: unknown): StoreError {
  const code = (e as { code?: unknown } | undefined)?.code
  return { ...(typeof code === 'string' ? { code } : {}), message: e instanceof Error ? e.message : String(e) }
}

export function fromStoreError(e: StoreError): Error {
  return Object.assign(new Error(e.message), e.code !== undefined ? { code: e.code } : {})
}

/** Runs the messages on one project: the one given (this thread), or the one an `open` message opens. */
export function createStoreHandler(given?: Project): (msg: StoreMessage) => number | null {
  let project = given ?? null
  const opened = !given
  return (msg) => {
    if (msg.kind === 'open') {
      project = Project.openWriter(msg.file, { maxPageCount: msg.maxPageCount })
      return null
    }
    if (!project) throw new Error('store writer used before it was opened')
    switch (msg.kind) {
      case 'add':
        return project.addImported(msg.report)
      case 'outcome':
        project.imports.recordOutcome(msg.importId, msg.outcome)
        return null
      case 'setPage':
        project.reports.setPage(msg.reportId, msg.page)
        return null
      case 'close':
        // The first connection checkpoints when the project closes; this one only lets go.
        if (opened && project.db.open) project.db.close()
        project = null
        return null
    }
  }
}

// Where an import writes: a worker thread with its own connection to the project (store-worker.ts), or
// this thread when no built worker exists (running from TypeScript sources). Writes run one at a time,
// in the order asked, each in its own transaction; an error keeps SQLite's code (SQLITE_FULL,
// SQLITE_CONSTRAINT_UNIQUE) so the importer can tell a full disk or a duplicate insert as before.

import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ImportOutcome } from '../../shared/models/library'
import type { Project } from '../store/project'
import type { NewReport, PageOrigin } from '../store/report-repository'
import { createStoreHandler, fromStoreError, type StoreError, type StoreMessage } from './store-tasks'

export interface ProjectWriter {
  /** Stores one imported report with its submission (Project.addImported); resolves to its id. */
  add(report: NewReport & { importId: number; page?: PageOrigin; unitId?: number | null }): Promise<number>
  recordOutcome(importId: number, outcome: ImportOutcome & { reportId?: number | null }): Promise<void>
  setPage(reportId: number, page: PageOrigin): Promise<void>
  /** Waits for the writes asked so far and lets the connection go. */
  close(): Promise<void>
}

/** The built worker beside the built CLI or main bundle; none when running from TypeScript sources. */
export function defaultStoreWorkerUrl(): URL | null {
  const here = import.meta.url
  if (!here.endsWith('.js')) return null
  const candidates = [new URL('./store-worker.js', here), new URL('../store-worker.js', here), new URL('../cli/store-worker.js', here)]
  return candidates.find((u) => fs.existsSync(fileURLToPath(u))) ?? null
}

export function openProjectWriter(project: Project, opts: { workerUrl?: URL | null; workerData?: unknown } = {}): ProjectWriter {
  const workerUrl = opts.workerUrl === undefined ? defaultStoreWorkerUrl() : opts.workerUrl
  if (!workerUrl) return inThread(project)

  let nextId = 1
  const pending = new Map<number, { resolve: (r: number | null) => void; reject: (e: Error) => void }>()
  let failure: Error | null = null
  let closing = false
  let worker: Worker
  try {
    worker = new Worker(workerUrl, { workerData: opts.workerData })
  } catch {
    return inThread(project)
  }
  const fail = (err: Error) => {
    failure ??= Object.assign(new Error(`写入项目的线程意外退出（${err.message}）`), { code: 'SQLITE_IOERR_WRITER' })
    for (const p of pending.values()) p.reject(failure)
    pending.clear()
  }
  worker.on('message', (m: { id: number; result?: number | null; error?: StoreError }) => {
    const p = pending.get(m.id)
    pending.delete(m.id)
    if (m.error) p?.reject(fromStoreError(m.error))
    else p?.resolve(m.result ?? null)
  })
  worker.on('error', fail)
  worker.on('exit', (code) => {
    if (!closing) fail(new Error(`exit ${code}`))
  })
  const call = (msg: StoreMessage): Promise<number | null> => {
    if (failure) return Promise.reject(failure)
    return new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, msg })
    })
  }
  // A size cap set on this connection (SQLite keeps it per connection; tests use it for a full disk) holds there too.
  const maxPageCount = project.db.pragma('max_page_count', { simple: true }) as number
  // A thread that cannot start or open the file (a packaging fault, a native module that will not load
  // there) must not cost the import: this thread writes instead, on the connection already checked.
  const fallback = inThread(project)
  const opened = call({ kind: 'open', file: project.file, maxPageCount }).then(
    () => null,
    () => {
      closing = true
      void worker.terminate()
      return fallback
    }
  )
  const after = async (msg: StoreMessage, here: (w: ProjectWriter) => Promise<unknown>) => {
    const instead = await opened
    return instead ? here(instead) : call(msg)
  }
  return {
    add: async (report) => (await after({ kind: 'add', report }, (w) => w.add(report))) as number,
    recordOutcome: async (importId, outcome) => void (await after({ kind: 'outcome', importId, outcome }, (w) => w.recordOutcome(importId, outcome))),
    setPage: async (reportId, page) => void (await after({ kind: 'setPage', reportId, page }, (w) => w.setPage(reportId, page))),
    async close() {
      if (await opened) return fallback.close()
      try {
        await call({ kind: 'close' })
      } catch {
        // Nothing more to write; the thread goes anyway.
      } finally {
        closing = true
        await worker.terminate()
      }
    }
  }
}

/** The same writes on the project's own connection, one after another with a turn of the event loop between. */
function inThread(project: Project): ProjectWriter {
  const handle = createStoreHandler(project)
  let chain: Promise<unknown> = Promise.resolve()
  const run = (msg: StoreMessage) => {
    const next = chain.then(() => handle(msg))
    chain = next.catch(() => {})
    return next
  }
  return {
    add: async (report) => (await run({ kind: 'add', report }))!,
    recordOutcome: async (importId, outcome) => void (await run({ kind: 'outcome', importId, outcome })),
    setPage: async (reportId, page) => void (await run({ kind: 'setPage', reportId, page })),
    async close() {
      await chain
    }
  }
}

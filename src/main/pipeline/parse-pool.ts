// Runs checkFile on worker threads (one per core) when a built worker is available, else in this thread.

import fs from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Checklist } from '../../shared/models/checklist'
import type { ExtractedDoc } from '../../shared/models/report'
import { analyzeDoc, checkBytes, checkFile, forStore, type CheckOptions, type CheckOutcome } from './check-file'

export interface ParsePool {
  run(file: string, full?: boolean, opts?: CheckOptions): Promise<CheckOutcome>
  /** Checks bytes already read (the importer hashes them first); `name` gives the extension and the label. */
  runBytes(bytes: Uint8Array, name: string, full?: boolean, opts?: CheckOptions): Promise<CheckOutcome>
  /**
   * Analyzes text already extracted (re-analysis against another checklist). A document already in the
   * project is analysed whatever it is: it is never refused as not-a-report here.
   */
  analyzeDoc(doc: ExtractedDoc, name: string): Promise<CheckOutcome>
  close(): Promise<void>
  readonly threads: number
}

/** The built worker beside the built CLI or main bundle; none when running from TypeScript sources. */
export function defaultWorkerUrl(): URL | null {
  const here = import.meta.url
  if (!here.endsWith('.js')) return null
  const candidates = [new URL('./parse-worker.js', here), new URL('../parse-worker.js', here), new URL('../cli/parse-worker.js', here)]
  return candidates.find((u) => fs.existsSync(fileURLToPath(u))) ?? null
}

const reportOnly = (o: CheckOutcome): CheckOutcome => ({ report: o.report })

export function createParsePool(checklist: Checklist, opts: { threads?: number; workerUrl?: URL | null } = {}): ParsePool {
  const workerUrl = opts.workerUrl === undefined ? defaultWorkerUrl() : opts.workerUrl
  const threads = Math.max(1, opts.threads ?? Math.min(os.availableParallelism(), 8))
  if (!workerUrl) {
    // In-process: still bounded to `threads` files in flight.
    let active = 0
    const waiting: Array<() => void> = []
    // `shape` trims the outcome to what the caller asked for, as the worker does before replying.
    const bounded = async (work: () => Promise<CheckOutcome>, shape: (o: CheckOutcome) => CheckOutcome) => {
      if (active >= threads) await new Promise<void>((r) => waiting.push(r))
      active++
      try {
        return shape(await work())
      } finally {
        active--
        waiting.shift()?.()
      }
    }
    return {
      threads: 1,
      run: (file, full = false, opts = {}) => bounded(() => checkFile(file, checklist, opts), full ? forStore : reportOnly),
      runBytes: (bytes, name, full = false, opts = {}) => bounded(() => checkBytes(bytes, name, checklist, opts), full ? forStore : reportOnly),
      analyzeDoc: (doc, name) => bounded(async () => analyzeDoc(doc, name, checklist, { acceptNotReport: true }), (o) => o),
      async close() {}
    }
  }

  interface Task {
    id: number
    file: string
    bytes?: Uint8Array
    doc?: ExtractedDoc
    full: boolean
    acceptNotReport?: boolean
    resolve: (o: CheckOutcome) => void
  }
  const queue: Task[] = []
  const idle: Worker[] = []
  const busy = new Map<Worker, Task>()
  let nextId = 1
  let closed = false

  const spawn = (): Worker => {
    const w = new Worker(workerUrl, { workerData: { checklist }, resourceLimits: { maxOldGenerationSizeMb: 256 } })
    w.on('message', (msg: { id: number; outcome: CheckOutcome }) => {
      const t = busy.get(w)
      busy.delete(w)
      if (t && t.id === msg.id) t.resolve(msg.outcome)
      idle.push(w)
      pump()
    })
    const fail = (err: Error) => {
      // A worker that dies (out of memory on a hostile file) fails its file only; a new one takes its place.
      const t = busy.get(w)
      busy.delete(w)
      const i = idle.indexOf(w)
      if (i >= 0) idle.splice(i, 1)
      if (t) t.resolve({ report: { file: t.file, ok: false, error: { code: 'too-large', message: `处理该文件时资源耗尽（${err.message}）。` } } })
      if (!closed) {
        idle.push(spawn())
        pump()
      }
    }
    w.on('error', fail)
    w.on('exit', (code) => {
      if (code !== 0 && !closed) fail(new Error(`exit ${code}`))
    })
    return w
  }
  for (let i = 0; i < threads; i++) idle.push(spawn())

  function pump(): void {
    while (idle.length && queue.length) {
      const w = idle.pop()!
      const t = queue.shift()!
      busy.set(w, t)
      w.postMessage({ id: t.id, file: t.file, bytes: t.bytes, doc: t.doc, full: t.full, acceptNotReport: t.acceptNotReport })
    }
  }

  return {
    threads,
    run(file, full = false, opts = {}) {
      return new Promise<CheckOutcome>((resolve) => {
        queue.push({ id: nextId++, file, full, acceptNotReport: opts.acceptNotReport, resolve })
        pump()
      })
    },
    analyzeDoc(doc, name) {
      return new Promise<CheckOutcome>((resolve) => {
        queue.push({ id: nextId++, file: name, doc, full: true, acceptNotReport: true, resolve })
        pump()
      })
    },
    runBytes(bytes, name, full = false, opts = {}) {
      return new Promise<CheckOutcome>((resolve) => {
        queue.push({ id: nextId++, file: name, bytes, full, acceptNotReport: opts.acceptNotReport, resolve })
        pump()
      })
    },
    async close() {
      closed = true
      await Promise.all([...idle, ...busy.keys()].map((w) => w.terminate()))
    }
  }
}

export type PoolFactory = (checklist: Checklist) => ParsePool

/**
 * The worker pools the services share. Import keeps one warm across batches (the PDF engine loads once per
 * worker, not per import); the pool holds its checklist, so another checklist gets new workers.
 */
export class WorkerPools {
  private warm: { key: string; pool: ParsePool } | null = null

  constructor(private readonly factory: PoolFactory = (checklist) => createParsePool(checklist)) {}

  /** The warm pool for this checklist (replacing one for another checklist). */
  async forChecklist(checklist: Checklist): Promise<ParsePool> {
    const key = JSON.stringify(checklist)
    if (this.warm?.key === key) return this.warm.pool
    await this.warm?.pool.close()
    this.warm = { key, pool: this.factory(checklist) }
    return this.warm.pool
  }

  /** Workers of its own for one piece of work (re-analysis against another checklist); the caller closes it. */
  fresh(checklist: Checklist): ParsePool {
    return this.factory(checklist)
  }

  async close(): Promise<void> {
    await this.warm?.pool.close()
    this.warm = null
  }
}

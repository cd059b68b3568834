// Worker threads for the batch comparison (one per core), or this thread when no built worker exists
// (running from TypeScript sources: tests, the e2e harness). Separate from the parse pool: its workers
// hold a checklist and pdf.js, these hold the batch's texts in shared memory.

import fs from 'node:fs'
import os from 'node:os'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../shared/errors'
import { createCompareHandler, type CompareMessage, type CompareReply } from './compare-tasks'

export interface ComparePool {
  readonly threads: number
  /** Sends a message to every thread and waits for all; only between phases, with nothing else in flight. */
  broadcast(msg: CompareMessage): Promise<void>
  /** Runs one task on the next free thread. */
  run(msg: CompareMessage): Promise<CompareReply>
  close(): Promise<void>
}

/** The built worker beside the built CLI or main bundle; none when running from TypeScript sources. */
export function defaultCompareWorkerUrl(): URL | null {
  const here = import.meta.url
  if (!here.endsWith('.js')) return null
  const candidates = [new URL('./compare-worker.js', here), new URL('../compare-worker.js', here), new URL('../cli/compare-worker.js', here)]
  return candidates.find((u) => fs.existsSync(fileURLToPath(u))) ?? null
}

export function createComparePool(opts: { threads?: number; workerUrl?: URL | null } = {}): ComparePool {
  const workerUrl = opts.workerUrl === undefined ? defaultCompareWorkerUrl() : opts.workerUrl
  const threads = Math.max(1, opts.threads ?? Math.min(os.availableParallelism(), 8))
  if (!workerUrl) {
    const handle = createCompareHandler()
    // One task at a time, with a turn of the event loop before each so progress and IPC get through.
    let chain: Promise<unknown> = Promise.resolve()
    const run = (msg: CompareMessage) => {
      const next = chain.then(async () => {
        await yieldToLoop()
        return handle(msg).reply
      })
      chain = next.catch(() => {})
      return next
    }
    return {
      threads: 1,
      run,
      async broadcast(msg) {
        await run(msg)
      },
      async close() {}
    }
  }

  interface Pending {
    resolve: (r: CompareReply) => void
    reject: (e: Error) => void
  }
  const workers: Worker[] = []
  const idle: Worker[] = []
  const pending = new Map<number, Pending>()
  const busy = new Map<Worker, number>()
  const queue: Array<{ msg: CompareMessage; p: Pending }> = []
  let nextId = 1
  let closed = false
  let failure: Error | null = null

  const send = (w: Worker, msg: CompareMessage, p: Pending) => {
    const id = nextId++
    pending.set(id, p)
    busy.set(w, id)
    w.postMessage({ id, msg })
  }
  const pump = () => {
    while (idle.length && queue.length) {
      const { msg, p } = queue.shift()!
      send(idle.pop()!, msg, p)
    }
  }
  const fail = (err: Error) => {
    failure ??= new AppError('internal', `比对文字的工作线程意外退出（${err.message}），请重试；报告很多时可先分批导入。`)
    for (const p of pending.values()) p.reject(failure)
    pending.clear()
    for (const q of queue.splice(0)) q.p.reject(failure)
  }
  for (let i = 0; i < threads; i++) {
    const w = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: 1024 } })
    w.on('message', (m: { id: number; reply?: CompareReply; error?: string }) => {
      const p = pending.get(m.id)
      pending.delete(m.id)
      busy.delete(w)
      if (m.error !== undefined) p?.reject(new AppError('internal', `比对文字时出错：${m.error}`))
      else p?.resolve(m.reply!)
      idle.push(w)
      pump()
    })
    w.on('error', fail)
    w.on('exit', (code) => {
      if (!closed) fail(new Error(`exit ${code}`))
    })
    workers.push(w)
    idle.push(w)
  }

  return {
    threads,
    run(msg) {
      if (failure) return Promise.reject(failure)
      return new Promise<CompareReply>((resolve, reject) => {
        queue.push({ msg, p: { resolve, reject } })
        pump()
      })
    },
    async broadcast(msg) {
      if (failure) throw failure
      if (busy.size || queue.length) throw new Error('broadcast while tasks are in flight')
      idle.length = 0
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<CompareReply>((resolve, reject) => {
              send(w, msg, { resolve, reject })
            })
        )
      )
    },
    async close() {
      closed = true
      await Promise.all(workers.map((w) => w.terminate()))
    }
  }
}

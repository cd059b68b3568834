// Runs checkFile in parse processes (one per core) when a built worker is available, else in this
// thread. Each file has a time and a memory budget enforced from outside the parser: a process over
// either is killed, its file gets `timeout` or `too-large` with the numbers, a new process takes its
// place and the batch goes on. Cancelling kills the process in hand at once.

import fs from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import type { Checklist } from '../../shared/models/checklist'
import type { ExtractedDoc } from '../../shared/models/report'
import type { AppErrorCode } from '../../shared/errors'
import { analyzeDoc, checkBytes, checkFile, forStore, type CheckOptions, type CheckOutcome } from './check-file'
import { MEMORY_MARK, type ChildTask } from './parse-child'
import { forkParseProcess, type ExitInfo, type ParseProcess, type SpawnParseProcess } from './parse-process'

/** How one file is checked: the analysis options, and a signal that stops the work in hand. */
export type RunOptions = CheckOptions & { signal?: AbortSignal }

export interface ParsePool {
  run(file: string, full?: boolean, opts?: RunOptions): Promise<CheckOutcome>
  /** Checks bytes already read (the importer hashes them first); `name` gives the extension and the label. */
  runBytes(bytes: Uint8Array, name: string, full?: boolean, opts?: RunOptions): Promise<CheckOutcome>
  /** Analyzes text already extracted (re-analysis against another checklist). */
  /**
   * Analyzes text already extracted (re-analysis against another checklist). A document already in the
   * project is analysed whatever it is: it is never refused as not-a-report here.
   */
  analyzeDoc(doc: ExtractedDoc, name: string, signal?: AbortSignal): Promise<CheckOutcome>
  close(): Promise<void>
  readonly threads: number
}

/** What one file may cost. */
export interface Budgets {
  /** Resident memory of the process parsing it (heap, ArrayBuffers, native): MB. */
  memoryMb: number
  /** V8's heap limit within that process: MB (below memoryMb, so the heap fails first with its own message). */
  heapMb: number
  /** Time for any file: seconds. */
  baseSeconds: number
  /** Plus this many seconds per MB of input. */
  secondsPerMb: number
}

// Real reports (up to 64 MB, 500 pages) parse in well under 10 s and 250 MB on an office PC; two
// processes at their limit stay under 1 GB. See docs/security.md for the measurements.
export const DEFAULT_BUDGETS: Budgets = { memoryMb: 400, heapMb: 288, baseSeconds: 30, secondsPerMb: 2 }

export function timeBudgetMs(b: Budgets, bytes: number): number {
  return Math.round((b.baseSeconds + (b.secondsPerMb * bytes) / 1048576) * 1000)
}

/** The built worker beside the built CLI or main bundle; none when running from TypeScript sources. */
export function defaultWorkerUrl(): URL | null {
  const here = import.meta.url
  if (!here.endsWith('.js')) return null
  const candidates = [new URL('./parse-worker.js', here), new URL('../parse-worker.js', here), new URL('../cli/parse-worker.js', here)]
  return candidates.find((u) => fs.existsSync(fileURLToPath(u))) ?? null
}

export interface PoolOptions {
  threads?: number
  /** The parse process's script; null parses in this thread (tests from sources), unbounded. */
  workerUrl?: URL | null
  /** Node options added for the parse process (tests run the TypeScript worker with `--import tsx`). */
  execArgv?: string[]
  /** How a parse process is started (Electron passes utilityProcess). */
  spawn?: SpawnParseProcess
  budgets?: Partial<Budgets>
  /** Told of each file when it is done: how long its process worked on it (the benchmarks print it). */
  onFileDone?: (info: { file: string; ms: number; code: string | null }) => void
}

const reportOnly = (o: CheckOutcome): CheckOutcome => ({ report: o.report })
const failed = (file: string, code: AppErrorCode, message: string): CheckOutcome => ({ report: { file, ok: false, error: { code, message } } })
const CANCELLED = '已取消。'
const STARTUP_MS = 60_000

/**
 * How much lower the parse processes run than the app: a little, so that when they and the main thread
 * want a core at once (every core busy parsing, or other programs running) the main thread gets it
 * sooner and the window keeps answering; with a core idle it changes nothing. Windows has classes, not
 * niceness: there the nearest lower class.
 */
export const PARSE_NICENESS = process.platform === 'win32' ? os.constants.priority.PRIORITY_BELOW_NORMAL : 5

/** Lowers a parse process's priority; one that is gone already, or a system that refuses, parses as it is. */
function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    os.setPriority(pid, Math.max(os.getPriority(pid), PARSE_NICENESS))
  } catch {
    // not worth failing an import over
  }
}
const mb = (bytes: number) => Math.round(bytes / 1048576)

/** A file's size as a reviewer reads it: 14 KB, 3.2 MB. */
export function formatSize(bytes: number): string {
  return bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`
}

/**
 * Why a parse process died while it held a file, in words that tell the truth: memory only when memory
 * was the cause (with the numbers), else a damaged or malformed file.
 */
export function deathOutcome(file: string, size: number, info: ExitInfo, b: Budgets): CheckOutcome {
  const mark = new RegExp(`${MEMORY_MARK} (\\d+)`).exec(info.stderr)
  if (mark) {
    return failed(file, 'too-large', `解析时内存超过上限：已用 ${mb(Number(mark[1]))} MB，上限 ${b.memoryMb} MB（文件 ${formatSize(size)}）。文件可能含有压缩炸弹或异常结构，已中止解析。`)
  }
  if (/heap out of memory|Reached heap limit|Allocation failed|Ineffective mark-compacts/i.test(info.stderr)) {
    return failed(file, 'too-large', `解析时 JavaScript 堆内存超过上限 ${b.heapMb} MB（文件 ${formatSize(size)}）。文件可能含有异常结构，已中止解析。`)
  }
  const how = info.signal ? `信号 ${info.signal}` : `退出码 ${info.code}`
  return failed(file, 'corrupt', `解析进程意外退出（${how}），文件可能已损坏或结构异常。`)
}

export function createParsePool(checklist: Checklist, opts: PoolOptions = {}): ParsePool {
  const workerUrl = opts.workerUrl === undefined ? defaultWorkerUrl() : opts.workerUrl
  const threads = Math.max(1, opts.threads ?? Math.min(os.availableParallelism(), 8))
  if (!workerUrl) return inProcessPool(checklist, threads)
  return processPool(checklist, threads, fileURLToPath(workerUrl), opts)
}

/** In this thread, bounded to `threads` files in flight; no budgets (nothing outside to enforce them). */
function inProcessPool(checklist: Checklist, threads: number): ParsePool {
  let active = 0
  const waiting: Array<() => void> = []
  // `shape` trims the outcome to what the caller asked for, as the worker does before replying.
  const bounded = async (file: string, signal: AbortSignal | undefined, work: () => Promise<CheckOutcome>, shape: (o: CheckOutcome) => CheckOutcome) => {
    if (active >= threads) await new Promise<void>((r) => waiting.push(r))
    active++
    try {
      if (signal?.aborted) return failed(file, 'cancelled', CANCELLED)
      return shape(await work())
    } finally {
      active--
      waiting.shift()?.()
    }
  }
  return {
    threads: 1,
    run: (file, full = false, { signal, ...check } = {}) => bounded(file, signal, () => checkFile(file, checklist, check), full ? forStore : reportOnly),
    runBytes: (bytes, name, full = false, { signal, ...check } = {}) => bounded(name, signal, () => checkBytes(bytes, name, checklist, check), full ? forStore : reportOnly),
    analyzeDoc: (doc, name, signal) => bounded(name, signal, async () => analyzeDoc(doc, name, checklist, { acceptNotReport: true }), (o) => o),
    async close() {}
  }
}

interface Task {
  msg: ChildTask
  /** When its process started on it (performance.now()), once it has. */
  startedAt?: number
  /** Input size in bytes, for the time budget and the messages. */
  size: number
  signal?: AbortSignal
  onAbort?: () => void
  resolve: (o: CheckOutcome) => void
  done: boolean
}

interface Slot {
  proc: ParseProcess
  task: Task | null
  timer: NodeJS.Timeout | null
  /** The process has said it is running (a process that dies before that could not start). */
  ready: boolean
}

function processPool(checklist: Checklist, threads: number, script: string, opts: PoolOptions): ParsePool {
  const budgets: Budgets = { ...DEFAULT_BUDGETS, ...opts.budgets }
  const spawnProcess = opts.spawn ?? forkParseProcess
  const queue: Task[] = []
  const slots = new Set<Slot>()
  let nextId = 1
  let closed = false

  const finish = (task: Task, outcome: CheckOutcome) => {
    if (task.done) return
    task.done = true
    if (task.startedAt !== undefined) opts.onFileDone?.({ file: task.msg.file, ms: performance.now() - task.startedAt, code: outcome.report.ok ? null : outcome.report.error.code })
    if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
    task.resolve(outcome)
  }

  /** Takes a process out of the pool and kills it; its file, if any, has been answered already. */
  const retire = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    slots.delete(slot)
    slot.proc.kill()
  }

  const spawn = (): Slot => {
    const proc = spawnProcess({ script, execArgv: [`--max-old-space-size=${budgets.heapMb}`, ...(opts.execArgv ?? [])] })
    lowerPriority(proc.pid)
    const slot: Slot = { proc, task: null, timer: null, ready: false }
    // A process that never comes up (a broken install, a machine out of memory) is not waited on for ever.
    // Killed, its file is answered by the exit handler.
    const startup = setTimeout(() => slot.ready || proc.kill(), STARTUP_MS)
    proc.onMessage((msg) => {
      if (msg.type === 'ready') {
        clearTimeout(startup)
        slot.ready = true
        if (slot.task) startClock(slot, slot.task)
        return
      }
      const t = slot.task
      if (!t || t.msg.id !== msg.id) return
      if (slot.timer) clearTimeout(slot.timer)
      slot.timer = null
      slot.task = null
      finish(t, msg.outcome)
      // A process that has grown (fragmented heap, caches) is replaced before it meets the next file's budget.
      if (msg.rssBytes > (budgets.memoryMb * 1048576) / 2) retire(slot)
      pump()
    })
    proc.onExit((info) => {
      clearTimeout(startup)
      slots.delete(slot)
      if (slot.timer) clearTimeout(slot.timer)
      const t = slot.task
      slot.task = null
      if (t && !t.done) {
        finish(t, slot.ready ? deathOutcome(t.msg.file, t.size, info, budgets) : failed(t.msg.file, 'internal', `解析进程无法启动（${info.stderr.trim().split('\n').pop() ?? info.code}）。`))
      }
      pump()
    })
    proc.send({ type: 'init', checklist, memoryLimitBytes: budgets.memoryMb * 1048576 })
    slots.add(slot)
    return slot
  }

  // The clock runs from when the process is up (starting one is not the file's time).
  const startClock = (slot: Slot, task: Task) => {
    const ms = timeBudgetMs(budgets, task.size)
    task.startedAt = performance.now()
    slot.timer = setTimeout(() => {
      finish(task, failed(task.msg.file, 'timeout', `解析超时：超过 ${Math.round(ms / 1000)} 秒仍未完成（文件 ${formatSize(task.size)}），已中止。文件可能结构异常。`))
      slot.task = null
      retire(slot)
      pump()
    }, ms)
  }

  const assign = (slot: Slot, task: Task) => {
    slot.task = task
    if (slot.ready) startClock(slot, task)
    slot.proc.send(task.msg)
  }

  function pump(): void {
    if (closed) return
    while (queue.length) {
      let slot = [...slots].find((s) => !s.task)
      if (!slot) {
        if (slots.size >= threads) return
        slot = spawn()
      }
      assign(slot, queue.shift()!)
    }
  }

  const submit = (msg: Omit<ChildTask, 'type' | 'id'>, size: number, signal?: AbortSignal): Promise<CheckOutcome> =>
    new Promise<CheckOutcome>((resolve) => {
      if (closed || signal?.aborted) return resolve(failed(msg.file, 'cancelled', CANCELLED))
      const task: Task = { msg: { type: 'task', id: nextId++, ...msg }, size, signal, resolve, done: false }
      if (signal) {
        // Cancelling kills the process in hand: a file stuck in a loop is stopped now, not after its budget.
        task.onAbort = () => {
          const i = queue.indexOf(task)
          if (i >= 0) queue.splice(i, 1)
          const slot = [...slots].find((s) => s.task === task)
          finish(task, failed(msg.file, 'cancelled', CANCELLED))
          if (slot) {
            slot.task = null
            retire(slot)
          }
          pump()
        }
        signal.addEventListener('abort', task.onAbort, { once: true })
      }
      queue.push(task)
      pump()
    })

  return {
    threads,
    run(file, full = false, { signal, acceptNotReport } = {}) {
      let size = 0
      try {
        size = fs.statSync(file).size
      } catch {
        /* the process reports the file as unreadable */
      }
      return submit({ file, full, acceptNotReport }, size, signal)
    },
    runBytes(bytes, name, full = false, { signal, acceptNotReport } = {}) {
      return submit({ file: name, bytes, full, acceptNotReport }, bytes.byteLength, signal)
    },
    analyzeDoc(doc, name, signal) {
      return submit({ file: name, doc, full: true, acceptNotReport: true }, doc.text.length * 3, signal)
    },
    async close() {
      closed = true
      for (const t of queue.splice(0)) finish(t, failed(t.msg.file, 'cancelled', CANCELLED))
      for (const slot of [...slots]) {
        if (slot.task) finish(slot.task, failed(slot.task.msg.file, 'cancelled', CANCELLED))
        slot.task = null
        retire(slot)
      }
    }
  }
}

export type PoolFactory = (checklist: Checklist) => ParsePool

/**
 * The worker pools the services share. Import keeps one warm across batches (the PDF engine loads once per
 * process, not per import); the pool holds its checklist, so another checklist gets new processes.
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

  /** Processes of its own for one piece of work (re-analysis against another checklist); the caller closes it. */
  fresh(checklist: Checklist): ParsePool {
    return this.factory(checklist)
  }

  async close(): Promise<void> {
    await this.warm?.pool.close()
    this.warm = null
  }
}

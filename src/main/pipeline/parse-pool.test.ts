// The parse pool's outer budgets: a file that grows past its memory, fills the heap, never ends or
// kills its process gets a code that tells the truth, the process is replaced and the next file is read;
// cancelling stops the file in hand at once. The hostile behaviour comes from a test-only worker.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { loadChecklist } from '../store/checklist-files'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { createParsePool, deathOutcome, PARSE_NICENESS, type Budgets, type ParsePool } from './parse-pool'
import { forkParseProcess } from './parse-process'

const HOSTILE = pathToFileURL(path.resolve(import.meta.dirname, '../../../tests/helpers/hostile-parse-worker.ts'))
const docx = () => new Uint8Array(fs.readFileSync(path.join(CORPUS, 'formats', 'gekeng-2024.docx')))

/** Resident memory of a process, from /proc (Linux); null elsewhere or once it is gone. */
function rssOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : null
  } catch {
    return null
  }
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

let pool: ParsePool | null = null
const pids: number[] = []
function hostilePool(budgets: Partial<Budgets>, threads = 1): ParsePool {
  pool = createParsePool(loadChecklist('default'), {
    threads,
    workerUrl: HOSTILE,
    execArgv: ['--import', 'tsx'],
    budgets,
    spawn: (o) => {
      const p = forkParseProcess(o)
      if (p.pid) pids.push(p.pid)
      return p
    }
  })
  return pool
}

afterEach(async () => {
  await pool?.close()
  pool = null
  pids.length = 0
})

describe('parse pool budgets', () => {
  it('kills a file that grows past its memory budget outside the JS heap, says so with the numbers, and reads the next file', async () => {
    const p = hostilePool({ memoryMb: 320, heapMb: 256 })
    const peak = { rss: 0 }
    let watching = true
    const watch = (async () => {
      while (watching) {
        for (const pid of pids) peak.rss = Math.max(peak.rss, rssOf(pid) ?? 0)
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
    const bomb = await p.runBytes(new Uint8Array(1000), 'hostile-buffers.pdf', true)
    watching = false
    await watch
    expect(bomb.report.ok).toBe(false)
    if (bomb.report.ok) return
    expect(bomb.report.error.code).toBe('too-large')
    expect(bomb.report.error.message).toMatch(/内存超过上限：已用 \d+ MB，上限 320 MB（文件 1 KB）/)
    // It was stopped near its budget (on Linux, measured from outside): not GBs later.
    if (process.platform === 'linux') expect(peak.rss).toBeLessThan(400 * 1048576)
    expect(pids.every((pid) => !alive(pid))).toBe(true)
    const next = await p.runBytes(docx(), 'gekeng-2024.docx', true)
    expect(next.report.ok).toBe(true)
    expect(next.doc?.text.length).toBeGreaterThan(1000)
  })

  it('a process out of JS heap on a small file gives too-large with the heap limit, not a claim that the file is big', async () => {
    const p = hostilePool({ memoryMb: 2000, heapMb: 64 })
    const r = await p.runBytes(docx(), 'hostile-heap.docx')
    expect(r.report.ok || r.report.error).toMatchObject({ code: 'too-large', message: expect.stringMatching(/JavaScript 堆内存超过上限 64 MB（文件 14 KB）/) })
  })

  it('stops a file that runs past its time budget with `timeout`, and the batch goes on', async () => {
    // 1 s for the stuck 10-byte file; the 14 KB report gets a few seconds more (a loaded machine is slow).
    const p = hostilePool({ baseSeconds: 1, secondsPerMb: 300 }, 2)
    const [stuck, good] = await Promise.all([p.runBytes(new Uint8Array(10), 'hostile-loop.html'), p.runBytes(docx(), 'gekeng-2024.docx')])
    expect(stuck.report.ok || stuck.report.error).toMatchObject({ code: 'timeout', message: expect.stringMatching(/超过 1 秒/) })
    expect(good.report.ok).toBe(true)
    // the process that was stuck is gone, and a new one reads the next file
    await new Promise((r) => setTimeout(r, 200))
    expect(alive(pids[0]!)).toBe(false)
    expect((await p.runBytes(docx(), 'again.docx')).report.ok).toBe(true)
  })

  it('a process that crashes on a file gives corrupt, not too-large', async () => {
    const p = hostilePool({})
    const r = await p.runBytes(new Uint8Array(10), 'hostile-crash.docx')
    expect(r.report.ok || r.report.error).toMatchObject({ code: 'corrupt', message: expect.stringMatching(/意外退出（信号 SIGSEGV）/) })
    expect((await p.runBytes(docx(), 'next.docx')).report.ok).toBe(true)
  })

  it('runs its processes a little below the app, so the main thread wins a core sooner', async () => {
    const p = hostilePool({}, 2)
    expect((await p.runBytes(docx(), 'a.docx')).report.ok).toBe(true)
    expect(pids.length).toBeGreaterThan(0)
    // never raised above the app's own (a process may not raise its priority), else lowered to PARSE_NICENESS
    for (const pid of pids) expect(os.getPriority(pid)).toBe(Math.max(os.getPriority(), PARSE_NICENESS))
  })

  it('cancelling kills the file in hand at once, not after its budget', async () => {
    const p = hostilePool({ baseSeconds: 600 })
    const controller = new AbortController()
    const stuck = p.runBytes(new Uint8Array(10), 'hostile-loop.txt', true, { signal: controller.signal })
    const queued = p.runBytes(docx(), 'queued.docx', true, { signal: controller.signal })
    while (!pids.length) await new Promise((r) => setTimeout(r, 10))
    await new Promise((r) => setTimeout(r, 300))
    controller.abort()
    let settled = false
    void stuck.then(() => (settled = true))
    await Promise.resolve()
    await Promise.resolve()
    expect(settled).toBe(true)
    expect((await stuck).report).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect((await queued).report).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    for (let i = 0; i < 100 && alive(pids[0]!); i++) await new Promise((r) => setTimeout(r, 10))
    expect(alive(pids[0]!)).toBe(false)
  })

  it('closing the pool kills a process stuck on a file and answers it', async () => {
    const p = hostilePool({ baseSeconds: 600 })
    const stuck = p.runBytes(new Uint8Array(10), 'hostile-loop.txt')
    while (!pids.length) await new Promise((r) => setTimeout(r, 10))
    await p.close()
    expect((await stuck).report).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    for (let i = 0; i < 100 && alive(pids[0]!); i++) await new Promise((r) => setTimeout(r, 10))
    expect(alive(pids[0]!)).toBe(false)
  })
})

describe('deathOutcome', () => {
  const b: Budgets = { memoryMb: 400, heapMb: 288, baseSeconds: 30, secondsPerMb: 2 }
  it.each([
    ['the watchdog', { code: null, signal: 'SIGKILL', stderr: 'RA-MEMORY-EXCEEDED 524288000\n' }, 'too-large', /已用 500 MB，上限 400 MB（文件 14 KB）/],
    ['V8 out of heap', { code: 134, signal: null, stderr: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' }, 'too-large', /堆内存超过上限 288 MB（文件 14 KB）/],
    ['anything else', { code: 3, signal: null, stderr: 'TypeError: boom' }, 'corrupt', /退出码 3/]
  ])('names the cause when the process was ended by %s', (_l, info, code, message) => {
    const r = deathOutcome('a.docx', 14 * 1024, info, b).report
    expect(r.ok || r.error).toMatchObject({ code, message: expect.stringMatching(message) })
  })
})

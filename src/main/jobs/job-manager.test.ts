// Jobs: throttled progress, a final snapshot whatever happens, cancellation through the signal.
import { describe, expect, it } from 'vitest'
import type { JobSnapshot } from '../../shared/models/job'
import { JobManager } from './job-manager'

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('JobManager', () => {
  it('coalesces rapid updates and always sends the final state', async () => {
    const jobs = new JobManager(50)
    const seen: JobSnapshot[] = []
    jobs.onProgress((s) => seen.push(s))
    const snap = jobs.start('import', async (ctx) => {
      ctx.update({ total: 1000 })
      for (let i = 1; i <= 1000; i++) ctx.update({ done: i, counts: { imported: i } })
      await tick(10)
      return { importId: 7 }
    })
    const final = await jobs.wait(snap.id)
    expect(final).toMatchObject({ state: 'done', total: 1000, done: 1000, counts: { imported: 1000 }, result: { importId: 7 } })
    expect(final.finishedAt).not.toBeNull()
    // 1,000 updates, a handful of events: the start, at most one per interval, the end
    expect(seen.length).toBeLessThan(10)
    expect(seen.at(-1)).toEqual(final)
  })

  it('cancels through the AbortSignal and ends as cancelled', async () => {
    const jobs = new JobManager(10)
    let processed = 0
    const snap = jobs.start('import', async (ctx) => {
      while (!ctx.signal.aborted && processed < 1000) {
        processed++
        await tick(2)
      }
      return { importId: 1 }
    })
    await tick(20)
    expect(jobs.cancel(snap.id)).toBe(true)
    const final = await jobs.wait(snap.id)
    expect(final.state).toBe('cancelled')
    expect(processed).toBeLessThan(1000)
    expect(jobs.cancel(snap.id)).toBe(false)
  })

  it('reports a job that throws as failed, with a message for the reviewer', async () => {
    const jobs = new JobManager(10)
    const snap = jobs.start('reanalyze', async () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
    })
    const final = await jobs.wait(snap.id)
    expect(final.state).toBe('failed')
    expect(final.error).toMatchObject({ code: 'io-error' })
    expect(final.error!.message).toMatch(/ENOSPC/)
  })

  it('holds one exclusive lock: a second exclusive job is refused with the reason until the first ends', async () => {
    const jobs = new JobManager(10)
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const first = jobs.start('export', async () => {
      await gate
      return { dir: '/tmp', files: [], failed: [] }
    }, { exclusive: true })
    expect(jobs.busyReason()).toMatch(/正在导出/)
    expect(() => jobs.start('import', async () => ({ importId: 1 }), { exclusive: true })).toThrow(/正在导出/)
    // work that does not need the project to itself still runs
    const side = jobs.start('reanalyze', async () => ({ checklistId: 'default' }))
    expect((await jobs.wait(side.id)).state).toBe('done')
    release()
    await jobs.wait(first.id)
    expect(jobs.busyReason()).toBeNull()
    const second = jobs.start('import', async () => ({ importId: 2 }), { exclusive: true })
    expect((await jobs.wait(second.id)).result).toEqual({ importId: 2 })
  })

  it('cancelAll stops every running job and waits for them', async () => {
    const jobs = new JobManager(10)
    const loop = async (ctx: { signal: AbortSignal }) => {
      while (!ctx.signal.aborted) await tick(2)
      return { importId: 1 }
    }
    const a = jobs.start('import', loop, { exclusive: true })
    const b = jobs.start('import', loop)
    await jobs.cancelAll()
    expect(jobs.get(a.id)!.state).toBe('cancelled')
    expect(jobs.get(b.id)!.state).toBe('cancelled')
  })
})

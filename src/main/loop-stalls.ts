// For `--stats`: how long the event loop was ever late, and how much of the longest such wait was this
// thread's own work. On a shared machine a thread that is ready can wait for a core; Linux counts each
// thread's CPU time (/proc/self/task/<tid>/stat), so a wait the thread did not spend working is told apart.

import fs from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

const TICK_MS = 10

/** The main thread's CPU time in ms (Linux; null elsewhere). Clock ticks of 10 ms. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    // fields after the command's closing parenthesis: state is 3rd, utime 14th, stime 15th
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) * 10
  } catch {
    return null
  }
}

export interface LoopStalls {
  stop(): { maxStallMs: number; maxBusyStallMs: number | null }
}

export function watchLoopStalls(): LoopStalls {
  const delay = monitorEventLoopDelay({ resolution: TICK_MS })
  delay.enable()
  let last = performance.now()
  let lastCpu = mainThreadCpuMs()
  let maxBusy: number | null = lastCpu === null ? null : 0
  const timer = setInterval(() => {
    const now = performance.now()
    const cpu = lastCpu === null ? null : mainThreadCpuMs()
    // a late tick: the thread's own CPU time in the gap is what its work took of it
    if (cpu !== null && lastCpu !== null && now - last > 2 * TICK_MS) maxBusy = Math.max(maxBusy ?? 0, Math.min(cpu - lastCpu, now - last))
    last = now
    lastCpu = cpu
  }, TICK_MS)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      delay.disable()
      return { maxStallMs: delay.max / 1e6, maxBusyStallMs: maxBusy }
    }
  }
}

// For `--stats`: how late the event loop ever was, and how much of the longest lateness was this thread's
// own doing (working or blocked) rather than waiting for a core. On a shared machine a thread that is
// ready can wait for a core; Linux counts each thread's time waiting to run (/proc/…/schedstat, no lock
// taken to read it), so that wait is told apart.

import fs from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

const TICK_MS = 10

/** The main thread's time waiting for a core, in ms (Linux; null elsewhere). */
function waitedForCoreMs(): number | null {
  try {
    // "time on a core (ns), time runnable but waiting for one (ns), timeslices"
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6
  } catch {
    return null
  }
}

export interface LoopStalls {
  stop(): { maxStallMs: number; maxOwnStallMs: number | null; maxOwnStallAtMs: number | null }
}

export function watchLoopStalls(): LoopStalls {
  const delay = monitorEventLoopDelay({ resolution: TICK_MS })
  delay.enable()
  let last = performance.now()
  let lastWait = waitedForCoreMs()
  const started = performance.now()
  let maxOwn: number | null = lastWait === null ? null : 0
  let maxOwnAt: number | null = null
  const timer = setInterval(() => {
    const now = performance.now()
    const wait = lastWait === null ? null : waitedForCoreMs()
    // how late this tick is, less what the thread spent waiting for a core in the meantime
    const own = wait !== null && lastWait !== null ? now - last - TICK_MS - (wait - lastWait) : null
    if (own !== null && own > (maxOwn ?? 0)) {
      maxOwn = own
      maxOwnAt = last - started
    }
    last = now
    lastWait = wait
  }, TICK_MS)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      delay.disable()
      return { maxStallMs: delay.max / 1e6, maxOwnStallMs: maxOwn, maxOwnStallAtMs: maxOwnAt }
    }
  }
}

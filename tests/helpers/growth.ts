// How the cost of a function grows with its input: run it on inputs of growing size and compare the
// work per call to the smallest size's. Linear work grows 16× from 1k to 16k characters; quadratic
// 256×; exponential never returns. Work is this process's CPU time (not the wall clock), so other
// programs busy on the machine do not change it; and only ratios are compared, never absolute times.

/** CPU milliseconds this process has used. */
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** CPU milliseconds per call: the best of five rounds, each long enough (≥ 20 ms of CPU) to measure. */
function timePerCall(fn: () => unknown): number {
  let best = Infinity
  for (let round = 0; round < 5; round++) {
    let calls = 0
    const start = cpuMs()
    let used = 0
    while (used < 20 || calls < 2) {
      fn()
      calls++
      used = cpuMs() - start
    }
    best = Math.min(best, used / calls)
  }
  return best
}

export const SIZES = [1024, 4096, 16384] as const

/**
 * The cost ratio between the largest and smallest input (16× the size). A bound of 100 lets linear work
 * through with room for noise on a busy machine, and stops anything quadratic (≈256) or worse.
 */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown): { ratio: number; times: number[] } {
  const inputs = SIZES.map((n) => make(n))
  run(inputs[0]!) // warm up the compiler
  const times = inputs.map((input) => timePerCall(() => run(input)))
  return { ratio: times[times.length - 1]! / Math.max(times[0]!, 1e-6), times }
}

export const LINEAR_BOUND = 100

/** n characters made by repeating `unit` (and `tail` once at the end, which makes the match fail late). */
export const repeat = (unit: string, n: number, head = '', tail = '') => head + unit.repeat(Math.max(1, Math.floor((n - head.length - tail.length) / unit.length))) + tail

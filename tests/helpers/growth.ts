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

// The same question asked with one step of 8× (the readers' hostile-input tests), for work that may be async.

/** CPU time of `run` in milliseconds, the least of a few runs (other processes and GC only ever add). */
async function cpuMsOf(run: () => unknown, runs: number): Promise<number> {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage()
    try {
      await run()
    } catch {
      // a refusal is an outcome like any other: its cost is what is measured
    }
    const d = process.cpuUsage(start)
    best = Math.min(best, (d.user + d.system) / 1000)
  }
  return best
}

/** Time at 8n over time at n for `run(make(size))`; inputs are made before the clock starts. */
export async function growth8x<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, runs = 2): Promise<number> {
  const small = make(n)
  const large = make(8 * n)
  await cpuMsOf(() => run(small), 1) // warm up the code paths and their compiled forms
  const a = await cpuMsOf(() => run(small), runs)
  const b = await cpuMsOf(() => run(large), runs)
  // A floor of 2 ms keeps timer granularity on tiny inputs from passing for growth.
  return b / Math.max(a, 2)
}

/** Ratio a linear-time run stays under (8× expected; GC and caches add some). */
export const LINEAR = 20

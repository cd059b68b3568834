// How the cost of a function grows with its input: run it on inputs of growing size and compare the
// time per call to the smallest size's. Linear work grows 16× from 1k to 16k characters; quadratic
// 256×; exponential never returns. Ratios of the same machine's timings, never absolute times.

import { performance } from 'node:perf_hooks'

/** Milliseconds per call: the best of three rounds, each long enough (≥ 15 ms) to measure. */
function timePerCall(fn: () => unknown): number {
  let best = Infinity
  for (let round = 0; round < 3; round++) {
    let calls = 0
    const start = performance.now()
    let elapsed = 0
    while (elapsed < 15 || calls < 2) {
      fn()
      calls++
      elapsed = performance.now() - start
    }
    best = Math.min(best, elapsed / calls)
  }
  return best
}

export const SIZES = [1024, 4096, 16384] as const

/**
 * The cost ratio between the largest and smallest input (16× the size). A bound of 64 lets linear work
 * through with room for noise on a busy machine, and stops anything quadratic (≈256) or worse.
 */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown): { ratio: number; times: number[] } {
  const inputs = SIZES.map((n) => make(n))
  run(inputs[0]!) // warm up the compiler
  const times = inputs.map((input) => timePerCall(() => run(input)))
  return { ratio: times[times.length - 1]! / Math.max(times[0]!, 1e-6), times }
}

export const LINEAR_BOUND = 64

/** n characters made by repeating `unit` (and `tail` once at the end, which makes the match fail late). */
export const repeat = (unit: string, n: number, head = '', tail = '') => head + unit.repeat(Math.max(1, Math.floor((n - head.length - tail.length) / unit.length))) + tail

// Linear-time checks without absolute timings: how much longer a run on an input 8× larger takes.
// Work that grows linearly takes about 8× as long, quadratic work about 64×.

/** CPU time of `run` in milliseconds, the least of a few runs (other processes and GC only ever add). */
async function cpuMs(run: () => unknown, runs: number): Promise<number> {
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
export async function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, runs = 2): Promise<number> {
  const small = make(n)
  const large = make(8 * n)
  await cpuMs(() => run(small), 1) // warm up the code paths and their compiled forms
  const a = await cpuMs(() => run(small), runs)
  const b = await cpuMs(() => run(large), runs)
  // A floor of 2 ms keeps timer granularity on tiny inputs from passing for growth.
  return b / Math.max(a, 2)
}

/** Ratio a linear-time run stays under (8× expected; GC and caches add some). */
export const LINEAR = 20

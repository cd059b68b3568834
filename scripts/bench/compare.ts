// Benchmark of the batch comparison (issue 13): 500 synthetic reports of about 15,000 characters built
// from the corpus (250 units, two years), compared as the app's job compares them (every pair within
// a year that shares text, each report against its unit's report of the year before) on the compare
// worker pool; prints the time, the pairs, peak memory, and how close the measured shares come to the
// planted ones. Run by `npm run bench` after `npm run build:cli` (it uses the built worker).
// Target: under 30 s on 2 cores.

import os from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { compareBatch, type BatchReport } from '../../src/main/pipeline/compare-batch'
import { createComparePool } from '../../src/main/pipeline/compare-pool'
import { STANDARD_WORDING } from '../../src/main/domain/standard-wording'
import { matchText } from '../../src/main/domain/similarity'
import { syntheticBatch } from './synthetic-reports'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const UNITS = Number(process.env.BENCH_COMPARE_UNITS ?? 250)

const t0 = performance.now()
const batch = syntheticBatch(path.join(ROOT, 'tests/fixtures/corpus'), UNITS)
const built = performance.now() - t0
const chars = batch.reduce((n, r) => n + r.text.length, 0)
console.log(`compare: ${batch.length} synthetic reports (${UNITS} units × 2 years), ${Math.round(chars / batch.length)} characters on average, built in ${(built / 1000).toFixed(1)} s`)

const years = [...new Set(batch.map((r) => r.year))].sort()
const reports: BatchReport[] = batch.map((r, i) => ({ text: r.text, clutter: [], group: years.indexOf(r.year), learn: true, family: i }))
const pairs = batch.flatMap((r, i) => (r.year === years[1] ? [{ a: i, b: i - 1, otherYear: years[0]! }] : []))
const searches = years.map((y) => ({ members: batch.flatMap((r, i) => (r.year === y ? [i] : [])) }))

const threads = Math.min(os.availableParallelism(), 8)
const pool = createComparePool({ threads, workerUrl: pathToFileURL(path.join(ROOT, 'out', 'cli', 'compare-worker.js')) })
// The app runs this orchestration in its main process: its longest stall is what the window would feel.
const loop = monitorEventLoopDelay({ resolution: 10 })
loop.enable()
const start = performance.now()
const cpu0 = process.cpuUsage()
let result
try {
  result = await compareBatch({ reports, pairs, searches, wording: [...STANDARD_WORDING], excluded: [] }, pool)
} finally {
  await pool.close()
}
const seconds = (performance.now() - start) / 1000
loop.disable()
// CPU of every thread of the process: on a shared machine the wall time also counts others' work.
const cpu = process.cpuUsage(cpu0)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
const lastYear = result.pairs.filter((p) => p.explicit)
const sameYear = result.pairs.filter((p) => !p.explicit)
// The planted share in the comparison's own measure: normalised characters carried over / normalised characters.
const normalised = (t: string) => matchText(t).codes.length
const errors = lastYear.map((p) => Math.abs(p.share - batch[p.a]!.carried.reduce((n, c) => n + normalised(c), 0) / normalised(batch[p.a]!.text)))
const mean = errors.reduce((a, b) => a + b, 0) / errors.length
const stale = lastYear.reduce((n, p) => n + p.staleYears.length, 0)
console.log(
  `compare: ${seconds.toFixed(2)} s on ${threads} threads, ${cpuSeconds.toFixed(1)} s of CPU (${lastYear.length} against last year, ${sameYear.length} pairs of the same year sharing text, ${result.learned.reduce((n, l) => n + l.length, 0)} standard passages learnt, ${stale} years left unchanged); peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, longest main-thread stall ${(loop.max / 1e6).toFixed(0)} ms`
)
console.log(`compare: share copied from last year within ${(mean * 100).toFixed(1)} points of the planted share on average (worst ${(Math.max(...errors) * 100).toFixed(1)})`)
console.log(`compare: target under 30 s on 2 cores: ${seconds < 30 ? 'MET' : 'NOT MET'}`)

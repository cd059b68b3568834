#!/usr/bin/env node
// Benchmark: builds a set of at least 1,000 report files of mixed formats from the fixtures, runs
// `report-audit check` over them and prints files per second and peak memory; on the PDFs of the set
// it also times poppler's pdftotext (the C++ reference for extraction alone) and prints the ratio;
// then each of .doc, .wps, .ofd and .mht on its own; then the import, the batch comparison and the
// library at 10,000 reports (scripts/bench/library.ts) benchmarks.
// scripts/bench/pdf.ts compares check per PDF with pdftotext and runs the hostile PDFs.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runMeasured } from './tree-rss.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BIN = path.join(ROOT, 'bin', 'report-audit.js')
const N = Number(process.env.BENCH_FILES ?? 1000)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-bench-'))

execFileSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' })

// Mixed formats: the real reports as Word (.docx, .doc, .wps), PDF, OFD, GBK/UTF-8 HTML, .mht, GB18030/UTF-16 text, plus portal excerpts.
const sources = [
  ...fs.readdirSync(path.join(ROOT, 'tests/fixtures/corpus/formats')).filter((f) => !f.endsWith('.json')).map((f) => path.join(ROOT, 'tests/fixtures/corpus/formats', f)),
  ...fs.readdirSync(path.join(ROOT, 'tests/fixtures/corpus/excerpts')).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, 'tests/fixtures/corpus/excerpts', f))
]
const all = path.join(work, 'all')
const pdfDir = path.join(all, 'pdf')
fs.mkdirSync(pdfDir, { recursive: true })
fs.mkdirSync(path.join(all, 'other'), { recursive: true })
for (let i = 0; i < N; i++) {
  const src = sources[i % sources.length]
  const name = `${String(i).padStart(5, '0')}-${path.basename(src)}`
  fs.copyFileSync(src, path.join(src.endsWith('.pdf') ? pdfDir : path.join(all, 'other'), name))
}
const pdfs = fs.readdirSync(pdfDir).map((f) => path.join(pdfDir, f))

async function check(dir) {
  const t0 = process.hrtime.bigint()
  const r = await runMeasured(process.execPath, [BIN, 'check', '--json', '--stats', dir])
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const stats = JSON.parse(r.stderr.trim().split('\n').pop())
  // The parse processes are the CLI's children: the tree's peak where it can be measured, else the CLI's own.
  stats.maxRssMb = r.treePeakMb ?? stats.maxRssMb
  const reports = JSON.parse(r.stdout).reports
  return { seconds, stats, ok: reports.filter((x) => x.ok).length, total: reports.length }
}

const full = await check(all)
console.log(`check: ${full.total} files (${full.ok} read) in ${full.seconds.toFixed(2)} s = ${(full.total / full.seconds).toFixed(1)} files/s; peak memory ${full.stats.maxRssMb.toFixed(0)} MB, parse processes included (${full.stats.threads} threads)`)

const pdfCheck = await check(pdfDir)
let pdftotext = null
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
  const t0 = process.hrtime.bigint()
  for (const f of pdfs) execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { stdio: ['ignore', 'ignore', 'ignore'] })
  pdftotext = Number(process.hrtime.bigint() - t0) / 1e9
} catch {
  console.log('pdftotext: not installed (apt-get install poppler-utils); ratio not measured')
}
console.log(`check on ${pdfs.length} PDFs: ${pdfCheck.seconds.toFixed(2)} s (${(pdfs.length / pdfCheck.seconds).toFixed(1)} files/s), peak memory ${pdfCheck.stats.maxRssMb.toFixed(0)} MB`)
if (pdftotext !== null) {
  const ratio = pdfCheck.seconds / pdftotext
  console.log(`pdftotext on the same ${pdfs.length} PDFs: ${pdftotext.toFixed(2)} s (${(pdfs.length / pdftotext).toFixed(1)} files/s)`)
  console.log(`ratio check/pdftotext (one check run with its start, against one pdftotext process per file): ${ratio.toFixed(2)}×`)
}
// The formats of issue 14 on their own: Word 97–2003 and WPS, OFD, saved single-file pages.
const byFormat = []
for (const ext of ['.doc', '.wps', '.ofd', '.mht']) {
  const files = sources.filter((f) => f.endsWith(ext))
  if (!files.length) continue
  const dir = path.join(work, ext.slice(1))
  fs.mkdirSync(dir)
  const n = Number(process.env.BENCH_FORMAT_FILES ?? 200)
  for (let i = 0; i < n; i++) fs.copyFileSync(files[i % files.length], path.join(dir, `${String(i).padStart(4, '0')}${ext}`))
  const r = check(dir)
  byFormat.push(r)
  console.log(`check on ${r.total} ${ext} files (${r.ok} read): ${r.seconds.toFixed(2)} s (${(r.total / r.seconds).toFixed(1)} files/s), peak memory ${r.stats.maxRssMb.toFixed(0)} MB`)
}
const peaks = [full, pdfCheck, ...byFormat].map((r) => r.stats.maxRssMb)
console.log(`peak memory target < 500 MB: ${peaks.every((m) => m < 500) ? 'MET' : 'NOT MET'}`)
fs.rmSync(work, { recursive: true, force: true })

// Check per PDF against pdftotext on the same full-length reports, and the hostile PDFs (TypeScript, run by tsx).
spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench/pdf.ts')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BENCH_NO_BUILD: '1' } })

// The import benchmark (project store, per-file transactions, event-loop stalls) on the same build.
spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench/import.js')], { stdio: 'inherit', env: { ...process.env, BENCH_NO_BUILD: '1' } })
// Fetching and importing 100 pages from portals served on loopback (「从网址导入」).
spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench/urls.js')], { stdio: 'inherit', env: { ...process.env, BENCH_NO_BUILD: '1' } })

// The hostile batch (issue 16): regex-hostile titles, deep HTML, Flate bombs, a docx of many parts,
// each within its time and memory budget, the process tree under 1 GB.
spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench/hostile.js')], { stdio: 'inherit', env: { ...process.env, BENCH_NO_BUILD: '1' } })
// The batch comparison (copied and shared text): 500 synthetic reports of ~15,000 characters, on the built compare worker.
spawnSync('npx', ['tsx', path.join(ROOT, 'scripts/bench/compare.ts')], { cwd: ROOT, stdio: 'inherit' })

// The library at 10,000 full-length reports (built once and cached in bench-results/cache; the first run
// imports them, 1,000 at a time, and prints files/s and stalls): list, search per term length, versions.
spawnSync('npx', ['tsx', path.join(ROOT, 'scripts/bench/library.ts')], { cwd: ROOT, stdio: 'inherit' })

// In Chromium (needs `npm run build` first), every e2e/bench/*.bench.ts: the review workspace with a
// 100,000-character report, and the roster and the library at 1,000 submissions.
if (fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) {
  spawnSync('npx', ['playwright', 'test', '-c', 'playwright.bench.config.ts'], { cwd: ROOT, stdio: 'inherit' })
} else {
  console.log('workspace, roster and library: skipped (run `npm run build` first)')
}

#!/usr/bin/env node
// Import benchmark: 500 mixed report files (each with distinct content, so none is a duplicate) into a
// new project with `report-audit import`, the same importer the app's main process runs. Prints files
// per second, peak memory of the process (workers included) and the longest event-loop stall.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runMeasured } from './tree-rss.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BIN = path.join(ROOT, 'bin', 'report-audit.js')
const N = Number(process.env.BENCH_IMPORT_FILES ?? 500)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-bench-import-'))

if (!process.env.BENCH_NO_BUILD) execFileSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' })

const formats = path.join(ROOT, 'tests/fixtures/corpus/formats')
const excerpts = path.join(ROOT, 'tests/fixtures/corpus/excerpts')
const sources = [
  ...fs.readdirSync(formats).filter((f) => !f.endsWith('.json')).map((f) => path.join(formats, f)),
  ...fs.readdirSync(excerpts).filter((f) => f.endsWith('.txt')).map((f) => path.join(excerpts, f))
]

/** The same report with a distinct byte pattern, valid in its format: a zip comment, a PDF comment, a line of text
 * (after a compound file's last sector, or after an .mht's closing boundary, where readers ignore it). */
function variant(src, i) {
  const bytes = fs.readFileSync(src)
  const tag = Buffer.from(`bench-${i}`)
  if (src.endsWith('.docx') || src.endsWith('.ofd')) {
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    const head = Buffer.from(bytes.subarray(0, eocd + 22))
    head.writeUInt16LE(tag.length, eocd + 20)
    return Buffer.concat([head, tag])
  }
  if (src.endsWith('.pdf')) return Buffer.concat([bytes, Buffer.from(`\n%${tag}\n`)])
  if (src.includes('utf16')) return Buffer.concat([bytes, Buffer.from(`\n${tag}\n`, 'utf16le')])
  if (src.endsWith('.html')) return Buffer.concat([bytes, Buffer.from(`<!-- ${tag} -->`)])
  return Buffer.concat([bytes, Buffer.from(`\r\n${tag}\r\n`)])
}

const dir = path.join(work, 'reports')
fs.mkdirSync(dir)
for (let i = 0; i < N; i++) {
  const src = sources[i % sources.length]
  fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}-${path.basename(src)}`), variant(src, i))
}

const project = path.join(work, 'bench.raudit')
const t0 = process.hrtime.bigint()
const r = await runMeasured(process.execPath, [BIN, 'import', '--json', '--stats', '--project', project, dir])
const seconds = Number(process.hrtime.bigint() - t0) / 1e9
const stats = JSON.parse(r.stderr.trim().split('\n').pop())
stats.maxRssMb = r.treePeakMb ?? stats.maxRssMb
const summary = JSON.parse(r.stdout)
const mb = fs.statSync(project).size / 1048576
console.log(`import: ${summary.total} files into a new project (${summary.imported} imported, ${summary.duplicates} duplicates, ${summary.failed} failed) in ${seconds.toFixed(2)} s = ${(summary.total / seconds).toFixed(1)} files/s (${stats.threads} threads)`)
console.log(`import: peak memory ${stats.maxRssMb.toFixed(0)} MB (parse processes included); project file ${mb.toFixed(1)} MB`)
console.log(`import: longest event-loop stall ${stats.maxStallMs.toFixed(1)} ms (target < 100 ms) ${stats.maxStallMs < 100 ? 'MET' : 'NOT MET'}`)
if (summary.failed) for (const o of summary.outcomes.filter((x) => x.kind === 'failed').slice(0, 5)) console.log(`  failed: ${path.basename(o.file)}: ${o.message}`)
fs.rmSync(work, { recursive: true, force: true })

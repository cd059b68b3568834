#!/usr/bin/env node
// Import-from-addresses benchmark: 100 portal pages (the corpus's GBK and UTF-8 pages, each with distinct
// bytes, and a few PDFs linked directly) served on loopback by this process — on four sites when the
// system lets 127.0.0.2–4 be bound, else one — fetched and imported into a new project with
// `report-audit import --urls`, the same importer the app runs. Prints pages per second, peak memory and
// the longest event-loop stall. Runs without the pause between requests to one site (--delay 0): with the
// polite default of 1 s, a batch takes about (pages on the busiest site) seconds.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BIN = path.join(ROOT, 'bin', 'report-audit.js')
const N = Number(process.env.BENCH_URLS ?? 100)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-bench-urls-'))

if (!process.env.BENCH_NO_BUILD) execFileSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' })

const formats = path.join(ROOT, 'tests/fixtures/corpus/formats')
const pages = fs.readdirSync(formats).filter((f) => f.endsWith('.html')).map((f) => fs.readFileSync(path.join(formats, f)))
const pdfs = fs.readdirSync(formats).filter((f) => f.endsWith('.pdf')).map((f) => fs.readFileSync(path.join(formats, f)))

/** Page i: a corpus page with a distinct comment (a PDF linked directly every tenth), as a portal serves it. */
function body(i) {
  if (i % 10 === 9) return { type: 'application/pdf', bytes: Buffer.concat([pdfs[i % pdfs.length], Buffer.from(`\n%bench-${i}\n`)]) }
  return { type: 'text/html', bytes: Buffer.concat([pages[i % pages.length], Buffer.from(`<!-- bench-${i} -->`)]) }
}

async function listen(host) {
  const server = http.createServer((req, res) => {
    const i = Number(/\/art_(\d+)/.exec(req.url ?? '')?.[1] ?? -1)
    if (!(i >= 0 && i < N)) return void res.writeHead(404).end()
    const b = body(i)
    res.writeHead(200, { 'content-type': b.type, 'content-length': String(b.bytes.length) })
    res.end(b.bytes)
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, resolve)
  })
  return { server, base: `http://${host}:${server.address().port}` }
}

const sites = [await listen('127.0.0.1')]
for (const host of ['127.0.0.2', '127.0.0.3', '127.0.0.4']) {
  try {
    sites.push(await listen(host))
  } catch {
    break // only 127.0.0.1 on this system
  }
}
const list = path.join(work, 'urls.txt')
fs.writeFileSync(list, Array.from({ length: N }, (_, i) => `${sites[i % sites.length].base}/zwgk/art_${i}.html`).join('\n'))

const project = path.join(work, 'bench.raudit')
const t0 = process.hrtime.bigint()
const child = spawn(process.execPath, [BIN, 'import', '--json', '--stats', '--project', project, '--urls', list, '--delay', '0', '--allow-private-network'])
let out = ''
let err = ''
child.stdout.on('data', (d) => (out += d))
child.stderr.on('data', (d) => (err += d))
await new Promise((resolve) => child.on('close', resolve))
const seconds = Number(process.hrtime.bigint() - t0) / 1e9
for (const s of sites) s.server.close()
const stats = JSON.parse(err.trim().split('\n').pop())
const summary = JSON.parse(out)
console.log(
  `urls: ${summary.total} pages from ${sites.length} local site(s) fetched and imported (${summary.imported} imported, ${summary.duplicates} duplicates, ${summary.failed} failed) in ${seconds.toFixed(2)} s = ${(summary.total / seconds).toFixed(1)} pages/s (${stats.threads} threads)`
)
console.log(`urls: peak memory ${stats.maxRssMb.toFixed(0)} MB; longest event-loop stall ${stats.maxStallMs.toFixed(1)} ms (target < 100 ms) ${stats.maxStallMs < 100 ? 'MET' : 'NOT MET'}`)
if (summary.failed) for (const o of summary.outcomes.filter((x) => x.kind === 'failed').slice(0, 5)) console.log(`  failed: ${o.file}: ${o.message}`)
fs.rmSync(work, { recursive: true, force: true })

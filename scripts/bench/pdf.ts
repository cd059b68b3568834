// PDF benchmark (run by `npm run bench` through tsx): `report-audit check` per PDF against poppler's
// pdftotext on the same full-length reports in the same run, and a batch of hostile PDFs with each
// file's time, outcome and the process's peak memory.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { constants, deflateRawSync } from 'node:zlib'
import { addFonts, makePdf, PdfWriter, runsToContent } from '../../tests/helpers/pdf-make'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BIN = path.join(ROOT, 'bin', 'report-audit.js')
const COPIES = Number(process.env.BENCH_PDF_COPIES ?? 20)
const ROUNDS = Number(process.env.BENCH_PDF_ROUNDS ?? 3)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-bench-pdf-'))

if (!process.env.BENCH_NO_BUILD) execFileSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' })

const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined
if (!has('pdftotext')) {
  console.log('pdf: pdftotext not installed (apt-get install poppler-utils); nothing to compare with')
  process.exit(0)
}

// The real reports as PDFs; a long report of one document (the three reports' texts four times over,
// about 22 pages, made by LibreOffice as Writer makes the short ones) when soffice is there; and the three
// PDFs merged four times by pdfunite (36 pages carrying 48 copies of their fonts), shown apart: PDFium
// loads every embedded font program, poppler's text output does not, so that file measures font loading.
const formats = path.join(ROOT, 'tests/fixtures/corpus/formats')
const sources = fs.readdirSync(formats).filter((f) => f.endsWith('.pdf')).map((f) => path.join(formats, f))
const fontHeavy: string[] = []
const reportsDir = path.join(ROOT, 'tests/fixtures/corpus/reports')
const texts = fs.readdirSync(reportsDir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(reportsDir, f), 'utf8'))
const longTxt = path.join(work, 'long-report.txt')
fs.writeFileSync(longTxt, [...texts, ...texts, ...texts, ...texts].join('\n'))
// A profile of its own, so a LibreOffice already running for someone else is not asked instead.
spawnSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, longTxt], { stdio: 'ignore', timeout: 180_000 })
if (fs.existsSync(path.join(work, 'long-report.pdf'))) sources.push(path.join(work, 'long-report.pdf'))
else console.log('pdf: soffice not installed, no long report of one document')
if (has('pdfunite')) {
  const merged = path.join(work, 'merged-36-pages.pdf')
  execFileSync('pdfunite', [...sources.slice(0, 3), ...sources.slice(0, 3), ...sources.slice(0, 3), ...sources.slice(0, 3), merged])
  fontHeavy.push(merged)
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9
const TIME = '/usr/bin/time'
const hasTime = fs.existsSync(TIME)

/** Runs a command; wall seconds and, where GNU time is installed, CPU seconds (user + system, children included). */
function timed(cmd: string, args: string[]): { wall: number; cpu: number; stdout: string; stderr: string } {
  const out = path.join(work, 'time.txt')
  const t0 = process.hrtime.bigint()
  const r = hasTime
    ? spawnSync(TIME, ['-f', '%U %S', '-o', out, cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 })
  const wall = seconds(t0)
  const cpu = hasTime ? fs.readFileSync(out, 'utf8').trim().split(/\s+/).slice(-2).reduce((a, x) => a + Number(x), 0) : NaN
  return { wall, cpu, stdout: r.stdout, stderr: r.stderr }
}

function pdftotext(dir: string): { wall: number; cpu: number } {
  // One pdftotext process per file, as a shell loop, so CPU time covers every process.
  return timed('sh', ['-c', 'for f in "$1"/*.pdf; do pdftotext -enc UTF-8 "$f" - >/dev/null 2>&1; done', 'sh', dir])
}

interface CheckRun {
  wall: number
  cpu: number
  maxRssMb: number
  reports: Array<{ ok: boolean; error?: { code: string; message: string } }>
}

function check(target: string, threads?: number): CheckRun {
  const r = timed(process.execPath, [BIN, 'check', '--json', '--stats', ...(threads ? ['--threads', String(threads)] : []), target])
  const stats = JSON.parse(r.stderr.trim().split('\n').pop() ?? '{}') as { maxRssMb?: number }
  const reports = r.stdout ? (JSON.parse(r.stdout) as { reports: CheckRun['reports'] }).reports : []
  return { wall: r.wall, cpu: r.cpu, maxRssMb: stats.maxRssMb ?? NaN, reports }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const ms = (s: number) => (s * 1000).toFixed(1)

console.log(
  `\npdf: check against pdftotext on the same PDFs, per file. pdftotext runs once per file (its process start included). check's cost per file is what ${COPIES} more files add to one check run (one worker thread), so the run's fixed start (Node, the worker, compiling PDFium) is shown apart. CPU time (user + system${hasTime ? '' : ': GNU time not installed, so wall time only'}) is the measure, since this machine is shared; wall time beside it. Median of ${ROUNDS} interleaved rounds; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`
)
const key = hasTime ? 'cpu' : 'wall'
const allFiles: string[] = []
let checkTotal = 0
let popplerTotal = 0
let peak = 0
let startCost = 0
for (const src of [...sources, ...fontHeavy]) {
  const inTotal = sources.includes(src)
  const dir = path.join(work, path.basename(src, '.pdf'))
  const dir2 = `${dir}-x2`
  fs.mkdirSync(dir)
  fs.mkdirSync(dir2)
  for (let i = 0; i < COPIES * 2; i++) {
    const name = `${String(i).padStart(3, '0')}.pdf`
    if (i < COPIES) fs.copyFileSync(src, path.join(dir, name))
    fs.copyFileSync(src, path.join(dir2, name))
  }
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f))
  if (inTotal) allFiles.push(...files)
  const once: CheckRun[] = []
  const twice: CheckRun[] = []
  const p: Array<{ wall: number; cpu: number }> = []
  for (let r = 0; r < ROUNDS; r++) {
    p.push(pdftotext(dir))
    once.push(check(dir, 1))
    twice.push(check(dir2, 1))
  }
  for (const x of [...once, ...twice]) peak = Math.max(peak, x.maxRssMb)
  const per = (k: 'cpu' | 'wall') => (median(twice.map((x) => x[k])) - median(once.map((x) => x[k]))) / COPIES
  const start = median(once.map((x) => x[key])) - per(key) * COPIES
  const pm = (k: 'cpu' | 'wall') => median(p.map((x) => x[k])) / files.length
  if (inTotal) {
    checkTotal += per(key) * COPIES
    popplerTotal += pm(key) * files.length
    startCost = Math.max(startCost, start)
  }
  const read = twice[0]!.reports.filter((x) => x.ok).length
  const pages = execFileSync('pdfinfo', [src], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1] ?? '?'
  console.log(
    `  ${inTotal ? '' : '(apart) '}${path.basename(src)} (${pages} pages, ${(fs.statSync(src).size / 1024).toFixed(0)} KB, ${read}/${COPIES * 2} read): check ${ms(per(key))} ms/file, pdftotext ${ms(pm(key))} ms/file, ratio ${(per(key) / pm(key)).toFixed(2)}×${hasTime ? ` (wall: ${ms(per('wall'))} against ${ms(pm('wall'))} ms)` : ''}; a check run's start ${ms(start)} ms`
  )
}
const ratio = checkTotal / popplerTotal
console.log(`  all ${allFiles.length} PDFs but the merged one: check ${ms(checkTotal / allFiles.length)} ms/file, pdftotext ${ms(popplerTotal / allFiles.length)} ms/file, ratio ${ratio.toFixed(2)}× (target ≤ 1.5×) ${ratio <= 1.5 ? 'MET' : 'NOT MET'}; a check run's start up to ${ms(startCost)} ms; peak memory ${peak.toFixed(0)} MB`)
const both = path.join(work, 'all')
fs.mkdirSync(both)
for (const f of allFiles) fs.copyFileSync(f, path.join(both, `${path.basename(path.dirname(f))}-${path.basename(f)}`))
const parallel = check(both)
console.log(`  all ${allFiles.length} PDFs in one run with the default threads: ${parallel.wall.toFixed(2)} s wall (${(allFiles.length / parallel.wall).toFixed(1)} files/s), peak memory ${parallel.maxRssMb.toFixed(0)} MB`)

// Hostile PDFs at full size (issue 16), each checked in a process of its own.
const para = '本镇坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政，法治政府建设取得新成效。'

function bomb(unit: string, mb: number): Buffer {
  const chunk = deflateRawSync(Buffer.from(unit.repeat((1 << 20) / unit.length), 'latin1'), { level: 9, finishFlush: constants.Z_FULL_FLUSH })
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: mb }, () => chunk), Buffer.from([0x03, 0x00, 0, 0, 0, 0])])
}

function docWith(stream: Buffer, pages = 1): Uint8Array {
  const w = new PdfWriter()
  const res = addFonts(w)
  const text = w.add({ body: '<< >>', stream: Buffer.from(runsToContent([{ x: 50, y: 700, text: para }]), 'latin1') })
  const s = w.add({ body: '<< /Filter /FlateDecode >>', stream })
  const root = w.reserve()
  const tree = w.reserve()
  const kids = Array.from({ length: pages }, () => w.add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 595 842] /Resources ${res} /Contents [${text} 0 R ${s} 0 R] >>`))
  w.set(tree, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages} >>`)
  w.set(root, `<< /Type /Catalog /Pages ${tree} 0 R >>`)
  return w.build({ root })
}

function deepTree(depth: number): Uint8Array {
  const w = new PdfWriter()
  const res = addFonts(w)
  const c = w.add({ body: '<< >>', stream: Buffer.from(runsToContent([{ x: 50, y: 700, text: para }]), 'latin1') })
  const root = w.reserve()
  const nodes = Array.from({ length: depth }, () => w.reserve())
  const page = w.add(`<< /Type /Page /Parent ${nodes[depth - 1]} 0 R /MediaBox [0 0 595 842] /Resources ${res} /Contents ${c} 0 R >>`)
  nodes.forEach((n, i) => w.set(n, `<< /Type /Pages /Kids [${i + 1 < depth ? nodes[i + 1] : page} 0 R] /Count 1 >>`))
  w.set(root, `<< /Type /Catalog /Pages ${nodes[0]} 0 R >>`)
  return w.build({ root })
}

function cyclicTree(): Uint8Array {
  const w = new PdfWriter()
  const root = w.reserve()
  const tree = w.reserve()
  w.set(tree, `<< /Type /Pages /Kids [${tree} 0 R ${tree} 0 R] /Count 2 >>`)
  w.set(root, `<< /Type /Catalog /Pages ${tree} 0 R >>`)
  return w.build({ root })
}

const hostile: Array<[string, () => Uint8Array]> = [
  ['3M text operators on a page', () => makePdf([{ content: `BT /F2 1 Tf ${'(a) Tj '.repeat(3_000_000)} ET` }])],
  ['Flate bomb, 1 GB of zeros', () => docWith(bomb('\0', 1024))],
  ['Flate bomb, 3 GB of zeros', () => docWith(bomb('\0', 3072))],
  ['200 MB of "q Q" shared by 100 pages', () => docWith(bomb('q Q ', 200), 100)],
  ['20 MB of "q Q" shared by 500 pages', () => docWith(bomb('q Q ', 20), 500)],
  ['page tree 200,000 deep', () => deepTree(200_000)],
  ['cyclic page tree', cyclicTree]
]
console.log('\npdf: hostile files, one process each')
let worstS = 0
let worstMb = 0
for (const [name, make] of hostile) {
  const file = path.join(work, `${name.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`)
  const bytes = make()
  fs.writeFileSync(file, bytes)
  const r = check(file, 1)
  const x = r.reports[0]
  worstS = Math.max(worstS, r.wall)
  worstMb = Math.max(worstMb, r.maxRssMb)
  console.log(`  ${name} (${(bytes.length / 1024).toFixed(0)} KB): ${r.wall.toFixed(2)} s, peak ${r.maxRssMb.toFixed(0)} MB, ${x?.ok ? 'read' : `${x?.error?.code}: ${x?.error?.message}`}`)
}
console.log(`  longest ${worstS.toFixed(2)} s, highest peak ${worstMb.toFixed(0)} MB (target under 1 GB: ${worstMb < 1024 ? 'MET' : 'NOT MET'})`)
fs.rmSync(work, { recursive: true, force: true })

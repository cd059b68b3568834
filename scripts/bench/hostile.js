#!/usr/bin/env node
// Hostile batch: files an attacker or an unlucky reviewer could bring, generated here at full size
// (issue 16), checked in one batch beside real reports with `report-audit check`. Prints each file's
// time in its parse process and how it ended, and the peak memory of the whole process tree (the CLI and
// its parse processes, polled from /proc). Targets: no file over its budget, peak under 1 GB.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { strToU8, zipSync } from 'fflate'
import { runMeasured } from './tree-rss.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BIN = path.join(ROOT, 'bin', 'report-audit.js')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-bench-hostile-'))
const dir = path.join(work, 'batch')
fs.mkdirSync(dir)
// The pool's defaults (src/main/pipeline/parse-pool.ts DEFAULT_BUDGETS).
const BUDGET = { memoryMb: 400, baseSeconds: 30, secondsPerMb: 2 }

if (!process.env.BENCH_NO_BUILD) execFileSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' })

const REPORT = fs.readFileSync(path.join(ROOT, 'tests/fixtures/corpus/formats/gekeng-2024.utf8.html'), 'utf8')
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

// A report's text without a title line of its own, so the analysis falls back to the declared title
// (docx dc:title, HTML <title>): the place SITE_SUFFIX ran on.
const PARAS = ['一、主要工作。全面推进依法行政，深入开展普法宣传活动12场，规范行政执法，落实法治政府建设第一责任人职责。', '二、存在的不足和原因。法治宣传形式单一，原因是专业人员不足。', '三、下一步工作安排。继续推进依法行政和普法工作。']

/** A Word file with this title in its properties (docProps/core.xml) and a short report as its text. */
function docx(title, documentXml, paras = ['关于2024年度法治政府建设情况的报告', ...PARAS]) {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
  const para = (t) => `<w:p><w:r><w:t>${esc(t)}</w:t></w:r></w:p>`
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'docProps/core.xml': strToU8(`<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(title)}</dc:title></cp:coreProperties>`),
    'word/document.xml': strToU8(documentXml ?? `<?xml version="1.0"?><w:document ${W}><w:body>${paras.map(para).join('')}</w:body></w:document>`)
  })
}

/** A PDF of one page whose content stream is `content` (Flate-compressed), with a standard font. */
function pdf(content) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ]
  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  const offsets = []
  let at = parts[0].length
  objects.forEach((o, i) => {
    offsets.push(at)
    const body = o === null ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from('\nendstream\nendobj\n')]) : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`)
    parts.push(body)
    at += body.length
  })
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`
  parts.push(Buffer.from(xref))
  return Buffer.concat(parts)
}

/** Deflates `total` bytes of one repeated chunk as one zlib stream, without holding them all (a bomb's payload). */
async function deflateRepeated(chunk, total) {
  const d = zlib.createDeflate({ level: 9 })
  const out = []
  d.on('data', (b) => out.push(b))
  const ended = new Promise((r) => d.once('end', r))
  for (let written = 0; written < total; written += chunk.length) {
    if (!d.write(chunk.subarray(0, Math.min(chunk.length, total - written)))) await new Promise((r) => d.once('drain', r))
  }
  d.end()
  await ended
  return Buffer.concat(out)
}

/** A zip whose local entries are `copies` copies of one deflated part under the same name (a docx of many parts). */
function manyPartsDocx(name, data, copies) {
  const deflated = zlib.deflateRawSync(data, { level: 9 })
  const crc = zlib.crc32 ? zlib.crc32(data) : crc32(data)
  const nameBytes = Buffer.from(name)
  const locals = []
  const centrals = []
  let offset = 0
  for (let i = 0; i < copies; i++) {
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(deflated.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    locals.push(local, nameBytes, deflated)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(deflated.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + deflated.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(copies, 8)
  end.writeUInt16LE(copies, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

function crc32(buf) {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

const cases = [
  ['真实报告.html', () => REPORT, 'a real report: the batch goes on around the hostile files'],
  ['真实报告.docx', () => docx('关于2024年度法治政府建设情况的报告'), 'a real Word report'],
  ['标题回溯-52字.docx', () => docx(`${'-  '.repeat(17)}-`, undefined, PARAS), 'a 52-character title that made SITE_SUFFIX backtrack (44 s)'],
  ['标题回溯-81字.html', () => `<html><head><title>${'-  '.repeat(26)}- -</title></head><body>${PARAS.map((p) => `<p>${p}</p>`).join('')}</body></html>`, 'an 81-character HTML title (177 s)'],
  ['深层嵌套-1.1MB.html', () => `<html><head><title>报告</title></head><body>${'<div>'.repeat(220_000)}${PARAS.map((p) => `<p>${p}</p>`).join('')}</body></html>`, 'HTML nested 1.1 MB deep (25 s, quadratic tree builder)'],
  ['解压炸弹-1MB.pdf', async () => pdf(await deflateRepeated(Buffer.alloc(16 << 20), 1024 * 1048576)), 'a 1 MB Flate bomb: 1 GB of content (3.3 GB of memory)'],
  ['解压炸弹-3MB.pdf', async () => pdf(await deflateRepeated(Buffer.alloc(16 << 20), 3072 * 1048576)), 'a 3 MB Flate bomb: 3 GB of content (9.6 GB of memory)'],
  ['文字算子-300万.pdf', () => pdf(zlib.deflateSync(Buffer.from(`BT /F1 12 Tf 72 700 Td ${'(a) Tj '.repeat(3_000_000)}ET`), { level: 9 })), '3 million text operators on one page (152 s)'],
  ['800个部件.docx', () => manyPartsDocx('word/document.xml', Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${'a'.repeat(40 * 1048576)}</w:t></w:r></w:p></w:body></w:document>`), 800), '800 copies of one 40 MB part (248 s)']
]

const what = new Map()
for (const [name, make, why] of cases) {
  const t0 = performance.now()
  fs.writeFileSync(path.join(dir, name), await make())
  what.set(name, why)
  process.stderr.write(`generated ${name} (${(fs.statSync(path.join(dir, name)).size / 1048576).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
}

const t0 = performance.now()
const run = await runMeasured(process.execPath, [BIN, 'check', '--json', '--stats', '--threads', '2', dir])
const seconds = (performance.now() - t0) / 1000
const { stdout, stderr } = run
const stats = JSON.parse(stderr.trim().split('\n').pop())
const reports = JSON.parse(stdout).reports

console.log(`\nhostile batch: ${reports.length} files in ${seconds.toFixed(1)} s (2 parse processes)`)
let over = 0
for (const r of reports) {
  const name = path.basename(r.file)
  const size = fs.statSync(r.file).size
  const budgetS = BUDGET.baseSeconds + (BUDGET.secondsPerMb * size) / 1048576
  const t = stats.perFile.find((p) => p.file === r.file)
  const s = t ? t.ms / 1000 : NaN
  if (s > budgetS + 1) over++
  const outcome = r.ok ? 'read' : `${r.error.code}: ${r.error.message.slice(0, 70)}`
  console.log(`  ${name.padEnd(18)} ${(size / 1048576).toFixed(2).padStart(7)} MB  ${s.toFixed(2).padStart(7)} s (budget ${budgetS.toFixed(0)} s)  ${outcome}`)
  console.log(`  ${''.padEnd(18)} ${what.get(name)}`)
}
const peakMb = run.treePeakMb
console.log(`peak memory of the process tree: ${peakMb !== null ? `${peakMb.toFixed(0)} MB` : 'not measured (Linux only)'}; CLI process alone ${stats.maxRssMb.toFixed(0)} MB; per-process budget ${BUDGET.memoryMb} MB`)
console.log(`no file over its budget: ${over ? `NOT MET (${over} over)` : 'MET'}; peak under 1 GB: ${peakMb === null ? 'not measured' : peakMb < 1024 ? 'MET' : 'NOT MET'}`)
fs.rmSync(work, { recursive: true, force: true })

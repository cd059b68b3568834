// Measures the HTML, text and Word readers on third-party material in a folder (never committed):
//
//   npx tsx scripts/measure-readers.ts FOLDER [--verbose]
//
// FOLDER may hold any of:
//   web/original/NAME.html + web/cleaned/NAME.txt  hand-labelled main content of web pages (the layout of
//                                                  immortal-autumn/Chinese-Web-Content-Extraction-Dataset)
//   encodings/DIR/FILE                             encoding-detector test files, one folder per encoding
//                                                  (chardet's tests/ layout: Big5, EUC-KR, windows-1251-russian…)
//   docx/NAME.docx                                 Word libraries' test files; the reference text is
//                                                  mammoth's raw text of the same file
// and prints per suite the pass rate and, for web pages, mean precision and recall of the characters kept.

import fs from 'node:fs'
import path from 'node:path'
import { readReport } from '../src/main/readers/index'
import { AppError } from '../src/shared/errors'

const folder = process.argv[2]
const verbose = process.argv.includes('--verbose')
if (!folder) {
  console.error('usage: npx tsx scripts/measure-readers.ts FOLDER [--verbose]')
  process.exit(2)
}

type Outcome = { ok: true; text: string; encoding: string } | { ok: false; code: string; message: string }

async function read(file: string): Promise<Outcome> {
  try {
    const doc = await readReport(new Uint8Array(fs.readFileSync(file)), path.basename(file))
    return { ok: true, text: doc.text, encoding: doc.encoding }
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, message: e.message }
    return { ok: false, code: 'internal', message: String((e as Error)?.message ?? e) }
  }
}

/** Bag of Han characters, letters and digits (NFKC), the unit of precision and recall. */
function bag(text: string): Map<string, number> {
  const m = new Map<string, number>()
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    if (/[\p{Script=Han}\p{L}\p{N}]/u.test(ch)) m.set(ch, (m.get(ch) ?? 0) + 1)
  }
  return m
}

function overlap(got: Map<string, number>, want: Map<string, number>): { precision: number; recall: number } {
  let common = 0
  let g = 0
  let w = 0
  for (const [, n] of got) g += n
  for (const [k, n] of want) {
    w += n
    common += Math.min(n, got.get(k) ?? 0)
  }
  return { precision: g ? common / g : w ? 0 : 1, recall: w ? common / w : 1 }
}

interface Suite {
  name: string
  total: number
  passed: number
  failures: string[]
  extra?: string
}

const THRESHOLD = 0.9

async function webSuite(dir: string): Promise<Suite> {
  const s: Suite = { name: `web pages (${dir})`, total: 0, passed: 0, failures: [] }
  let sumP = 0
  let sumR = 0
  // Rules were shaped on the pages whose names start with 0–7 and checked on the rest (8–f).
  const half = { shaped: { n: 0, pass: 0, p: 0, r: 0 }, heldOut: { n: 0, pass: 0, p: 0, r: 0 } }
  for (const f of fs.readdirSync(path.join(dir, 'original')).sort()) {
    const ref = path.join(dir, 'cleaned', f.replace(/\.html?$/, '.txt'))
    if (!fs.existsSync(ref)) continue
    s.total++
    const want = bag(fs.readFileSync(ref, 'utf8'))
    const r = await read(path.join(dir, 'original', f))
    const { precision, recall } = r.ok ? overlap(bag(r.text), want) : { precision: 0, recall: 0 }
    sumP += precision
    sumR += recall
    const pass = precision >= THRESHOLD && recall >= THRESHOLD
    const h = /^[0-7]/.test(f) ? half.shaped : half.heldOut
    h.n++
    h.pass += pass ? 1 : 0
    h.p += precision
    h.r += recall
    if (pass) s.passed++
    else s.failures.push(`${f}: ${r.ok ? `precision ${precision.toFixed(2)} recall ${recall.toFixed(2)}` : `${r.code} ${r.message}`}`)
    if (verbose) console.log(`  ${pass ? 'pass' : 'FAIL'} ${f} P=${precision.toFixed(3)} R=${recall.toFixed(3)}`)
  }
  const show = (h: typeof half.shaped) => `${h.pass}/${h.n} pass, precision ${(h.p / Math.max(1, h.n)).toFixed(3)}, recall ${(h.r / Math.max(1, h.n)).toFixed(3)}`
  s.extra =
    `mean precision ${(sumP / s.total).toFixed(3)}, mean recall ${(sumR / s.total).toFixed(3)} (pass: both ≥ ${THRESHOLD}); ` +
    `pages 0–7 (rules shaped on): ${show(half.shaped)}; pages 8–f (held out): ${show(half.heldOut)}`
  return s
}

/** Decoder of each chardet test folder (null: the runtime has none) and the folder's language when the encoding decides it. */
function folderInfo(dir: string): { decoder: string | null; language?: 'zh' | 'other' } {
  const d = dir.toLowerCase()
  const table: Array<[RegExp, string | null, ('zh' | 'other')?]> = [
    [/^big5/, 'big5'], [/^gb2312|^gb18030|^gbk/, 'gb18030'], [/^euc-tw/, null, 'zh'], [/^utf-8/, 'utf-8'],
    [/^utf-16be/, 'utf-16be'], [/^utf-16le/, 'utf-16le'], [/^utf-16$/, 'utf-16'], [/^utf-32be/, 'utf-32be'], [/^utf-32le/, 'utf-32le'], [/^utf-32$/, 'utf-32'],
    [/^ascii/, 'windows-1252'], [/^cp932|^shift_jis/, 'shift_jis', 'other'], [/^euc-jp/, 'euc-jp', 'other'], [/^iso-2022-jp/, 'iso-2022-jp', 'other'],
    [/^cp949|^euc-kr/, 'euc-kr', 'other'], [/^johab|^iso-2022-kr/, null, 'other'], [/^ibm855/, null, 'other'], [/^ibm866/, 'ibm866'],
    [/^koi8-r/, 'koi8-r'], [/^maccyrillic/, 'x-mac-cyrillic'], [/^macroman/, 'macintosh'], [/^tis-620/, 'windows-874'],
    [/^iso-8859-(\d+)/, 'iso-8859-$1'], [/^windows-(\d+)/, 'windows-$1']
  ]
  for (const [re, dec, language] of table) {
    const m = re.exec(d)
    if (m) return { decoder: dec ? dec.replace('$1', m[1] ?? '') : null, language }
  }
  return { decoder: null, language: 'other' }
}

/** The file's text in the encoding its folder names (BOMs honoured; UTF-32 by hand: the runtime has no decoder). */
function referenceText(bytes: Uint8Array, decoder: string): string {
  let enc = decoder
  const body = bytes
  if (enc === 'utf-16') enc = bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le'
  if (enc === 'utf-32') enc = bytes[0] === 0 ? 'utf-32be' : 'utf-32le'
  if (enc.startsWith('utf-32')) {
    const be = enc === 'utf-32be'
    const cps: string[] = []
    for (let i = 0; i + 3 < body.length; i += 4) {
      const cp = be ? (body[i]! << 24) | (body[i + 1]! << 16) | (body[i + 2]! << 8) | body[i + 3]! : (body[i + 3]! << 24) | (body[i + 2]! << 16) | (body[i + 1]! << 8) | body[i]!
      cps.push(cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd')
    }
    return cps.join('').replace(/^\ufeff/, '')
  }
  return new TextDecoder(enc).decode(body)
}

/**
 * What a person would call the text: Chinese when Han characters are at least half of its units (a Han
 * character, a kana or Hangul syllable, a word of an alphabet), another language under a fifth, mixed
 * between; too short to tell under 20 units. Markup is left out.
 */
function languageOf(text: string): 'zh' | 'mixed' | 'other' | 'short' {
  const t = text.replace(/<[^>]*>/g, ' ')
  const han = (t.match(/\p{Script=Han}/gu) ?? []).length
  const syllables = (t.match(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []).length
  const words = (t.match(/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Arabic}]+/gu) ?? []).length
  const thai = (t.match(/\p{Script=Thai}/gu) ?? []).length / 3
  const units = han + syllables + words + thai
  if (units < 20) return 'short'
  return han >= units * 0.5 ? 'zh' : han < units * 0.2 ? 'other' : 'mixed'
}

const FAMILY: Record<string, string> = { 'utf-8-bom': 'utf-8', gb2312: 'gb18030', gbk: 'gb18030', 'utf-16': 'utf-16le' }
const family = (e: string) => FAMILY[e] ?? e

async function encodingSuite(dir: string): Promise<Suite> {
  const s: Suite = { name: `encoding test files (${dir})`, total: 0, passed: 0, failures: [] }
  const kinds = { zh: 0, mixed: 0, other: 0, short: 0 }
  for (const sub of fs.readdirSync(dir).sort()) {
    const subdir = path.join(dir, sub)
    if (!fs.statSync(subdir).isDirectory()) continue
    const info = folderInfo(sub)
    for (const f of fs.readdirSync(subdir).sort()) {
      const file = path.join(subdir, f)
      const bytes = new Uint8Array(fs.readFileSync(file))
      s.total++
      const reference = info.decoder ? referenceText(bytes, info.decoder) : null
      // Japanese and Korean encodings hold Japanese and Korean (a kanji table is not Chinese); Unicode and
      // Chinese encodings hold whatever their text says.
      const judged = reference !== null ? languageOf(reference) : null
      const kind = judged === 'short' ? 'short' : (info.language ?? judged ?? 'other')
      kinds[kind]++
      let want = info.decoder ?? ''
      if (want === 'utf-16' || want === 'utf-32') want = `${want}${bytes[0] === 0 || bytes[0] === 0xfe ? 'be' : 'le'}`
      const r = await read(file)
      const rightEncoding = r.ok && info.decoder !== null && family(r.encoding) === family(want)
      let pass: boolean
      if (kind === 'zh') pass = info.decoder ? rightEncoding : !r.ok && r.code !== 'internal'
      else if (kind === 'other') pass = !r.ok && r.code === 'not-chinese'
      else if (kind === 'mixed') pass = rightEncoding || (!r.ok && r.code === 'not-chinese')
      else {
        // Too little text to tell the language: read correctly (nothing the reference lacks), or refused clearly.
        const faithful = r.ok && reference !== null && overlap(bag(r.text), bag(reference)).precision === 1
        pass = faithful || (!r.ok && ['empty', 'unsupported-format', 'not-chinese'].includes(r.code))
      }
      const why = r.ok ? `read as ${r.encoding}: ${JSON.stringify(r.text.slice(0, 40))}` : `${r.code} ${r.message}`
      if (pass) s.passed++
      else s.failures.push(`${sub}/${f} (${kind}): ${why}`)
      if (verbose) console.log(`  ${pass ? 'pass' : 'FAIL'} ${sub}/${f} (${kind}): ${why.slice(0, 100)}`)
    }
  }
  s.extra = `${kinds.zh} Chinese, ${kinds.mixed} mixed, ${kinds.other} other languages, ${kinds.short} too short to tell`
  return s
}

async function docxSuite(dir: string): Promise<Suite> {
  const s: Suite = { name: `Word test files (${dir}), against mammoth's raw text`, total: 0, passed: 0, failures: [] }
  const mammoth = (await import('mammoth')).default
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.toLowerCase().endsWith('.docx')) continue
    const file = path.join(dir, f)
    s.total++
    let ref: string | null
    try {
      ref = (await mammoth.extractRawText({ path: file })).value
    } catch {
      ref = null
    }
    const r = await read(file)
    let pass: boolean
    let why: string
    const refLetters = ref === null ? 0 : [...bag(ref).values()].reduce((a, b) => a + b, 0)
    if (ref === null || refLetters === 0) {
      // mammoth cannot read it or finds no text: a clear refusal (or text mammoth misses) is right, `internal` never.
      pass = r.ok || r.code !== 'internal'
      why = r.ok ? 'read' : `${r.code} ${r.message}`
    } else if (!r.ok) {
      pass = false
      why = `${r.code} ${r.message}`
    } else {
      const { precision, recall } = overlap(bag(r.text), bag(ref))
      pass = precision >= 0.95 && recall >= 0.95
      why = `precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}`
    }
    if (pass) s.passed++
    else s.failures.push(`${f}: ${why}`)
    if (verbose) console.log(`  ${pass ? 'pass' : 'FAIL'} ${f}: ${why.slice(0, 100)}`)
  }
  return s
}

const suites: Suite[] = []
if (fs.existsSync(path.join(folder, 'web', 'original'))) suites.push(await webSuite(path.join(folder, 'web')))
if (fs.existsSync(path.join(folder, 'encodings'))) suites.push(await encodingSuite(path.join(folder, 'encodings')))
if (fs.existsSync(path.join(folder, 'docx'))) suites.push(await docxSuite(path.join(folder, 'docx')))
let total = 0
let passed = 0
for (const s of suites) {
  total += s.total
  passed += s.passed
  console.log(`${s.name}: ${s.passed}/${s.total} pass (${((100 * s.passed) / Math.max(1, s.total)).toFixed(1)}%)${s.extra ? `; ${s.extra}` : ''}`)
  for (const f of s.failures) console.log(`  - ${f}`)
}
console.log(`all: ${passed}/${total} pass (${((100 * passed) / Math.max(1, total)).toFixed(1)}%)`)

// Copied text on real reports: a report against an edited copy of itself (years changed, a third of
// its paragraphs rewritten, the paragraphs reordered, small edits), different reports against each
// other, and the passages mapped back to the extracted texts of Word and PDF files.
//
// The constants (K, W, MIN_PASSAGE, MAX_GAP) were shaped on gekeng-2024 and the excerpts/ openings;
// xiaduopu-2020 and xincheng-2020 are held out: they only test.

import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import type { ExtractedDoc } from '../../shared/models/report'
import { readReport } from '../readers'
import { loadChecklist } from '../store/checklist-files'
import { analyze } from './analyze'
import {
  comparePair,
  commonMask,
  commonWordingSet,
  coveredShare,
  matchText,
  MIN_PASSAGE,
  normalizedPhrase,
  passageOffsets,
  prepareReport,
  staleYears,
  type PreparedReport
} from './similarity'
import { STANDARD_WORDING } from './standard-wording'

type Range = { start: number; end: number }

const NAMES = ['gekeng-2024', 'xiaduopu-2020', 'xincheng-2020'] as const
const docs = new Map<string, { doc: ExtractedDoc; clutter: Range[] }>()
const checklist = loadChecklist('default')

async function load(name: string, ext: 'docx' | 'pdf'): Promise<{ doc: ExtractedDoc; clutter: Range[] }> {
  const key = `${name}.${ext}`
  if (!docs.has(key)) {
    const doc = await readReport(new Uint8Array(fs.readFileSync(path.join(CORPUS, 'formats', key))), key)
    docs.set(key, { doc, clutter: analyze(doc, checklist).clutter })
  }
  return docs.get(key)!
}

beforeAll(async () => {
  for (const n of NAMES) for (const ext of ['docx', 'pdf'] as const) await load(n, ext)
})

const wording = commonWordingSet(STANDARD_WORDING.map(normalizedPhrase))
const mask = (p: PreparedReport) => commonMask(p.text.codes, wording)

/** The report's own lines (not portal clutter), with their offsets. */
function bodyLines(text: string, clutter: Range[]): Range[] {
  const out: Range[] = []
  let s = 0
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue
    const inClutter = clutter.some((c) => c.start < i && c.end > s)
    if (i > s && text.slice(s, i).trim() && !inClutter) out.push({ start: s, end: i })
    s = i + 1
  }
  return out
}

interface EditedCopy {
  text: string
  /** Units of the copy carried over from the source: where each is in the copy and in the source. */
  kept: Array<{ copy: Range; source: Range }>
  rewritten: Range[]
  /** The one 「YYYY年」 of the source year left unchanged, in the copy (digits and 年). */
  stale: Range
}

/**
 * Next year's report made from this one: units (a paragraph with the short heading lines before it)
 * in reverse order, every third unit replaced by one of another report (rewritten), figures and
 * punctuation changed in the others, the year moved on everywhere but in one place.
 */
function editedCopy(source: string, clutter: Range[], other: string[], year: number): EditedCopy {
  const lines = bodyLines(source, clutter)
  const units: Range[][] = []
  let cur: Range[] = []
  for (const l of lines) {
    cur.push(l)
    if (l.end - l.start >= 30) {
      units.push(cur)
      cur = []
    }
  }
  const tail = cur
  const head = units.length && units[0]!.length > 1 ? units[0]!.splice(0, units[0]!.length - 1) : []
  let text = ''
  const put = (s: string): Range => {
    const start = text.length
    text += `${s}\n`
    return { start, end: start + s.length }
  }
  for (const h of head) put(source.slice(h.start, h.end).replaceAll(String(year), String(year + 1)))
  const kept: EditedCopy['kept'] = []
  const rewritten: Range[] = []
  let stale: Range | null = null
  const order = units.map((_, i) => i).reverse()
  order.forEach((u, k) => {
    if (k % 3 === 1) {
      rewritten.push(put(other[k % other.length]!))
      return
    }
    const src = units[u]!
    const from = src[0]!.start
    const to = src[src.length - 1]!.end
    let body = source.slice(from, to)
    // small edits: half-width punctuation, a figure changed, a word added
    body = body.replace(/，/g, ',').replace(/；/g, ';').replace(/(\d+)(?=[人件次个])/, (m) => String(Number(m) + 7))
    body = body.replace(/(。)(?=[^\n])/, '$1同时，')
    // the year moved on, except once (not in 「2024年以来」, which may stand in next year's report)
    body = body.replace(new RegExp(`${year}年(以来)?`, 'g'), (m, since?: string) => {
      if (since) return `${year + 1}年以来`
      if (stale === null) {
        stale = { start: -1, end: -1 }
        return `\u0000${m}`
      }
      return `${year + 1}年`
    })
    const start = text.length
    const marker = body.indexOf('\u0000')
    body = body.replace('\u0000', '')
    if (marker >= 0) stale = { start: start + marker, end: start + marker + 5 }
    put(body)
    kept.push({ copy: { start, end: start + body.length }, source: { start: from, end: to } })
  })
  for (const t of tail) put(source.slice(t.start, t.end).replaceAll(String(year), String(year + 1)))
  if (!stale || (stale as Range).start < 0) throw new Error('no year to leave unchanged')
  return { text, kept, rewritten, stale }
}

/** The share of the copy's own text (standard wording not counted) that lies in kept units. */
function expectedShare(copy: EditedCopy): number {
  const t = matchText(copy.text)
  const m = commonMask(t.codes, wording)
  const inKept = (o: number) => copy.kept.some((k) => o >= k.copy.start && o < k.copy.end)
  let own = 0
  let kept = 0
  for (let i = 0; i < t.codes.length; i++) {
    if (m[i]) continue
    own++
    if (inKept(t.map[i]!)) kept++
  }
  return kept / own
}

function coverage(t: PreparedReport, passages: Array<{ aStart: number; aEnd: number }>, r: Range): number {
  let n = 0
  let all = 0
  for (let i = 0; i < t.text.codes.length; i++) {
    const o = t.text.map[i]!
    if (o < r.start || o >= r.end) continue
    all++
    if (passages.some((p) => i >= p.aStart && i < p.aEnd)) n++
  }
  return all ? n / all : 0
}

describe('matchText', () => {
  it('folds width, punctuation, list numbering, traditional characters and digits, keeping a map back', () => {
    const a = matchText('（一）加强組織領導，2023年办理１２件。\n二、一是严格执法；(2)规范程序')
    const b = matchText('(三)加强组织领导,2024年办理99件.\n五、三是严格执法;（4）规范程序')
    expect(String.fromCharCode(...a.codes)).toBe(String.fromCharCode(...b.codes))
    expect(String.fromCharCode(...a.codes)).toBe('加强组织领导0000年办理00件是严格执法规范程序')
    // digits are kept as written beside the folded ones
    expect(String.fromCharCode(...a.raw.slice(6, 10))).toBe('2023')
    // every normalised character comes from its place in the text
    const src = '（一）加强組織領導，2023年办理１２件。'
    const t = matchText(src)
    expect([...t.map].map((o) => src[o]).join('')).toBe('加强組織領導2023年办理１２件')
    expect(t.breaks[0]).toBe(0)
    expect(matchText('甲乙\n丙').breaks[2]).toBe(1)
  })

  it('leaves out the portal clutter it is given', () => {
    const text = '当前位置:首页>政务公开\n全面推进依法行政'
    expect(String.fromCharCode(...matchText(text, [{ start: 0, end: 12 }]).codes)).toBe('全面推进依法行政')
  })
})

describe('a report against an edited copy of itself', () => {
  it.each(NAMES)('%s: the share is the share carried over, the passages are the kept paragraphs, the year left unchanged is found', async (name) => {
    const { doc, clutter } = await load(name, 'docx')
    const year = Number(name.slice(-4))
    // the rewritten paragraphs come from another of the reports
    const otherName = NAMES[(NAMES.indexOf(name) + 1) % NAMES.length]!
    const other = await load(otherName, 'docx')
    const otherParas = bodyLines(other.doc.text, other.clutter)
      .map((r) => other.doc.text.slice(r.start, r.end))
      .filter((p) => p.length >= 60)
    const copy = editedCopy(doc.text, clutter, otherParas, year)
    const src = prepareReport(doc.text, clutter)
    const cp = prepareReport(copy.text)
    const r = comparePair(cp, src, { maskA: mask(cp), maskB: mask(src) })
    const expected = expectedShare(copy)
    expect(expected).toBeGreaterThan(0.4)
    expect(expected).toBeLessThan(0.85)
    expect(Math.abs(r.share - expected)).toBeLessThanOrEqual(0.03)

    // every kept unit is found, and found where it came from
    const offsets = passageOffsets(cp.text, src.text, r.passages)
    for (const k of copy.kept) {
      expect(coverage(cp, r.passages, k.copy)).toBeGreaterThan(0.9)
      const inside = offsets.filter((p) => p.start >= k.copy.start && p.end <= k.copy.end + 1)
      expect(inside.length).toBeGreaterThan(0)
      for (const p of inside) {
        expect(p.otherStart).toBeGreaterThanOrEqual(k.source.start)
        expect(p.otherEnd).toBeLessThanOrEqual(k.source.end + 1)
      }
    }
    // rewritten paragraphs are not
    for (const w of copy.rewritten) expect(coverage(cp, r.passages, w)).toBeLessThan(0.1)

    // the year left as it was is found; the years moved on are not
    const stale = staleYears(cp.text, src.text, r.passages, year)
    expect(stale).toEqual([copy.stale])
    expect(copy.text.slice(stale[0]!.start, stale[0]!.end)).toBe(`${year}年`)
  })
})

describe('different reports', () => {
  it('share next to nothing once the standard formulas are left out', async () => {
    const prepared = await Promise.all(NAMES.map(async (n) => {
      const { doc, clutter } = await load(n, 'docx')
      return prepareReport(doc.text, clutter)
    }))
    let formulas = 0
    for (let i = 0; i < prepared.length; i++) {
      for (let j = i + 1; j < prepared.length; j++) {
        const a = prepared[i]!
        const b = prepared[j]!
        const raw = comparePair(a, b)
        formulas += raw.passages.length
        expect(raw.share).toBeLessThan(0.03)
        const r = comparePair(a, b, { maskA: mask(a), maskB: mask(b) })
        expect(r.share).toBeLessThan(0.01)
        expect(r.otherShare).toBeLessThan(0.01)
      }
    }
    // what the unmasked comparison found between them is standard wording
    expect(formulas).toBeGreaterThan(0)
  })
})

describe('passages map back to the extracted texts', () => {
  it.each(NAMES)('%s: Word against PDF of the same report, and Word against an edited copy', async (name) => {
    const docx = await load(name, 'docx')
    const pdf = await load(name, 'pdf')
    const a = prepareReport(docx.doc.text, docx.clutter)
    const b = prepareReport(pdf.doc.text, pdf.clutter)
    const r = comparePair(a, b)
    // the PDF holds the same report: all but a running header or a page number is found
    expect(r.share).toBeGreaterThan(0.95)
    const offsets = passageOffsets(a.text, b.text, r.passages)
    let same = 0
    for (const p of offsets) {
      const x = normalizedPhrase(docx.doc.text.slice(p.start, p.end))
      const y = normalizedPhrase(pdf.doc.text.slice(p.otherStart, p.otherEnd))
      expect(x.length).toBeGreaterThan(0)
      if (x === y) same++
    }
    // passages without edits read the same in both files
    expect(same / offsets.length).toBeGreaterThan(0.9)

    const year = Number(name.slice(-4))
    const copy = editedCopy(docx.doc.text, docx.clutter, ['这一段是新写的内容，与上一年度的报告没有相同的文字，用来检验改写过的段落不被计入。'], year)
    const cp = prepareReport(copy.text)
    const rc = comparePair(cp, a)
    for (const p of passageOffsets(cp.text, a.text, rc.passages)) {
      // (a passage running into the page furniture the copy left out — 发布机构, 生成日期 — is not the report's text)
      if (docx.clutter.some((c) => c.start < p.otherEnd && c.end > p.otherStart)) continue
      // the copy's passage and the Word file's passage are the same words, years and figures aside
      const x = String.fromCharCode(...matchText(copy.text.slice(p.start, p.end)).codes)
      const y = String.fromCharCode(...matchText(docx.doc.text.slice(p.otherStart, p.otherEnd)).codes)
      const close = x === y || x.length >= MIN_PASSAGE / 2
      expect(close).toBe(true)
      expect(Math.abs(x.length - y.length)).toBeLessThanOrEqual(8)
    }
    expect(coveredShare(1, [])).toBe(0)
  })
})

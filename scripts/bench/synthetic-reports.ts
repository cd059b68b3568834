// Synthetic but realistic report batches for the comparison benchmark, built from the real corpus
// texts at bench time: per unit a report for one year and one for the next, made of the corpus's
// headings and standard openings, of sentences recombined from its paragraphs (a character model of
// the corpus, seeded per unit, so two units' reports are as unlike as real ones beyond the formulas),
// of real sentences reused by some units, and next year's report carrying over a varying share of
// last year's paragraphs (reordered, years and figures updated, now and then a year left unchanged),
// with some neighbours sharing a paragraph or two.

import fs from 'node:fs'
import path from 'node:path'
import { rng } from './synth-reports.js'

interface Corpus {
  headings: string[]
  openings: string[]
  sentences: string[]
  model: Map<string, string>
}

const ORDER = 2
const HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/

/** Paragraphs, headings and sentences of the corpus's report texts, portal lines left out. */
export function readCorpus(root: string): Corpus {
  const dirs = ['reports', 'excerpts'].map((d) => path.join(root, d))
  const texts = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')))
  const headings: string[] = []
  const openings: string[] = []
  const sentences: string[] = []
  for (const t of texts) {
    // Report lines only: no portal lines, no mirror sites' pinyin or broken characters.
    const lines = t
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 8 && /[\u4e00-\u9fff]{6}/.test(l) && !/扫一扫|当前位置|发布日期|发布时间|索引号|字号|来源[:：]|\ufffd|[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]/.test(l))
    let first = true
    for (const l of lines) {
      if (HEADING.test(l) && l.length < 40) headings.push(l.replace(HEADING, ''))
      else if (l.length >= 40) {
        if (first && /习近平|党的/.test(l)) openings.push(l)
        first = false
        for (const s of l.split(/(?<=[。；])/)) if (s.length >= 12) sentences.push(s)
      }
    }
  }
  // A character model: the possible next characters after every ORDER-character context.
  const next = new Map<string, string[]>()
  for (const s of sentences) {
    const padded = '^'.repeat(ORDER) + s
    for (let i = ORDER; i < padded.length; i++) {
      const ctx = padded.slice(i - ORDER, i)
      const list = next.get(ctx) ?? []
      list.push(padded[i]!)
      next.set(ctx, list)
    }
  }
  return { headings, openings, sentences, model: new Map([...next].map(([k, v]) => [k, v.join('')])) }
}

/** One sentence from the character model: the corpus recombined, stopping at a full stop. */
function modelSentence(c: Corpus, r: () => number): string {
  let ctx = '^'.repeat(ORDER)
  let out = ''
  for (let i = 0; i < 120; i++) {
    const options = c.model.get(ctx)
    if (!options) break
    const ch = options[Math.floor(r() * options.length)]!
    out += ch
    ctx = (ctx + ch).slice(-ORDER)
    if (ch === '。' && out.length >= 15) return out
  }
  return `${out.replace(/[，、；。]*$/, '')}。`
}

const UNIT_CHARS = '东西南北清溪河山石桥新安和平永丰长乐青云白马金龙凤凰桃花柳塘高坪梅岭杨柳双峰三江大田'

function unitName(i: number): string {
  const a = UNIT_CHARS[i % UNIT_CHARS.length]!
  const b = UNIT_CHARS[Math.floor(i / UNIT_CHARS.length) % UNIT_CHARS.length]!
  return `${a}${b}${['镇', '乡', '街道'][i % 3]}`
}

function paragraph(c: Corpus, r: () => number, unit: string, year: number): string {
  const n = 3 + Math.floor(r() * 4)
  let p = ''
  for (let i = 0; i < n; i++) {
    // Most sentences are the unit's own; one in forty is a real sentence that other units use too.
    const s = r() < 1 / 40 ? c.sentences[Math.floor(r() * c.sentences.length)]! : modelSentence(c, r)
    p += s
  }
  return p.replace(/20\d\d年/g, `${year}年`).replace(/[我本]镇/g, unit).replace(/\d+(?=[件次人个场项])/g, () => String(1 + Math.floor(r() * 300)))
}

export interface SyntheticReport {
  unit: string
  year: number
  text: string
  /** Next year's report: the paragraphs carried over from last year's (planted). */
  carried: string[]
}

/** A report: title, addressee, a standard opening, five parts of paragraphs, until about `chars` characters. */
function report(c: Corpus, r: () => number, unit: string, year: number, chars: number, carried: string[] = []): { text: string; paragraphs: string[] } {
  const opening = c.openings[Math.floor(r() * c.openings.length)]!.replace(/20\d\d/g, String(year))
  const paragraphs: string[] = []
  let size = opening.length
  const own: string[] = []
  while (size < chars) {
    const p = paragraph(c, r, unit, year)
    own.push(p)
    size += p.length
  }
  // Carried-over paragraphs take the place of own ones, spread through the report (reordered).
  const pool = [...own.slice(0, Math.max(0, own.length - carried.length)), ...carried]
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  const parts = 5
  const lines = [`${unit}${year}年法治政府建设情况报告`, '县人民政府：', opening]
  const per = Math.ceil(pool.length / parts)
  for (let k = 0; k < parts; k++) {
    lines.push(`${'一二三四五'[k]}、${c.headings[Math.floor(r() * c.headings.length)] ?? '主要工作'}`)
    for (const p of pool.slice(k * per, (k + 1) * per)) {
      lines.push(p)
      paragraphs.push(p)
    }
  }
  lines.push(`${unit}人民政府`, `${year + 1}年3月${1 + Math.floor(r() * 28)}日`)
  return { text: lines.join('\n'), paragraphs }
}

/**
 * `units` units, each with a report for `year - 1` and one for `year` (2 · units reports). Next
 * year's carries over 5–90% of last year's paragraphs; one unit in ten shares a paragraph with a
 * neighbour of the same year.
 */
export function syntheticBatch(corpusRoot: string, units: number, opts: { year?: number; chars?: number; seed?: number } = {}): SyntheticReport[] {
  const c = readCorpus(corpusRoot)
  const r = rng(opts.seed ?? 13)
  const year = opts.year ?? 2024
  const chars = opts.chars ?? 15_000
  const out: SyntheticReport[] = []
  const last: Array<{ text: string; paragraphs: string[] }> = []
  for (let u = 0; u < units; u++) last.push(report(c, r, unitName(u), year - 1, chars))
  for (let u = 0; u < units; u++) {
    const prev = last[u]!
    const share = [0.05, 0.2, 0.35, 0.5, 0.9][u % 5]!
    const carried = prev.paragraphs.filter(() => r() < share).map((p) => {
      // Years and figures updated, now and then a year left as it was.
      const updated = p.replace(new RegExp(`${year - 1}年`, 'g'), () => (r() < 0.1 ? `${year - 1}年` : `${year}年`))
      return updated.replace(/\d+(?=[件次人个场项])/g, () => String(1 + Math.floor(r() * 300)))
    })
    const next = report(c, r, unitName(u), year, chars, carried)
    out.push({ unit: unitName(u), year: year - 1, text: prev.text, carried: [] }, { unit: unitName(u), year, text: next.text, carried })
  }
  // Neighbours: one unit in ten takes a paragraph or two from another unit's report of the same year.
  for (let u = 0; u < units; u += 10) {
    const mine = out[2 * u + 1]!
    const other = out[2 * ((u + 3) % units) + 1]!
    const paras = other.text.split('\n').filter((l) => l.length > 80)
    const take = paras.slice(0, 1 + (u % 2))
    mine.text = mine.text.replace(/\n[^\n]{80,}\n/, (m) => `${m}${take.join('\n')}\n`)
  }
  return out
}

// Checklist detection: each item's status, score and evidence, from headings and body vocabulary
// found only in the part of the report the item belongs to.

import type { Checklist, ChecklistItem } from '../../shared/models/checklist'
import type { Evidence, Heading, ItemResult, ItemStatus, Section } from '../../shared/models/report'
import { unsafePattern } from './safe-pattern'

export interface DetectContext {
  /** Normalized text. */
  text: string
  headings: Heading[]
  sections: Section[]
  /** Builds evidence (original offsets, quote and heading as written) from a normalized range. */
  evidence: (heading: Heading | null, start: number, end: number) => Evidence
}

interface CompiledItem {
  item: ChecklistItem
  headings: RegExp[]
  terms: Array<{ re: RegExp; weight: number }>
}

/** Matches nothing: a reviewer's pattern that could run longer than linear time is not run at all. */
const NEVER = /(?!)/

function toRegExp(p: string, flags = ''): RegExp {
  if (p.length > 2 && p.startsWith('/') && p.endsWith('/')) {
    const src = p.slice(1, -1)
    return unsafePattern(src) ? new RegExp(NEVER.source, flags) : new RegExp(src, flags)
  }
  return new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags)
}

const cache = new WeakMap<Checklist, CompiledItem[]>()
function compile(checklist: Checklist): CompiledItem[] {
  let c = cache.get(checklist)
  if (!c) {
    c = checklist.items.map((item) => ({
      item,
      headings: item.headings.map((h) => (unsafePattern(h) ? NEVER : new RegExp(h))),
      terms: item.vocabulary.map((v) => ({ re: toRegExp(v.term, 'g'), weight: v.weight }))
    }))
    cache.set(checklist, c)
  }
  return c
}

function inScope(item: ChecklistItem, s: Section): boolean {
  if (item.scope === 'any') return s.role !== 'closing'
  return s.role === item.scope
}

const SENTENCE = /[^。;!?\n]+[。;!?]?/g

/** Scoring, in the units of an item's thresholds. */
export const SCORING = {
  /** A heading naming the item: by its depth (一、 and （一） weigh most; 一是 least). */
  headingByLevel: (level: number) => (level <= 2 ? 4 : level <= 4 ? 3 : 2),
  /** Each further heading naming the item adds this, up to `headingRepeatCap` above the first. */
  headingRepeat: 1,
  headingRepeatCap: 2,
  /** A term found n times counts 1 + bonus·(min(n, cap) − 1) times its weight. */
  termRepeatBonus: 0.5,
  termRepeatCap: 3,
  /** A part of the report that is the item's own (shortcomings, plans) with fewer characters than this is only named, not written. */
  minOwnBodyChars: 15,
  /** Such a part found without a heading (a paragraph that opens it) counts this share of `present`. */
  headinglessOwnPart: 0.75,
  /** Vocabulary inside the item's own part adds at most this share of `present`. */
  ownPartVocabularyCap: 0.5,
  /** Evidence kept: quotes in all, quotes of headings, quotes when the item is missing. */
  maxEvidence: 5,
  maxHeadingEvidence: 3,
  maxMissingEvidence: 2,
  /** Characters after a heading searched for the sentence that follows it. */
  headingQuoteLookahead: 120,
  ownPartQuoteFallback: 80
} as const

/** Whether an offset lies in one of the sections (sorted, not overlapping): a binary search. */
function inSections(sorted: Section[], at: number): boolean {
  let lo = 0
  let hi = sorted.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sorted[mid]!
    if (at < s.start) hi = mid - 1
    else if (at >= s.end) lo = mid + 1
    else return true
  }
  return false
}

function statusOf(score: number, item: ChecklistItem): ItemStatus {
  if (score >= item.thresholds.present) return 'present'
  if (score >= item.thresholds.partial && score > 0) return 'partial'
  return 'missing'
}

export function detectItems(ctx: DetectContext, checklist: Checklist): ItemResult[] {
  return compile(checklist).map((c) => detectItem(ctx, c))
}

function detectItem(ctx: DetectContext, c: CompiledItem): ItemResult {
  const { item } = c
  const sections = ctx.sections.filter((s) => inScope(item, s)).sort((a, b) => a.start - b.start)
  const evidence: Evidence[] = []
  const taken: Array<[number, number]> = [] // normalized ranges already quoted
  const addEvidence = (heading: Heading | null, start: number, end: number) => {
    taken.push([start, end])
    evidence.push(ctx.evidence(heading, start, end))
  }
  let headingScore = 0
  let bodyChars = 0
  // Sections whose role is the item's own (shortcomings, plans, other) are themselves the evidence.
  const ownRole = item.scope !== 'work' && item.scope !== 'any'
  for (const s of sections) {
    const bodyStart = s.heading ? s.heading.end : s.start
    const body = ctx.text.slice(bodyStart, s.end).replace(/\s/g, '')
    bodyChars += body.length
    if (ownRole) {
      const strong = body.length >= SCORING.minOwnBodyChars
      headingScore = Math.max(
        headingScore,
        s.heading ? (strong ? item.thresholds.present : item.thresholds.partial) : strong ? item.thresholds.present * SCORING.headinglessOwnPart : 0
      )
      const firstSentence = ctx.text.slice(bodyStart, s.end).match(/[^。;\n]+[。;]?/)
      const quoteEnd = firstSentence ? bodyStart + (firstSentence.index ?? 0) + firstSentence[0].length : Math.min(s.end, bodyStart + SCORING.ownPartQuoteFallback)
      addEvidence(s.heading, s.heading ? s.heading.start : s.start, Math.min(quoteEnd, s.end))
    }
  }
  // Headings inside the scope that name the item.
  if (!ownRole) {
    let hits = 0
    for (const h of ctx.headings) {
      if (!inSections(sections, h.start)) continue
      if (!c.headings.some((re) => re.test(h.text))) continue
      const base = SCORING.headingByLevel(h.level)
      headingScore = hits === 0 ? base : Math.min(headingScore + SCORING.headingRepeat, base + SCORING.headingRepeatCap)
      hits++
      if (evidence.length < SCORING.maxHeadingEvidence) {
        const after = ctx.text.slice(h.end, h.end + SCORING.headingQuoteLookahead)
        const m = after.match(/^[。]?[^。;\n]*[。;]?/)
        addEvidence(h, h.start, h.end + (m ? m[0].length : 0))
      }
    }
  }
  // Body vocabulary, with diminishing returns per term.
  let vocabScore = 0
  const sentenceScores: Array<{ start: number; end: number; score: number }> = []
  const termCounts = new Array<number>(c.terms.length).fill(0)
  for (const s of sections) {
    const seg = ctx.text.slice(s.start, s.end)
    SENTENCE.lastIndex = 0
    for (let m = SENTENCE.exec(seg); m; m = SENTENCE.exec(seg)) {
      let score = 0
      c.terms.forEach((t, k) => {
        t.re.lastIndex = 0
        const n = (m![0].match(t.re) ?? []).length
        termCounts[k]! += n
        score += t.weight * n
      })
      if (score > 0) sentenceScores.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, score })
    }
  }
  // Terms never span a sentence break, so the sentence counts are the section counts.
  c.terms.forEach((t, k) => {
    const n = termCounts[k]!
    if (n) vocabScore += t.weight * (1 + SCORING.termRepeatBonus * (Math.min(n, SCORING.termRepeatCap) - 1))
  })
  if (ownRole) vocabScore = Math.min(vocabScore, item.thresholds.present * SCORING.ownPartVocabularyCap)
  const total = headingScore + vocabScore
  let status = statusOf(total, item)
  if (ownRole && status === 'present' && bodyChars < SCORING.minOwnBodyChars) status = 'partial'
  sentenceScores.sort((a, b) => b.score - a.score || a.start - b.start)
  for (const s of sentenceScores) {
    if (evidence.length >= SCORING.maxEvidence) break
    if (taken.some(([a, b]) => a <= s.start && s.end <= b)) continue
    addEvidence(null, s.start, s.end)
  }
  if (status === 'missing') evidence.length = Math.min(evidence.length, SCORING.maxMissingEvidence)
  // An optional item (其他需要报告的情况) the report leaves out is no fault: it is shown as none, never missing.
  if (status === 'missing' && item.optional) status = 'none'
  return {
    id: item.id,
    label: item.name.zh,
    status,
    score: Math.round(Math.min(1, total / item.thresholds.present) * 100) / 100,
    evidence
  }
}

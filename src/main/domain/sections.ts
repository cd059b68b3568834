// The parts of a report (the year's work, shortcomings, next year's plans, other matters) read from
// what each part is: the year it is about, whether it tells what was done or what will be done, what
// its heading names, and where it stands. Heading wordings are one cue among these, not a list to match.

import type { Heading, Section, SectionRole } from '../../shared/models/report'
import {
  FIGURE,
  FLAT_PLANS,
  FLAT_SHORTCOMINGS,
  FUTURE_RE,
  HEADING_NUMBERING,
  NEXT_YEAR_RE,
  NUMBERING_PREFIX,
  OTHER_MATTERS,
  PAST_RE,
  PLAN_NOT_RE,
  PLAN_RE,
  PLAN_WEAK_RE,
  SHORTCOMING_MARKER_RE,
  SHORTCOMING_NOT_RE,
  SHORTCOMING_RE,
  THIS_YEAR_RE,
  WILL,
  WORK_RE
} from './lexicon'
import { parseYear } from './dates'
import { isUnnumberedHeading, type Line } from './structure'

/** What a heading alone says: a role, 'mixed' (problems and plans), or 'plan?' (措施/重点: decided by the body and place). */
export type HeadingRole = SectionRole | 'mixed' | 'plan?'

function yearsIn(t: string): number[] {
  const out: number[] = []
  // 「2024年」 and 「二〇二四年」 alike.
  const re = /((?:19|20)\d{2})\s*(?:年|-|—)|([一二][〇零○九][一二三四五六七八九〇零○]{2})\s*年/g
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const y = m[1] ? Number(m[1]) : parseYear(m[2]!)
    if (y) out.push(y)
  }
  return out
}

/**
 * The role a heading names. `reportYear` is the year the report covers: a heading about a later year
 * (「2021年推进法治政府建设的主要措施」 in a 2020 report) is the plan whatever its words.
 */
export function classifyHeading(text: string, reportYear: number | null = null): HeadingRole {
  const t = text.replace(NUMBERING_PREFIX, '')
  if (OTHER_MATTERS.test(t)) return 'other'
  const years = yearsIn(t)
  const later = reportYear !== null && years.some((y) => y > reportYear) && !years.some((y) => y <= reportYear)
  const sameYear = reportYear !== null && years.some((y) => y <= reportYear)
  const next = NEXT_YEAR_RE.test(t)
  const s = SHORTCOMING_RE.test(t) && !SHORTCOMING_NOT_RE.test(t)
  const workWords = WORK_RE.test(t)
  const p = (PLAN_RE.test(t) && !PLAN_NOT_RE.test(t)) || ((later || next) && !workWords)
  // 「存在的问题及下一步打算」「存在问题及整改措施」: problems and intentions under one heading.
  if (s && (p || PLAN_WEAK_RE.test(t))) return 'mixed'
  if (s) return 'shortcomings'
  if (p) return 'plans'
  if ((PLAN_WEAK_RE.test(t) || WILL.test(t)) && !workWords && !THIS_YEAR_RE.test(t) && !sameYear) return 'plan?'
  return 'work'
}

const count = (re: RegExp, s: string): number => {
  re.lastIndex = 0
  let n = 0
  while (re.exec(s)) n++
  return n
}

/** How much a stretch of text tells what will be done, what was done, and what falls short. */
export interface Tense {
  future: number
  past: number
  short: number
}

/** Future markers that are not the 将 of 「将X纳入」 (which means 把) nor the 要 of 主要/重要. */
const FUTURE_WILL = new RegExp(`${WILL.source}|(?<![主重需纲摘提概只])要(?=[^求点素件闻])`, 'g')

export function tenseOf(body: string): Tense {
  return {
    future: count(FUTURE_RE, body) + count(FUTURE_WILL, body),
    past: count(PAST_RE, body) + count(FIGURE, body),
    short: count(SHORTCOMING_MARKER_RE, body)
  }
}

/** The body speaks of what will be done rather than of what was done. */
export function speaksOfFuture(t: Tense): boolean {
  return t.future >= 2 && t.future > 1.5 * t.past
}

/** Top-level headings are the report's parts; headings without numbering take the top level of the numbered ones. */
function isNumbered(text: string): boolean {
  return HEADING_NUMBERING.some((r) => r.re.test(text))
}

/** The items of a list sorted by `start` whose start lies in [from, to): a binary search, so that a report cut into thousands of parts costs no more per part. */
export function startingIn<T extends { start: number }>(sorted: T[], from: number, to: number): T[] {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]!.start < from) lo = mid + 1
    else hi = mid
  }
  let end = lo
  while (end < sorted.length && sorted[end]!.start < to) end++
  return sorted.slice(lo, end)
}

export interface SectionInput {
  lines: Line[]
  headings: Heading[]
  bodyStartLine: number
  closingLine: number
  text: string
  reportYear: number | null
}

export function buildSections(inp: SectionInput): Section[] {
  const { lines, headings, bodyStartLine, closingLine, text, reportYear } = inp
  const bodyStart = lines[bodyStartLine]?.start ?? 0
  const bodyEnd = closingLine < lines.length ? lines[closingLine]!.start : (lines[lines.length - 1]?.end ?? 0)
  const inBody = headings.filter((h) => h.start >= bodyStart && h.start < bodyEnd && h.level <= 4)
  const numberedLevels = inBody.filter((h) => isNumbered(h.text)).map((h) => h.level)
  const top = numberedLevels.length ? Math.min(...numberedLevels) : 1
  // An unnumbered heading naming a part (「存在的问题」 on its own line) stands at the top level; one naming no
  // part is a subsection when the parts are numbered, and a part when the parts are not (some unnumbered heading names one).
  const unnumbered = inBody.filter((h) => !isNumbered(h.text) && h.level === 1)
  const partsUnnumbered = top > 1 && unnumbered.some((h) => isUnnumberedHeading(h.text))
  const numbered = inBody.map((h) => {
    if (isNumbered(h.text) || h.level !== 1) return h
    if (isUnnumberedHeading(h.text) || partsUnnumbered || !numberedLevels.length) return { ...h, level: top }
    return { ...h, level: top + 1 }
  })
  const sections: Section[] = []
  if (!numbered.length) {
    sections.push({ role: 'work', heading: null, start: bodyStart, end: bodyEnd })
    return refineFlat(sections, lines, reportYear)
  }
  const tops = numbered.filter((h) => h.level === top)
  if (tops[0]!.start > bodyStart) sections.push({ role: 'preamble', heading: null, start: bodyStart, end: tops[0]!.start })
  const parts = tops.map((h, i) => ({ h, end: i + 1 < tops.length ? tops[i + 1]!.start : bodyEnd, role: classifyHeading(h.text, reportYear) }))
  const bodyOf = (p: { h: Heading; end: number }) => text.slice(p.h.end, p.end)
  let seenShortcomings = false
  let lastPart = parts.length - 1
  while (lastPart > 0 && parts[lastPart]!.role === 'other') lastPart--
  parts.forEach((p, i) => {
    let role = p.role
    const last = i >= lastPart
    if (role === 'plan?') {
      // 「主要措施」「工作重点」: the plan when it stands where plans stand and tells what will be done.
      role = (seenShortcomings || last) && speaksOfFuture(tenseOf(bodyOf(p))) ? 'plans' : 'work'
    }
    if (role === 'shortcomings' || role === 'mixed') seenShortcomings = true
    if (role !== 'mixed') {
      sections.push({ role, heading: p.h, start: p.h.start, end: p.end })
      return
    }
    sections.push(...splitMixed(p.h, p.end, numbered, top, lines, text, reportYear))
  })
  const withPlans = splitTrailingPlans(sections, lines, numbered, reportYear, text)
  // Only work found at the top: the report may name its shortcomings and plans lower down (「（四）存在问题及改进措施」).
  if (!withPlans.some((s) => s.role === 'shortcomings' || s.role === 'plans')) {
    return splitTrailingPlans(refineNested(withPlans, numbered.filter((h) => h.level > top), lines, reportYear), lines, numbered, reportYear, text)
  }
  return withPlans
}

/** 「存在的问题和下一步打算」: split by its subheadings, else at the paragraph where the intentions begin. */
function splitMixed(h: Heading, end: number, numbered: Heading[], top: number, lines: Line[], text: string, reportYear: number | null): Section[] {
  const subs = startingIn(numbered, h.start + 1, end).filter((s) => s.level > top)
  const subLevel = subs.length ? Math.min(...subs.map((s) => s.level)) : 0
  const planSub = subs.find((s) => s.level === subLevel && classifyHeading(s.text, reportYear) === 'plans')
  if (planSub) {
    return [
      { role: 'shortcomings', heading: h, start: h.start, end: planSub.start },
      { role: 'plans', heading: planSub, start: planSub.start, end }
    ]
  }
  // No subheading names the plans: cut where the paragraphs turn from problems to intentions.
  const paras = startingIn(lines, h.end, end).filter((l) => !l.clutter)
  const units = paras.length > 1 ? paras.map((l) => ({ start: l.start, text: l.text })) : sentencesOf(text, h.end, end)
  let best = -1
  let bestScore = 0
  const tenses = units.map((u) => tenseOf(u.text))
  for (let k = 1; k < units.length; k++) {
    let score = 0
    for (let j = 0; j < units.length; j++) {
      const t = tenses[j]!
      score += j < k ? t.short - t.future : t.future - t.short
    }
    if (FLAT_PLANS.test(units[k]!.text) || /^(?:针对|为此|对此)/.test(units[k]!.text)) score += 3
    if (score > bestScore) {
      bestScore = score
      best = k
    }
  }
  if (best < 0) return [{ role: 'shortcomings', heading: h, start: h.start, end }]
  return [
    { role: 'shortcomings', heading: h, start: h.start, end: units[best]!.start },
    { role: 'plans', heading: null, start: units[best]!.start, end }
  ]
}

/** Sentences of text[from, to) as units with their start offsets. */
function sentencesOf(text: string, from: number, to: number): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = []
  let s = from
  for (let i = from; i < to; i++) {
    const c = text[i]
    if (c === '。' || c === ';' || c === '\n' || i === to - 1) {
      const t = text.slice(s, i + 1).trim()
      if (t) out.push({ start: s + (text.slice(s, i + 1).length - text.slice(s, i + 1).trimStart().length), text: t })
      s = i + 1
    }
  }
  return out
}

/**
 * A shortcomings part that holds the plans without a part of their own ends where they begin: at a
 * subheading naming them, or at a paragraph opening them (「下一步，我镇将…」, 「2021年，…将…」 in a 2020 report).
 */
function splitTrailingPlans(sections: Section[], lines: Line[], headings: Heading[], reportYear: number | null, text: string): Section[] {
  if (sections.some((s) => s.role === 'plans')) return sections
  const out: Section[] = []
  for (const sec of sections) {
    if (sec.role !== 'shortcomings') {
      out.push(sec)
      continue
    }
    const from = Math.max(sec.start + 1, sec.heading?.end ?? 0)
    // A heading inside it that names the plans (「（三）下步打算」 under 「二、存在的问题」), else a paragraph that opens them.
    const sub = startingIn(headings, from, sec.end).find((h) => classifyHeading(h.text, reportYear) === 'plans')
    // A sentence inside a paragraph may open them too (「…原因是人员编制少。下一步，将充实…」).
    const opener =
      sub ??
      startingIn(lines, from, sec.end).find((p) => !p.clutter && opensPlans(p.text, reportYear)) ??
      sentencesOf(text, from, sec.end).find((u, k) => k > 0 && opensPlans(u.text, reportYear))
    if (!opener) {
      out.push(sec)
      continue
    }
    out.push({ ...sec, end: opener.start }, { role: 'plans', heading: sub ?? null, start: opener.start, end: sec.end })
  }
  return out
}

/** A paragraph that opens the plans: 「下一步，…」, or a later year with an intention. */
function opensPlans(t: string, reportYear: number | null): boolean {
  const m = FLAT_PLANS.exec(t)
  if (!m) return false
  const y = /^((?:19|20)\d{2})年/.exec(m[0])
  if (!y) return true
  return reportYear === null ? speaksOfFuture(tenseOf(t)) : Number(y[1]) > reportYear
}

/** Shortcomings and plans given as subsections of one big section. */
function refineNested(sections: Section[], subs: Heading[], lines: Line[], reportYear: number | null): Section[] {
  const out: Section[] = []
  for (const sec of sections) {
    const inner = startingIn(subs, sec.start + 1, sec.end)
    const level = inner.length ? Math.min(...inner.map((h) => h.level)) : 0
    const marks = inner.filter((h) => h.level === level).map((h) => ({ h, role: classifyHeading(h.text, reportYear) }))
    const firstSpecial = marks.findIndex((m) => m.role === 'shortcomings' || m.role === 'plans' || m.role === 'mixed')
    if (firstSpecial < 0) {
      out.push(sec)
      continue
    }
    let from = sec.start
    let role: SectionRole = sec.role
    let heading = sec.heading
    for (const m of marks.slice(firstSpecial)) {
      const r: SectionRole = m.role === 'mixed' ? 'shortcomings' : m.role === 'work' || m.role === 'plan?' ? role : m.role
      if (r !== role) {
        out.push({ role, heading, start: from, end: m.h.start })
        role = r
        heading = m.h
        from = m.h.start
      }
    }
    out.push({ role, heading, start: from, end: sec.end })
  }
  return out.some((s) => s.role !== 'work' && s.role !== 'preamble') ? out : refineFlat(out, lines, reportYear)
}

/** No headings name the parts: find the paragraphs that open the shortcomings and the plans. */
function refineFlat(sections: Section[], lines: Line[], reportYear: number | null): Section[] {
  const out: Section[] = []
  for (const sec of sections) {
    if (sec.role !== 'work') {
      out.push(sec)
      continue
    }
    const paras = startingIn(lines, sec.start, sec.end).filter((l) => !l.clutter)
    let from = sec.start
    let role: SectionRole = 'work'
    for (const p of paras) {
      const r: SectionRole | null =
        FLAT_SHORTCOMINGS.test(p.text.slice(0, 80)) && role === 'work' ? 'shortcomings' : (role as SectionRole) !== 'plans' && p.start > sec.start && opensPlans(p.text, reportYear) ? 'plans' : null
      if (r && r !== role) {
        if (p.start > from) out.push({ role, heading: null, start: from, end: p.start })
        role = r
        from = p.start
      }
    }
    out.push({ role, heading: sec.heading, start: from, end: sec.end })
  }
  return out
}

// The analysis pipeline: normalized text → clutter, title, headings, sections → metadata, items, findings,
// with every offset mapped back to the text the reviewer reads.

import type { Checklist, ChecklistItem } from '../../shared/models/checklist'
import type { Analysis, Evidence, ExtractedDoc, Finding, Heading, ItemResult, Section } from '../../shared/models/report'
import { detectItems } from './detect'
import { notAReportReason } from './doc-kind'
import { computeFindings } from './findings'
import { ORG_SUFFIX, REPORT_OPENING, SPAM } from './lexicon'
import { extractMeta, reportYearOf } from './metadata'
import { normalize, toOriginal, type Normalized } from './normalize'
import { buildSections } from './sections'
import { applyBlocks, findClosing, findHeadings, findTitle, isClutterLine, isDocNumberLine, looksLikeTitle, markFieldValueCells, markPreTitleClutter, splitLines, stripSiteSuffix, type Line } from './structure'

/** Original offset → normalized offset (the first normalized character at or after it). */
function toNormIndex(norm: Normalized, orig: number): number {
  const map = norm.map
  let lo = 0
  let hi = map.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (map[mid]! < orig) lo = mid + 1
    else hi = mid
  }
  return lo
}

function bodyStartLine(lines: Line[], titleLine: number): number {
  for (let i = titleLine + 1; i < lines.length; i++) {
    const l = lines[i]!
    if (l.clutter) continue
    const t = l.text.replace(/\s/g, '')
    if (t.length <= 30 && ORG_SUFFIX.test(t)) continue // issuing body on its own line
    if (isDocNumberLine(t)) continue // the report's 文号
    if (/^\(?\d{4}年\d{1,2}月\d{1,2}日[^。]{0,40}\)?$/.test(t)) continue
    // A second title line (a subtitle, the title repeated in other words) names the report or its year; a
    // part's heading that opens the body (「局主要负责人履行推进法治建设第一责任人职责情况」) does neither.
    if (looksLikeTitle(t) && /报告|总结|(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}年/.test(t)) continue
    return i
  }
  return Math.max(0, titleLine + 1)
}

export function analyze(doc: ExtractedDoc, checklist: Checklist): Analysis {
  const norm = normalize(doc.text)
  const text = norm.text
  const lines = splitLines(text)
  applyBlocks(lines, doc.blocks, (o) => toNormIndex(norm, o))
  for (const l of lines) l.clutter = isClutterLine(l.text)
  markFieldValueCells(lines)

  const titleLine = findTitle(lines)
  markPreTitleClutter(lines, titleLine)
  if (titleLine >= 0) {
    // The same title repeated under the page header is not report text either.
    const t = stripSiteSuffix(lines[titleLine]!.text)
    for (let i = titleLine + 1; i < Math.min(lines.length, titleLine + 8); i++) if (lines[i]!.text === t) lines[i]!.clutter = true
  }
  const bodyLine = bodyStartLine(lines, titleLine)
  const closingLine = Math.max(findClosing(lines), bodyLine + 1)
  const headingsNorm = findHeadings(lines, bodyLine)
  const metaInput = { lines, titleLine, bodyLine, closingLine, declaredTitle: doc.declaredTitle, text }
  const sectionsNorm = buildSections({ lines, headings: headingsNorm, bodyStartLine: bodyLine, closingLine, text, reportYear: reportYearOf(metaInput) })
  if (closingLine < lines.length) {
    const last = lines[lines.length - 1]!
    sectionsNorm.push({ role: 'closing', heading: null, start: lines[closingLine]!.start, end: last.end })
  }

  const meta = extractMeta(metaInput)

  const mapRange = (s: number, e: number) => toOriginal(norm, s, e)
  const quote = (s: number, e: number) => {
    const r = mapRange(s, e)
    let q = doc.text.slice(r.start, r.end).replace(/\s+/g, ' ').trim()
    if (q.length > 160) q = q.slice(0, 159) + '…'
    return { ...r, q }
  }
  const evidence = (heading: Heading | null, s: number, e: number): Evidence => {
    const r = quote(s, e)
    return { heading: heading ? quote(heading.start, heading.end).q : null, quote: r.q, start: r.start, end: r.end }
  }
  const detected = detectItems({ text, headings: headingsNorm, sections: sectionsNorm, evidence }, checklist)

  const titleYear = meta.title ? Number(/((?:19|20)\d{2})\s*年/.exec(meta.title)?.[1] ?? NaN) || null : null
  const bodyYearMatch = lines
    .slice(bodyLine, bodyLine + 4)
    .map((l) => REPORT_OPENING.exec(l.text))
    .find(Boolean)
  const { findings, figures } = computeFindings({
    text,
    meta,
    sections: sectionsNorm,
    titleYear,
    bodyYear: bodyYearMatch ? Number(bodyYearMatch[2]) : null,
    config: checklist.findings
  })
  const items = reconcile(detected, findings, checklist)

  const mapHeading = (h: Heading): Heading => ({ ...h, ...mapRange(h.start, h.end), text: quote(h.start, h.end).q })
  const headings: Heading[] = headingsNorm.map(mapHeading)
  if (titleLine >= 0) {
    const t = lines[titleLine]!
    headings.unshift({ text: meta.title ?? t.text, level: 0, runIn: false, ...mapRange(t.start, t.end) })
  }
  const sections: Section[] = sectionsNorm.map((s) => ({ ...s, heading: s.heading ? mapHeading(s.heading) : null, ...mapRange(s.start, s.end) }))
  const clutter: Array<{ start: number; end: number }> = lines.filter((l) => l.clutter).map((l) => mapRange(l.start, l.end))
  SPAM.lastIndex = 0
  for (let m = SPAM.exec(text); m; m = SPAM.exec(text)) clutter.push(mapRange(m.index, m.index + m[0].length))
  clutter.sort((a, b) => a.start - b.start)

  return {
    meta,
    items,
    findings: findings.map((f) => (f.start !== undefined && f.end !== undefined ? { ...f, ...mapRange(f.start, f.end) } : f)),
    headings,
    sections,
    clutter,
    figures,
    checklistId: checklist.id,
    completeness: completeness(items, checklist),
    notReport: notAReportReason({ text, title: meta.title, opening: lines.filter((l, i) => !l.clutter && i !== titleLine).slice(0, 4).map((l) => l.text) })
  }
}

/**
 * Items and findings tell one story: shortcomings listed without their causes are only partly what the
 * regulation asks (「存在的不足和原因」), so the item is partial with the finding's reason beside it.
 */
export function reconcile(items: ItemResult[], findings: Finding[], checklist: Checklist): ItemResult[] {
  const noCauses = findings.find((f) => f.code === 'no-causes')
  return items.map((it) => {
    const def = checklist.items.find((d) => d.id === it.id)
    if (noCauses && def?.scope === 'shortcomings' && it.status === 'present') {
      return { ...it, status: 'partial', score: Math.min(it.score, 0.5), reason: '只列举了问题，未分析原因' }
    }
    return it
  })
}

/**
 * How complete the report is against the checklist, 0–100: each item counts by its weight, fully when
 * present and half when partial. Optional items ("other matters") add when present and never subtract.
 */
export function completeness(items: Pick<ItemResult, 'id' | 'status'>[], checklist: { items: Array<Pick<ChecklistItem, 'id' | 'weight' | 'optional'>> }): number {
  let got = 0
  let max = 0
  for (const def of checklist.items) {
    const status = items.find((i) => i.id === def.id)?.status ?? 'missing'
    const earned = status === 'present' ? def.weight : status === 'partial' ? def.weight / 2 : 0
    got += earned
    if (!def.optional) max += def.weight
  }
  return max ? Math.min(100, Math.round((got / max) * 100)) : 0
}

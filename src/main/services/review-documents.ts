// Reads a project into what the exporters write from: the worksheet of a report, the 审核意见 letter of a
// submission (addressed to its unit), the batch of a year's roster behind the 汇总表 and the 通报, the
// score sheet under the project's rubric, and the opinion draft made from the review.

import { ZH } from '../../shared/labels'
import type { Checklist } from '../../shared/models/checklist'
import type { SkippedLetter } from '../../shared/models/letter'
import type { SubmissionRow } from '../../shared/models/roster'
import type { ScoreSheet } from '../../shared/models/rubric'
import { scoreInput, scoreReport, rubricMax } from '../domain/scoring'
import { unitKey } from '../domain/units'
import { chineseDate, type AuditCheck, type Batch, type BatchRow, type OpinionLetter, type ReviewDocument, type ReviewItem } from '../exporters/model'
import { conclusionSentence, draftOpinion, REGULATION, titled, type DraftInput } from '../exporters/wording'
import type { Project } from '../store/project'
import { reportSimilarity, subjectIndex, type SubjectIndex } from './similarity-service'

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s)
const findingName = (code: string) => (ZH.finding as Record<string, string>)[code] ?? code

/** The project's audit trail checked now, for an export. */
export function auditCheck(project: Project): AuditCheck {
  const a = project.auditIntegrity({ fresh: true })
  return { intact: !a.brokenAt, entries: a.entries, head: a.head, brokenAt: a.brokenAt && { id: a.brokenAt.id, at: a.brokenAt.at }, message: a.message }
}

/** The review documents of these reports (all when ids is null), read once. */
export function reviewDocuments(project: Project, checklist: Checklist, reviewer: string, ids: number[] | null, now = new Date()): ReviewDocument[] {
  const check = auditCheck(project)
  const subjects = subjectIndex(project)
  return (ids ?? project.reports.ids()).map((id) => buildReviewDocument(project, id, checklist, reviewer, now, check, subjects))
}

export function buildReviewDocument(
  project: Project,
  reportId: number,
  checklist: Checklist,
  reviewer: string,
  now = new Date(),
  check = auditCheck(project),
  subjects?: SubjectIndex
): ReviewDocument {
  const r = project.reports.get(reportId)
  if (!r) throw new Error(`no report ${reportId}`)
  const verdicts = new Map(project.reviews.verdicts(reportId).map((v) => [v.itemId, v]))
  const review = project.reviews.review(reportId)
  const names = new Map(checklist.items.map((i) => [i.id, i.name.zh]))
  const similarity = reportSimilarity(project, reportId, checklist.findings, false, subjects)
  const last = similarity.lastYear
  const items: ReviewItem[] = checklist.items.map((def) => {
    const found = r.analysis.items.find((i) => i.id === def.id)
    const v = verdicts.get(def.id)
    return {
      id: def.id,
      name: def.name.zh,
      detected: found?.status ?? null,
      verdict: v?.verdict ?? null,
      reason: v?.reason ?? '',
      evidence: clip(found?.evidence[0]?.quote.replace(/\s+/g, ' ') ?? '', 160)
    }
  })
  return {
    reportId,
    fileName: r.fileName,
    sha256: r.sha256,
    title: r.title ?? r.fileName.replace(/\.[^.]+$/, ''),
    issuer: r.issuer,
    level: r.level,
    year: r.year,
    published: r.published,
    checklistName: checklist.name.zh,
    completeness: r.completeness,
    copiedShare: similarity.copiedShare,
    similar: last ? [{ file: last.fileName, year: last.year, share: last.share, passages: last.passages }] : [],
    items,
    findings: [...r.analysis.findings, ...similarity.findings].map((f) => ({ code: f.code, name: findingName(f.code), message: f.message })),
    annotations: project.reviews.annotations(reportId).map((a) => ({ itemId: a.itemId, itemName: names.get(a.itemId) ?? a.itemId, quote: a.quote, comment: a.comment, createdAt: a.createdAt })),
    overall: review.overall,
    opinion: review.opinion,
    reviewer,
    date: chineseDate(now),
    audit: project.reviews.auditTrail(reportId),
    score: scoreSheet(project, reportId),
    auditCheck: check
  }
}

/** A report's score under the project's rubric: the app's proposal per aspect, the reviewer's points, the total and grade. */
export function scoreSheet(project: Project, reportId: number): ScoreSheet | null {
  const r = project.reports.get(reportId)
  if (!r) return null
  const { rubric, checklist } = project.scoring()
  const facts = project.submissions.facts(reportId, project.rosterSettings().publishBy)
  const verdicts = new Map(project.reviews.verdicts(reportId).map((v) => [v.itemId, v.verdict]))
  const adjusted = project.reviews.aspectScores(reportId)
  const scored = scoreReport(
    rubric,
    scoreInput({
      checklist,
      detected: r.analysis.items,
      verdicts,
      findings: r.analysis.findings.map((f) => f.code),
      figures: r.analysis.figures,
      daysLate: facts.daysLate,
      form: { title: !!r.title, issuer: !!r.issuer, year: facts.year !== null, published: facts.published !== null }
    }),
    adjusted,
    findingName
  )
  return {
    reportId,
    rubricId: rubric.id,
    rubricName: rubric.name.zh,
    aspects: scored.aspects.map((a) => ({
      id: a.aspect.id,
      name: a.aspect.name.zh,
      max: a.aspect.max,
      proposed: a.proposal.points,
      why: a.proposal.why,
      points: a.points,
      adjusted: adjusted.get(a.aspect.id) ?? null
    })),
    total: scored.total,
    max: rubricMax(rubric),
    grade: scored.grade,
    proposed: !project.reviews.review(reportId).overall && adjusted.size === 0
  }
}

/** What the opinion draft of a report is made from: the checklist's items and phrases, the verdicts, the findings, the dates. */
export function draftInput(project: Project, reportId: number, opts: { body?: string } = {}): DraftInput {
  const r = project.reports.get(reportId)
  if (!r) throw new Error(`no report ${reportId}`)
  const checklist = project.activeChecklist()
  const settings = project.rosterSettings()
  const letter = project.letterSettings()
  const facts = project.submissions.facts(reportId, settings.publishBy)
  const verdicts = new Map(project.reviews.verdicts(reportId).map((v) => [v.itemId, v]))
  return {
    items: checklist.items.map((def) => ({
      id: def.id,
      name: def.name.zh,
      scope: def.scope,
      optional: !!def.optional,
      verdict: verdicts.get(def.id)?.verdict ?? null,
      detected: r.analysis.items.find((i) => i.id === def.id)?.status ?? null,
      reason: verdicts.get(def.id)?.reason ?? '',
      phrases: def.phrases
    })),
    findings: r.analysis.findings.map((f) => ({ code: f.code, name: findingName(f.code), message: f.message })),
    findingPhrases: checklist.phrases?.findings,
    published: facts.published,
    deadline: facts.year ? `${facts.year + 1}-${settings.publishBy}` : null,
    daysLate: facts.daysLate,
    overall: project.reviews.review(reportId).overall,
    correctBy: letter.correctBy,
    body: opts.body ?? letter.body
  }
}

/**
 * 主送机关: the unit as it names itself when its report says so in full (「葛坑镇人民政府」), else its
 * roster name with what a government's name carries (乡镇 → 人民政府, 街道 → 办事处).
 */
export function addresseeOf(unit: string, issuer: string | null, level: SubmissionRow['level']): string {
  if (issuer && issuer.length > unit.length && unitKey(issuer) === unitKey(unit)) return issuer
  if (level === 'township') return /街道$/.test(unit) ? `${unit}办事处` : /(?:镇|乡)$/.test(unit) ? `${unit}人民政府` : unit
  if (level === 'county' || level === 'city' || level === 'province') return /(?:政府|委员会|办公室)$/.test(unit) ? unit : `${unit}人民政府`
  return unit
}

const UNSIGNED = new Set(['未署名审核人', '系统', ''])

export interface LetterOptions {
  /** The roster year whose submissions get letters (the project's review year when absent); ignored when reportIds are given. */
  year?: number | null
  /** The submissions (by any of their reports) to write letters for, whatever their year. */
  reportIds?: number[] | null
  /** Letters for every received submission, the unreviewed marked 初审稿; otherwise for reviewed ones only. */
  drafts?: boolean
  /** With the worksheet as an appendix. */
  appendix?: boolean
  /** The reviewer exporting: the contact on letters whose overall verdict nobody signed. */
  reviewer: string
  /** The reviewing body, when not the project's. */
  body?: string
  now?: Date
}

/** The letters to write, and the submissions left out with the reason. */
export function opinionLetters(project: Project, opts: LetterOptions): { letters: OpinionLetter[]; skipped: SkippedLetter[] } {
  const settings = project.rosterSettings()
  const ls = project.letterSettings()
  const body = (opts.body ?? ls.body).trim()
  const now = opts.now ?? new Date()
  const rows = project.submissions.rows(settings, { similarity: project.similarity, findings: project.activeChecklist().findings }, project.scoring())
  const bySubmission = new Map(rows.map((r) => [r.submissionId, r]))
  const position = new Map(project.units.list().map((u, i) => [u.id, i + 1]))
  let targets: SubmissionRow[]
  if (opts.reportIds) {
    const subs = [...new Set(opts.reportIds.map((id) => project.submissions.submissionOf(id)).filter((x): x is number => x !== null))]
    targets = subs.map((s) => bySubmission.get(s)).filter((r): r is SubmissionRow => !!r)
  } else {
    const roster = project.submissions.roster({ ...settings, reviewYear: opts.year ?? settings.reviewYear })
    const ids = [...roster.units.filter((u) => u.submissionId !== null).map((u) => u.submissionId!), ...roster.unassigned.map((u) => u.submissionId)]
    targets = ids.map((s) => bySubmission.get(s)).filter((r): r is SubmissionRow => !!r)
  }
  const checklist = project.activeChecklist()
  const letters: OpinionLetter[] = []
  const skipped: SkippedLetter[] = []
  for (const row of targets) {
    const unit = row.unit ?? row.issuer
    if (!unit) {
      skipped.push({ name: row.title, reason: '未能确定报送单位：请先在报送名单中为它指定单位。' })
      continue
    }
    if (!row.verdict && !opts.drafts) {
      skipped.push({ name: `${unit}${row.year ? ` ${row.year}年度` : ''}`, reason: '尚未审核（未给出总体结论），未生成审核意见；需要初审稿时请选择“含初审稿”。' })
      continue
    }
    const review = project.reviews.review(row.id)
    const opinion = review.opinion.trim()
    const n = row.unitId !== null ? position.get(row.unitId) : undefined
    const docNumber = ls.docNumber ? (ls.docNumber.includes('{n}') ? (n ? ls.docNumber.replaceAll('{n}', String(n)) : null) : ls.docNumber) : null
    const contact = row.reviewer ?? opts.reviewer
    letters.push({
      reportId: row.id,
      unit,
      addressee: addresseeOf(unit, row.issuer, row.level),
      year: row.year,
      title: `关于${unit}${row.year ? `${row.year}年度` : ''}法治政府建设情况报告的审核意见`,
      titleParts: ['关于', unit, row.year ? `${row.year}年度` : '', '法治政府建设', '情况报告', '的审核意见'].filter(Boolean),
      reportTitle: row.title.replace(/^《|》$/g, ''),
      body,
      docNumber,
      basis: [REGULATION, titled(ls.notice)].filter(Boolean),
      conclusion: conclusionSentence(review.overall),
      opinion: (opinion || draftOpinion(draftInput(project, row.id, { body }))).split('\n'),
      opinionMade: !opinion,
      contact: UNSIGNED.has(contact.trim()) ? null : contact.trim(),
      date: chineseDate(now),
      draft: !review.overall,
      appendix: opts.appendix ? buildReviewDocument(project, row.id, checklist, opts.reviewer, now) : null
    })
  }
  return { letters, skipped }
}

export interface BatchOptions {
  /** The roster year; when absent, the year most of the given reports are for, else the project's review year. */
  year?: number | null
  /** Only the units whose submission holds one of these reports. */
  reportIds?: number[] | null
  body?: string
  now?: Date
}

/** The year most of these reports' submissions are for (the latest on a tie). */
export function commonYear(project: Project, reportIds: number[]): number | null {
  const counts = new Map<number, number>()
  const publishBy = project.rosterSettings().publishBy
  for (const id of reportIds) {
    const y = project.submissions.facts(id, publishBy).year
    if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null
}

/** A year's batch: one row per unit of the roster (those that sent nothing included), then the year's reports waiting for a unit. */
export function batchOf(project: Project, opts: BatchOptions = {}): Batch {
  const settings = project.rosterSettings()
  const year = opts.year ?? (opts.reportIds?.length ? commonYear(project, opts.reportIds) : null) ?? settings.reviewYear
  const roster = project.submissions.roster({ ...settings, reviewYear: year })
  const scoring = project.scoring()
  const rows = new Map(project.submissions.rows(settings, { similarity: project.similarity, findings: scoring.checklist.findings }, scoring).map((r) => [r.submissionId, r]))
  const checklist = scoring.checklist
  const names = new Map(checklist.items.map((i) => [i.id, i.name.zh]))
  const keep = opts.reportIds ? new Set(opts.reportIds.map((id) => project.submissions.submissionOf(id)).filter((x): x is number => x !== null)) : null

  const submitted = (row: SubmissionRow, base: Pick<BatchRow, 'unit' | 'level' | 'state' | 'received' | 'published' | 'daysLate'>): BatchRow => {
    const tags = new Map(row.items.map((i) => [i.id, i]))
    const review = project.reviews.review(row.id)
    return {
      ...base,
      reportId: row.id,
      title: row.title,
      items: checklist.items.map((def) => ({ id: def.id, verdict: tags.get(def.id)?.verdict ?? null, detected: tags.get(def.id)?.status ?? null, optional: !!def.optional })),
      findings: row.findings.map((code) => ({ code, name: findingName(code) })),
      score: row.score,
      grade: row.grade,
      scoreProposed: row.scoreProposed,
      review: row.review,
      overall: row.verdict,
      opinion: review.opinion,
      reviewer: row.reviewer,
      annotations: project.reviews.annotations(row.id).map((a) => ({ itemName: names.get(a.itemId) ?? a.itemId, quote: a.quote, comment: a.comment, createdAt: a.createdAt }))
    }
  }

  const out: BatchRow[] = []
  for (const u of roster.units) {
    if (keep && (u.submissionId === null || !keep.has(u.submissionId))) continue
    const row = u.submissionId !== null ? rows.get(u.submissionId) : undefined
    const base = { unit: u.unit, level: u.level, received: u.received, published: u.published, daysLate: u.daysLate }
    if (row) out.push(submitted(row, { ...base, state: 'submitted' }))
    else
      out.push({
        ...base,
        state: 'missing',
        reportId: null,
        title: null,
        items: checklist.items.map((def) => ({ id: def.id, verdict: null, detected: null, optional: !!def.optional })),
        findings: [],
        score: null,
        grade: null,
        scoreProposed: false,
        review: 'unreviewed',
        overall: null,
        opinion: '',
        reviewer: null,
        annotations: []
      })
  }
  for (const u of roster.unassigned) {
    if (keep && !keep.has(u.submissionId)) continue
    const row = rows.get(u.submissionId)
    if (!row) continue
    out.push(submitted(row, { unit: u.issuer ?? '（未识别单位）', level: row.level, state: 'unassigned', received: row.importedAt.slice(0, 10), published: row.published, daysLate: row.daysLate }))
  }
  const ls = project.letterSettings()
  return {
    year,
    body: (opts.body ?? ls.body).trim(),
    date: chineseDate(opts.now ?? new Date()),
    deadline: `${year + 1}-${settings.publishBy}`,
    checklist,
    rubric: scoring.rubric,
    rows: out,
    notice: ls.notice
  }
}

// Reads a project's reports and the reviewer's work into the documents the exporters write from.

import { ZH } from '../../shared/labels'
import type { Checklist } from '../../shared/models/checklist'
import { chineseDate, type AuditCheck, type ReviewDocument, type ReviewItem } from '../exporters/model'
import type { Project } from '../store/project'
import { reportSimilarity, subjectIndex, type SubjectIndex } from './similarity-service'

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s)

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
    findings: [...r.analysis.findings, ...similarity.findings].map((f) => ({ code: f.code, name: ZH.finding[f.code] ?? f.code, message: f.message })),
    annotations: project.reviews.annotations(reportId).map((a) => ({ itemId: a.itemId, itemName: names.get(a.itemId) ?? a.itemId, quote: a.quote, comment: a.comment, createdAt: a.createdAt })),
    overall: review.overall,
    opinion: review.opinion,
    reviewer,
    date: chineseDate(now),
    audit: project.reviews.auditTrail(reportId),
    auditCheck: check
  }
}


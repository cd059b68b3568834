// The whole project's review data as JSON, for other tools: every report with its metadata, detected
// status and verdict per item, findings, overall verdict, opinion, annotations, score and audit trail.

import type { Checklist } from '../../shared/models/checklist'
import type { ReviewDocument } from './model'

export const REVIEW_DATA_FORMAT = 'report-audit-desk/review-data'

export function reviewDataJson(projectName: string, docs: ReviewDocument[], checklist: Checklist, exportedAt = new Date()): string {
  const data = {
    format: REVIEW_DATA_FORMAT,
    version: 1,
    exportedAt: exportedAt.toISOString(),
    project: projectName,
    // The audit trail's hash chain, checked as the file was written: whole or where it breaks, and its last hash.
    auditCheck: docs[0]?.auditCheck ?? null,
    checklist: { id: checklist.id, name: checklist.name, version: checklist.version, items: checklist.items.map((i) => ({ id: i.id, name: i.name })) },
    reports: docs.map((d) => ({
      id: d.reportId,
      fileName: d.fileName,
      sha256: d.sha256,
      title: d.title,
      issuer: d.issuer,
      level: d.level,
      year: d.year,
      published: d.published,
      completeness: d.completeness,
      // Text copied from the unit's report of the year before: the share and the passages (offsets into each extracted text).
      copiedShare: d.copiedShare,
      similar: d.similar.map(({ file, year, share, passages }) => ({ file, year, share, passages: passages.map(({ start, end, otherStart, otherEnd }) => ({ start, end, otherStart, otherEnd })) })),
      items: d.items.map(({ id, detected, verdict, reason, evidence }) => ({ id, detected, verdict, reason, evidence })),
      findings: d.findings.map(({ code, message }) => ({ code, message })),
      overall: d.overall,
      opinion: d.opinion,
      annotations: d.annotations.map(({ itemId, quote, comment, createdAt }) => ({ itemId, quote, comment, createdAt })),
      score: d.score
        ? {
            rubric: d.score.rubricId,
            total: d.score.total,
            max: d.score.max,
            grade: d.score.grade,
            proposed: d.score.proposed,
            aspects: d.score.aspects.map((a) => ({ id: a.id, max: a.max, proposed: a.proposed, points: a.points, reason: a.adjusted?.reason ?? null }))
          }
        : null,
      audit: d.audit.map(({ id, at, reviewer, action, target, oldValue, newValue, via, hash }) => ({ id, at, reviewer, action, target, oldValue, newValue, via, hash }))
    }))
  }
  return `${JSON.stringify(data, null, 2)}\n`
}

// The batch comparison's results (migration 7): which files are compared (every file of each
// submission's latest version, grouped by unit and year), their shares and passages, the standard
// wording learnt per year, and the reviewer's changes to the standard wording.

import { createHash } from 'node:crypto'
import type { Passage, SimilarityKind } from '../../shared/models/similarity'
import type { ReportFormat } from '../../shared/models/report'
import { unitKey } from '../domain/units'
import type { Db } from './database'
import type { SettingsRepository } from './settings-repository'

/** Which file of a version stands for it when learning the year's wording: the richest format first. */
export const FORMAT_RANK: Record<string, number> = { docx: 0, doc: 1, wps: 1, ofd: 2, pdf: 3, html: 4, mht: 4, md: 5, txt: 6 }

/** A file the comparison takes: one of its submission's latest version. */
export interface CompareSubject {
  reportId: number
  submissionId: number
  /** The unit's reports across years: its unit, else its issuer as a unit name, else the submission alone. */
  family: string
  year: number | null
  /** The first file of its version (by format): counted when learning the year's wording, compared with by others. */
  primary: boolean
  unit: string | null
  title: string | null
  fileName: string
}

export interface StoredSimilarityReport {
  reportId: number
  submissionId: number | null
  year: number | null
  chars: number
  ownChars: number
  lastYearId: number | null
  copiedShare: number | null
  common: Array<{ start: number; end: number }>
  computedAt: string
}

export interface StoredPair {
  reportId: number
  otherId: number
  kind: SimilarityKind
  share: number
  otherShare: number
  chars: number
  passages: Passage[]
  staleYears: Array<{ start: number; end: number }>
}

export interface SimilarityRun {
  computedAt: string
  signature: string
  reports: Array<Omit<StoredSimilarityReport, 'computedAt'>>
  pairs: StoredPair[]
  learned: Array<{ year: number | null; phrase: string; normalized: string; reports: number }>
}

export interface WordingChange {
  normalized: string
  phrase: string
  action: 'add' | 'remove'
  at: string
}

interface SubjectRecord {
  id: number
  submission_id: number
  version: number | null
  format: ReportFormat
  issuer: string | null
  report_year: number | null
  title: string | null
  file_name: string
  unit_id: number | null
  unit: string | null
  sub_year: number | null
}

export class SimilarityRepository {
  constructor(
    private readonly db: Db,
    private readonly settings: SettingsRepository
  ) {}

  /** The files to compare: every file of each submission's latest version. */
  subjects(): CompareSubject[] {
    const rows = this.db
      .prepare<[], SubjectRecord>(
        `SELECT r.id, r.submission_id, r.version, r.format, r.issuer, r.year AS report_year, r.title, r.file_name, s.unit_id, u.name AS unit, s.year AS sub_year
           FROM reports r JOIN submissions s ON s.id = r.submission_id LEFT JOIN units u ON u.id = s.unit_id
          ORDER BY r.submission_id, r.id`
      )
      .all()
    const bySubmission = new Map<number, SubjectRecord[]>()
    for (const r of rows) bySubmission.set(r.submission_id, [...(bySubmission.get(r.submission_id) ?? []), r])
    const out: CompareSubject[] = []
    for (const [submissionId, files] of bySubmission) {
      const latest = Math.max(...files.map((f) => f.version ?? 1))
      const current = files.filter((f) => (f.version ?? 1) === latest).sort((a, b) => (FORMAT_RANK[a.format] ?? 9) - (FORMAT_RANK[b.format] ?? 9) || a.id - b.id)
      const first = current[0]!
      const issuer = files.map((f) => f.issuer).find((x) => x && unitKey(x))
      const family = first.unit_id !== null ? `unit:${first.unit_id}` : issuer ? `issuer:${unitKey(issuer)}` : `submission:${submissionId}`
      for (const f of current) {
        out.push({
          reportId: f.id,
          submissionId,
          family,
          year: f.sub_year ?? first.report_year ?? f.report_year,
          primary: f === first,
          unit: f.unit,
          title: f.title,
          fileName: f.file_name
        })
      }
    }
    return out
  }

  /** What the comparison depends on (the files, their units and years, the reviewer's wording): a change makes the results stale. */
  signature(subjects: CompareSubject[] = this.subjects()): string {
    const h = createHash('sha1')
    for (const s of [...subjects].sort((a, b) => a.reportId - b.reportId)) h.update(`${s.reportId}|${s.family}|${s.year}|${s.primary}\n`)
    for (const w of this.wordingChanges()) h.update(`${w.action}|${w.normalized}\n`)
    return h.digest('hex')
  }

  /** Replaces the results of the last run with these, in one transaction. */
  replace(run: SimilarityRun): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM similarity_pairs; DELETE FROM similarity_reports; DELETE FROM common_learned;')
      const insReport = this.db.prepare(
        `INSERT INTO similarity_reports (report_id, submission_id, year, chars, own_chars, last_year_id, copied_share, common_json, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      for (const r of run.reports) {
        insReport.run(r.reportId, r.submissionId, r.year, r.chars, r.ownChars, r.lastYearId, r.copiedShare, JSON.stringify(r.common.map((c) => [c.start, c.end])), run.computedAt)
      }
      const insPair = this.db.prepare(
        `INSERT OR REPLACE INTO similarity_pairs (report_id, other_id, kind, share, other_share, chars, passages_json, stale_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      for (const p of run.pairs) {
        insPair.run(
          p.reportId,
          p.otherId,
          p.kind,
          p.share,
          p.otherShare,
          p.chars,
          JSON.stringify(p.passages.map((x) => [x.start, x.end, x.otherStart, x.otherEnd])),
          JSON.stringify(p.staleYears.map((x) => [x.start, x.end]))
        )
      }
      const insLearned = this.db.prepare('INSERT INTO common_learned (year, phrase, normalized, reports) VALUES (?, ?, ?, ?)')
      for (const l of run.learned) insLearned.run(l.year, l.phrase, l.normalized, l.reports)
      this.settings.set('similarity.computedAt', run.computedAt)
      this.settings.set('similarity.signature', run.signature)
      this.settings.set('similarity.reports', String(run.reports.length))
    })()
  }

  computedAt(): string | null {
    return this.settings.get('similarity.computedAt')
  }

  storedSignature(): string | null {
    return this.settings.get('similarity.signature')
  }

  storedCount(): number {
    return Number(this.settings.get('similarity.reports') ?? 0)
  }

  report(reportId: number): StoredSimilarityReport | null {
    const r = this.db
      .prepare<[number], { report_id: number; submission_id: number | null; year: number | null; chars: number; own_chars: number; last_year_id: number | null; copied_share: number | null; common_json: string; computed_at: string }>(
        'SELECT * FROM similarity_reports WHERE report_id = ?'
      )
      .get(reportId)
    if (!r) return null
    return {
      reportId: r.report_id,
      submissionId: r.submission_id,
      year: r.year,
      chars: r.chars,
      ownChars: r.own_chars,
      lastYearId: r.last_year_id,
      copiedShare: r.copied_share,
      common: (JSON.parse(r.common_json) as Array<[number, number]>).map(([start, end]) => ({ start, end })),
      computedAt: r.computed_at
    }
  }

  /** The pairs of one report (its share found in each other report), most shared first. */
  pairs(reportId: number): StoredPair[] {
    return this.db
      .prepare<[number], PairRecord>('SELECT * FROM similarity_pairs WHERE report_id = ? ORDER BY share DESC, other_id')
      .all(reportId)
      .map(toPair)
  }

  pair(reportId: number, otherId: number): StoredPair | null {
    const r = this.db.prepare<[number, number], PairRecord>('SELECT * FROM similarity_pairs WHERE report_id = ? AND other_id = ?').get(reportId, otherId)
    return r ? toPair(r) : null
  }

  /** Every same-year pair of a year, one way round (report_id < other_id). */
  sameYearPairs(year: number | null): StoredPair[] {
    return this.db
      .prepare<[number | null], PairRecord>(
        `SELECT p.* FROM similarity_pairs p JOIN similarity_reports s ON s.report_id = p.report_id
          WHERE p.kind = 'same-year' AND p.report_id < p.other_id AND s.year IS ?`
      )
      .all(year)
      .map(toPair)
  }

  /** Per report: the share copied from last year, years left unchanged, and the normalised characters shared with each other report of its year. */
  summaries(reportIds?: readonly number[]): Map<number, { copiedShare: number | null; staleYears: number; shared: number[] }> {
    const out = new Map<number, { copiedShare: number | null; staleYears: number; shared: number[] }>()
    // only these reports' when given (the library making a few rows again)
    const of = reportIds ? ' WHERE report_id IN (SELECT value FROM json_each(?))' : ''
    const args = reportIds ? [JSON.stringify(reportIds)] : []
    for (const r of this.db.prepare<unknown[], { report_id: number; copied_share: number | null }>(`SELECT report_id, copied_share FROM similarity_reports${of}`).all(...args)) {
      out.set(r.report_id, { copiedShare: r.copied_share, staleYears: 0, shared: [] })
    }
    for (const p of this.db.prepare<unknown[], { report_id: number; kind: SimilarityKind; chars: number; stale_json: string }>(`SELECT report_id, kind, chars, stale_json FROM similarity_pairs${of}`).all(...args)) {
      const s = out.get(p.report_id)
      if (!s) continue
      if (p.kind === 'same-year') s.shared.push(p.chars)
      else s.staleYears += (JSON.parse(p.stale_json) as unknown[]).length
    }
    return out
  }

  /** Every pair without its passages (their count and the first only), grouped by report: the library's findings. */
  pairSummaries(): Map<number, PairSummary[]> {
    const out = new Map<number, PairSummary[]>()
    const rows = this.db
      .prepare<[], { report_id: number; other_id: number; kind: SimilarityKind; share: number; chars: number; passages: number; first_start: number | null; first_end: number | null; stale_json: string }>(
        `SELECT report_id, other_id, kind, share, chars, json_array_length(passages_json) AS passages,
                json_extract(passages_json, '$[0][0]') AS first_start, json_extract(passages_json, '$[0][1]') AS first_end, stale_json
           FROM similarity_pairs ORDER BY report_id, chars DESC, other_id`
      )
      .all()
    for (const r of rows) {
      const list = out.get(r.report_id) ?? []
      list.push({
        otherId: r.other_id,
        kind: r.kind,
        share: r.share,
        chars: r.chars,
        passages: r.passages,
        first: r.first_start !== null && r.first_end !== null ? { start: r.first_start, end: r.first_end } : null,
        staleYears: (JSON.parse(r.stale_json) as Array<[number, number]>).map(([start, end]) => ({ start, end }))
      })
      out.set(r.report_id, list)
    }
    return out
  }

  /** The year of each compared file. */
  years(): Map<number, number | null> {
    return new Map(this.db.prepare<[], { report_id: number; year: number | null }>('SELECT report_id, year FROM similarity_reports').all().map((r) => [r.report_id, r.year]))
  }

  learned(): Array<{ year: number | null; phrase: string; normalized: string; reports: number }> {
    return this.db.prepare<[], { year: number | null; phrase: string; normalized: string; reports: number }>('SELECT year, phrase, normalized, reports FROM common_learned ORDER BY year DESC, reports DESC, length(normalized) DESC').all()
  }

  wordingChanges(): WordingChange[] {
    return this.db.prepare<[], WordingChange>('SELECT normalized, phrase, action, at FROM common_wording ORDER BY at, normalized').all()
  }

  /** Records a phrase added to the standard wording or taken off it (the later change of one phrase wins). */
  setWording(change: WordingChange): void {
    this.db.prepare('INSERT INTO common_wording (normalized, phrase, action, at) VALUES (?, ?, ?, ?) ON CONFLICT (normalized) DO UPDATE SET phrase = excluded.phrase, action = excluded.action, at = excluded.at').run(
      change.normalized,
      change.phrase,
      change.action,
      change.at
    )
  }

  /** Forgets the reviewer's change of a phrase (an added phrase removed again). */
  clearWording(normalized: string): void {
    this.db.prepare('DELETE FROM common_wording WHERE normalized = ?').run(normalized)
  }
}

export interface PairSummary {
  otherId: number
  kind: SimilarityKind
  share: number
  chars: number
  passages: number
  first: { start: number; end: number } | null
  staleYears: Array<{ start: number; end: number }>
}

interface PairRecord {
  report_id: number
  other_id: number
  kind: SimilarityKind
  share: number
  other_share: number
  chars: number
  passages_json: string
  stale_json: string
}

function toPair(r: PairRecord): StoredPair {
  return {
    reportId: r.report_id,
    otherId: r.other_id,
    kind: r.kind,
    share: r.share,
    otherShare: r.other_share,
    chars: r.chars,
    passages: (JSON.parse(r.passages_json) as Array<[number, number, number, number]>).map(([start, end, otherStart, otherEnd]) => ({ start, end, otherStart, otherEnd })),
    staleYears: (JSON.parse(r.stale_json) as Array<[number, number]>).map(([start, end]) => ({ start, end }))
  }
}

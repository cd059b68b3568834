// Submissions: one unit's report for one year, with its files grouped into versions. Attaches each
// imported file to its unit (by issuer) and to the right version (by text), and reads the roster and
// the library's rows from them.

import type { FindingCode, ReportFormat, ReportLevel } from '../../shared/models/report'
import type { OverallVerdict, ItemVerdict } from '../../shared/models/review'
import type { ItemTag, PageSource, ReviewState, Roster, RosterRow, RosterSettings, SubmissionFiles, SubmissionRow, UnassignedRow } from '../../shared/models/roster'
import type { ReportRow } from '../../shared/models/library'
import { madeTitle } from '../../shared/report-title'
import type { Checklist, ChecklistFindingsConfig } from '../../shared/models/checklist'
import type { Rubric } from '../../shared/models/rubric'
import { scoreInput, scoreReport } from '../domain/scoring'
import { matchUnit, unitKey } from '../domain/units'
import { comparableText, sameText, sketchSimilarity, SAME_REPORT } from '../domain/sketch'
import { similarityFindingCodes } from '../domain/similarity-findings'
import type { SimilarityRepository } from './similarity-repository'
import type { Db } from './database'
import type { ReportRepository } from './report-repository'
import type { UnitRepository } from './unit-repository'

/** Which file of a version the workspace opens when none holds reviewer work: the richest format first. */
const FORMAT_RANK: Record<string, number> = { docx: 0, doc: 1, wps: 1, ofd: 2, pdf: 3, html: 4, mht: 4, md: 5, txt: 6 }

export const DEFAULT_ROSTER_SETTINGS = { publishBy: '04-01', submitBy: '03-01' } as const

export { madeTitle }

/** Days from the deadline (MM-DD of the year after `year`) to `date`; 0 when on time, null when unknown. */
export function daysAfter(date: string | null, year: number | null, mmdd: string): number | null {
  if (!date || !year) return null
  const deadline = Date.parse(`${year + 1}-${mmdd}T00:00:00Z`)
  const at = Date.parse(`${date.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(deadline) || Number.isNaN(at)) return null
  return Math.max(0, Math.round((at - deadline) / 86_400_000))
}

interface FileRecord {
  id: number
  submission_id: number | null
  version: number | null
  file_name: string
  format: ReportFormat
  imported_at: string
  title: string | null
  issuer: string | null
  level: ReportLevel | null
  year: number | null
  published: string | null
  completeness: number
  checklist_id: string
  summary_json: string
  overall: OverallVerdict | null
  has_opinion: number | null
  verdicts: number
  notes: number
  source_url: string | null
  final_url: string | null
  fetched_at: string | null
  last_modified: string | null
}

interface SubmissionRecord {
  id: number
  unit_id: number | null
  year: number | null
  created_at: string
}

interface Group {
  submission: SubmissionRecord
  files: FileRecord[]
}

export class SubmissionRepository {
  constructor(
    private readonly db: Db,
    private readonly reports: ReportRepository,
    private readonly units: UnitRepository
  ) {}

  /** Stores the fingerprint hashes of a report, so its other versions and formats are found by index. */
  indexSketch(reportId: number, sketch: Uint32Array): void {
    const old = this.db.prepare<[number], { hash: number }>('SELECT hash FROM sketch_hashes WHERE report_id = ?').all(reportId)
    const dec = this.db.prepare('UPDATE sketch_df SET n = n - 1 WHERE hash = ?')
    for (const { hash } of old) dec.run(hash)
    this.db.prepare('DELETE FROM sketch_hashes WHERE report_id = ?').run(reportId)
    const ins = this.db.prepare('INSERT INTO sketch_hashes (hash, report_id) VALUES (?, ?)')
    const inc = this.db.prepare('INSERT INTO sketch_df (hash, n) VALUES (?, 1) ON CONFLICT (hash) DO UPDATE SET n = n + 1')
    for (const h of new Set(sketch)) {
      ins.run(h, reportId)
      inc.run(h)
    }
  }

  /**
   * Reports sharing passages with this fingerprint (through the index), most similar first, above
   * `min`. Hashes most reports hold (standard wording) are left out of the look-up, so its cost stays
   * flat as the project grows; the similarity itself is then computed on the whole fingerprints.
   */
  similar(reportId: number, sketch: Uint32Array, min = SAME_REPORT): Array<{ id: number; similarity: number }> {
    if (!sketch.length) return []
    const reports = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports').get()!.n
    const common = Math.max(20, Math.ceil(reports * 0.02))
    const df = new Map(
      this.db
        .prepare<[string], { hash: number; n: number }>('SELECT hash, n FROM sketch_df WHERE hash IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify([...sketch]))
        .map((r) => [r.hash, r.n])
    )
    const distinctive = [...sketch].filter((h) => (df.get(h) ?? 0) <= common)
    if (!distinctive.length) return []
    // A version shares about as many of its distinctive hashes as of all of them.
    const need = Math.max(1, Math.floor(distinctive.length * min * 0.5))
    const rows = this.db
      .prepare<[string, number, number], { id: number }>(
        `SELECT report_id AS id FROM sketch_hashes WHERE hash IN (SELECT value FROM json_each(?)) AND report_id <> ?
          GROUP BY report_id HAVING count(*) >= ?`
      )
      .all(JSON.stringify(distinctive), reportId, need)
    if (!rows.length) return []
    // The hashes each candidate shares of the whole fingerprint bound its similarity from above (the
    // union of two fingerprints holds at least as many as this one): only those that can reach `min` have
    // their fingerprint read (stored after the analysis, it is a walk through the row's overflow pages).
    const mine = new Set(sketch)
    const shared = new Map(
      this.db
        .prepare<[string, string], { id: number; n: number }>(
          `SELECT report_id AS id, count(*) AS n FROM sketch_hashes WHERE report_id IN (SELECT value FROM json_each(?)) AND hash IN (SELECT value FROM json_each(?))
            GROUP BY report_id`
        )
        .all(JSON.stringify(rows.map((r) => r.id)), JSON.stringify([...mine]))
        .map((r) => [r.id, r.n])
    )
    return rows
      .filter((r) => (shared.get(r.id) ?? 0) / mine.size >= min)
      .map((r) => ({ id: r.id, similarity: sketchSimilarity(sketch, this.reports.sketch(r.id) ?? new Uint32Array()) }))
      .filter((r) => r.similarity >= min)
      .sort((a, b) => b.similarity - a.similarity || a.id - b.id)
  }

  private submission(id: number): SubmissionRecord | null {
    return this.db.prepare<[number], SubmissionRecord>('SELECT * FROM submissions WHERE id = ?').get(id) ?? null
  }

  private createSubmission(unitId: number | null, year: number | null, now: string): number {
    return Number(this.db.prepare('INSERT INTO submissions (unit_id, year, created_at) VALUES (?, ?, ?)').run(unitId, year, now).lastInsertRowid)
  }

  /** A report's text without portal clutter, as versions are compared. */
  comparable(id: number): { text: string; format: string } | null {
    const r = this.reports.get(id)
    const t = this.reports.text(id)
    return r && t ? { text: comparableText(t.text, r.analysis.clutter), format: r.format } : null
  }

  /** The version a report takes in a submission: that of a file with the same text, else the next one. */
  private versionIn(submissionId: number, reportId: number): number {
    const mine = this.comparable(reportId)
    const files = this.db
      .prepare<[number, number], { id: number; version: number | null }>('SELECT id, version FROM reports WHERE submission_id = ? AND id <> ? ORDER BY version DESC, id')
      .all(submissionId, reportId)
    if (mine) {
      for (const f of files) {
        const other = this.comparable(f.id)
        if (other && sameText(mine, other)) return f.version ?? 1
      }
    }
    return Math.max(0, ...files.map((f) => f.version ?? 0)) + 1
  }

  /**
   * Attaches a newly stored report to a submission: to the one holding the same report (another
   * format, a corrected version) when the unit and year agree, else to its unit's submission for the
   * year, else to a submission of its own that waits for the reviewer to pick the unit.
   */
  attach(reportId: number, now = new Date().toISOString()): { submissionId: number; version: number; unitId: number | null } {
    const r = this.reports.get(reportId)
    if (!r) throw new Error(`no report ${reportId}`)
    const sketch = this.reports.sketch(reportId) ?? new Uint32Array()
    this.indexSketch(reportId, sketch)
    const match = matchUnit(r.issuer, this.units.names())
    let submissionId: number | null = null
    // The same report already here (another format or version) whose unit and year agree.
    for (const s of this.similar(reportId, sketch)) {
      const other = this.db.prepare<[number], { submission_id: number | null; year: number | null }>('SELECT submission_id, year FROM reports WHERE id = ?').get(s.id)
      if (!other?.submission_id) continue
      const sub = this.submission(other.submission_id)!
      const yearsAgree = sub.year === null || r.year === null || sub.year === r.year
      const unitsAgree = !match || sub.unit_id === null || sub.unit_id === match.unitId
      if (yearsAgree && unitsAgree) {
        submissionId = sub.id
        if (sub.unit_id === null && match) this.db.prepare('UPDATE submissions SET unit_id = ? WHERE id = ?').run(match.unitId, sub.id)
        if (sub.year === null && r.year !== null) this.db.prepare('UPDATE submissions SET year = ? WHERE id = ?').run(r.year, sub.id)
        break
      }
    }
    if (submissionId === null && match) {
      submissionId = this.db.prepare<[number, number | null], { id: number }>('SELECT id FROM submissions WHERE unit_id = ? AND year IS ? ORDER BY id').get(match.unitId, r.year)?.id ?? null
    }
    submissionId ??= this.createSubmission(match?.unitId ?? null, r.year, now)
    const version = this.versionIn(submissionId, reportId)
    // One UPDATE: each writes the whole row again, its analysis included.
    this.db.prepare('UPDATE reports SET submission_id = ?, version = ? WHERE id = ?').run(submissionId, version, reportId)
    return { submissionId, version, unitId: this.submission(submissionId)!.unit_id }
  }

  /** Reports stored before submissions existed (or left out by a crash): attached in order of arrival. */
  attachMissing(): number {
    const ids = this.db.prepare<[], { id: number }>('SELECT id FROM reports WHERE submission_id IS NULL ORDER BY id').all()
    for (const { id } of ids) this.db.transaction(() => this.attach(id))()
    return ids.length
  }

  /**
   * Tries the unit matcher again on every unattached submission (after the roster was imported or a
   * unit renamed); returns how many found their unit.
   */
  reattach(): number {
    const names = this.units.names()
    let n = 0
    for (const s of this.db.prepare<[], SubmissionRecord>('SELECT * FROM submissions WHERE unit_id IS NULL').all()) {
      const issuers = this.db.prepare<[number], { issuer: string | null }>('SELECT issuer FROM reports WHERE submission_id = ? ORDER BY id').all(s.id)
      const m = issuers.map((i) => matchUnit(i.issuer, names)).find((x) => x)
      if (m) {
        this.assign(s.id, m.unitId, { remember: false })
        n++
      }
    }
    return n
  }

  /**
   * Attaches a submission to a unit (the reviewer's pick from 待归属); the issuer is remembered as the
   * unit's alias so the next report is attached by itself. When the unit already has a submission for
   * that year, the files join it as later versions.
   */
  assign(submissionId: number, unitId: number, opts: { remember?: boolean } = {}): number {
    return this.db.transaction(() => {
      const s = this.submission(submissionId)
      if (!s) throw new Error(`no submission ${submissionId}`)
      if (opts.remember !== false) {
        for (const { issuer } of this.db.prepare<[number], { issuer: string | null }>('SELECT DISTINCT issuer FROM reports WHERE submission_id = ?').all(submissionId)) {
          const unit = this.units.get(unitId)
          if (issuer && unit && unitKey(issuer) !== unitKey(unit.name)) this.units.addAlias(unitId, issuer)
        }
      }
      const existing = this.db
        .prepare<[number, number | null, number], { id: number }>('SELECT id FROM submissions WHERE unit_id = ? AND year IS ? AND id <> ? ORDER BY id')
        .get(unitId, s.year, submissionId)
      if (!existing) {
        this.db.prepare('UPDATE submissions SET unit_id = ? WHERE id = ?').run(unitId, submissionId)
        return submissionId
      }
      const files = this.db.prepare<[number], { id: number }>('SELECT id FROM reports WHERE submission_id = ? ORDER BY version, id').all(submissionId)
      for (const f of files) {
        this.db.prepare('UPDATE reports SET submission_id = ? WHERE id = ?').run(existing.id, f.id)
        this.db.prepare('UPDATE reports SET version = ? WHERE id = ?').run(this.versionIn(existing.id, f.id), f.id)
      }
      this.db.prepare('DELETE FROM submissions WHERE id = ?').run(submissionId)
      return existing.id
    })()
  }

  /** The files of a submission, version by version. */
  files(submissionId: number): SubmissionFiles | null {
    const s = this.submission(submissionId)
    if (!s) return null
    const rows = this.db
      .prepare<[number], { id: number; version: number | null; file_name: string; format: ReportFormat; imported_at: string }>(
        'SELECT id, version, file_name, format, imported_at FROM reports WHERE submission_id = ? ORDER BY version, id'
      )
      .all(submissionId)
    const versions: SubmissionFiles['versions'] = []
    for (const r of rows) {
      const v = r.version ?? 1
      let entry = versions.find((x) => x.version === v)
      if (!entry) versions.push((entry = { version: v, files: [] }))
      entry.files.push({ reportId: r.id, fileName: r.file_name, format: r.format, importedAt: r.imported_at })
    }
    return { submissionId, unitId: s.unit_id, unit: s.unit_id ? (this.units.get(s.unit_id)?.name ?? null) : null, year: s.year, versions }
  }

  /**
   * What a report's submission says of it: the year, the earliest publication date of any of its
   * files and the days late from it, as the library row and the roster count them.
   */
  facts(reportId: number, publishBy: string): { submissionId: number | null; year: number | null; published: string | null; daysLate: number | null } {
    const r = this.db
      .prepare<[number], { submission_id: number | null; year: number | null; sub_year: number | null }>(
        'SELECT r.submission_id, r.year, s.year AS sub_year FROM reports r LEFT JOIN submissions s ON s.id = r.submission_id WHERE r.id = ?'
      )
      .get(reportId)
    if (!r) return { submissionId: null, year: null, published: null, daysLate: null }
    const dates = r.submission_id
      ? this.db.prepare<[number], { published: string | null }>('SELECT published FROM reports WHERE submission_id = ?').all(r.submission_id).map((x) => x.published)
      : [this.db.prepare<[number], { published: string | null }>('SELECT published FROM reports WHERE id = ?').get(reportId)?.published ?? null]
    const year = r.sub_year ?? r.year
    const published = earliest(dates)
    return { submissionId: r.submission_id, year, published, daysLate: daysAfter(published, year, publishBy) }
  }

  /** The submissions these files belong to, each with the first of the files given (in their order). */
  submissionsOf(reportIds: readonly number[]): Array<{ submissionId: number; reportId: number }> {
    if (!reportIds.length) return []
    // Many ids (a common word): every report's submission read from the index on it, not row by row
    // (a report's row is long, and submission_id is stored after its analysis).
    const rows = reportIds.length > 200
      ? this.db.prepare<[], { id: number; submission_id: number | null }>('SELECT id, submission_id FROM reports WHERE submission_id IS NOT NULL').all()
      : this.db.prepare<[string], { id: number; submission_id: number | null }>('SELECT id, submission_id FROM reports WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(reportIds))
    const of = new Map(rows.map((r) => [r.id, r.submission_id]))
    const out = new Map<number, number>()
    for (const id of reportIds) {
      const s = of.get(id)
      if (s != null && !out.has(s)) out.set(s, id)
    }
    return [...out].map(([submissionId, reportId]) => ({ submissionId, reportId }))
  }

  /** The reports the library lists: submissions with a file, and any file not attached yet. */
  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(DISTINCT coalesce(submission_id, -id)) AS n FROM reports').get()!.n
  }

  /** The portal pages among a submission's files, earliest fetched first. */
  pages(submissionId: number): PageSource[] {
    return this.db
      .prepare<[number], PageRecord>('SELECT id, source_url, final_url, fetched_at, last_modified, published FROM reports WHERE submission_id = ? AND source_url IS NOT NULL')
      .all(submissionId)
      .map(pageSource)
      .sort(byFetched)
  }

  submissionOf(reportId: number): number | null {
    return this.db.prepare<[number], { submission_id: number | null }>('SELECT submission_id FROM reports WHERE id = ?').get(reportId)?.submission_id ?? null
  }

  /**
   * Every submission with its files, read in one pass from the index holding the library's columns
   * (migration 12: the reports' own rows are long) and the review tables counted once each.
   */
  private groups(opts: { pages?: boolean; only?: Only } = {}): Group[] {
    // the page's address and times only for the roster: each column read costs at 10,000 rows
    const pages = opts.pages ? 'source_url, final_url, fetched_at, last_modified' : 'NULL AS source_url, NULL AS final_url, NULL AS fetched_at, NULL AS last_modified'
    const only = opts.only
    const files = this.db
      .prepare<unknown[], Omit<FileRecord, 'overall' | 'has_opinion' | 'verdicts' | 'notes'>>(
        `SELECT id, submission_id, version, file_name, format, imported_at, title, issuer, level, year, published,
                completeness, checklist_id, summary_json, ${pages}
           FROM reports WHERE ${only ? 'submission_id IN (SELECT value FROM json_each(?))' : 'submission_id IS NOT NULL'} ORDER BY submission_id, id`
      )
      .all(...(only ? [only.submissions] : []))
    // the review tables for these reports alone when the rows are made for a few submissions
    const ofReports = only ? ` WHERE report_id IN (SELECT value FROM json_each(?))` : ''
    const reportIds = only ? [JSON.stringify(files.map((f) => f.id))] : []
    const reviews = new Map(
      this.db
        .prepare<unknown[], { report_id: number; overall: OverallVerdict | null; has_opinion: number | null }>(`SELECT report_id, overall, (opinion <> '') AS has_opinion FROM report_reviews${ofReports}`)
        .all(...reportIds)
        .map((r) => [r.report_id, r])
    )
    const counts = (sql: string) => new Map(this.db.prepare<unknown[], { report_id: number; n: number }>(sql).all(...reportIds).map((r) => [r.report_id, r.n]))
    const verdicts = counts(`SELECT report_id, count(*) AS n FROM item_verdicts${ofReports} GROUP BY report_id`)
    const notes = counts(`SELECT report_id, count(*) AS n FROM annotations WHERE deleted_at IS NULL${only ? ' AND report_id IN (SELECT value FROM json_each(?))' : ''} GROUP BY report_id`)
    const subs = new Map(
      this.db
        .prepare<unknown[], SubmissionRecord>(`SELECT * FROM submissions${only ? ' WHERE id IN (SELECT value FROM json_each(?))' : ''}`)
        .all(...(only ? [only.submissions] : []))
        .map((s) => [s.id, { submission: s, files: [] as FileRecord[] }])
    )
    for (const f of files as FileRecord[]) {
      // completed in place: 10,000 copies of the row would be as many objects for the collector
      const rv = reviews.get(f.id)
      f.overall = rv?.overall ?? null
      f.has_opinion = rv?.has_opinion ?? null
      f.verdicts = verdicts.get(f.id) ?? 0
      f.notes = notes.get(f.id) ?? 0
      subs.get(f.submission_id!)?.files.push(f)
    }
    return [...subs.values()].filter((g) => g.files.length)
  }

  /** The file of the latest version the workspace opens: the one holding reviewer work, else the richest format. */
  private static representative(g: Group): FileRecord {
    const latest = Math.max(...g.files.map((f) => f.version ?? 1))
    const candidates = g.files.filter((f) => (f.version ?? 1) === latest)
    const worked = (f: FileRecord) => (f.overall ? 2 : f.verdicts || f.notes || f.has_opinion ? 1 : 0)
    return candidates.sort((a, b) => worked(b) - worked(a) || (FORMAT_RANK[a.format] ?? 9) - (FORMAT_RANK[b.format] ?? 9) || a.id - b.id)[0]!
  }

  private static reviewState(f: FileRecord): ReviewState {
    if (f.overall) return 'reviewed'
    return f.verdicts || f.notes || f.has_opinion ? 'in-progress' : 'unreviewed'
  }

  /** Who gave each report's overall verdict (the latest such entry in the audit trail). */
  private overallReviewers(reportIds?: readonly number[]): Map<number, string> {
    const of = reportIds ? ' AND report_id IN (SELECT value FROM json_each(?))' : ''
    return new Map(
      this.db
        .prepare<unknown[], { report_id: number; reviewer: string }>(
          `SELECT report_id, reviewer FROM audit_log WHERE id IN (SELECT max(id) FROM audit_log WHERE action = 'overall'${of} GROUP BY report_id)`
        )
        .all(...(reportIds ? [JSON.stringify(reportIds)] : []))
        .map((r) => [r.report_id, r.reviewer])
    )
  }

  private itemVerdicts(reportIds?: readonly number[]): Map<number, Map<string, ItemVerdict>> {
    const out = new Map<number, Map<string, ItemVerdict>>()
    const of = reportIds ? ' WHERE report_id IN (SELECT value FROM json_each(?))' : ''
    for (const v of this.db.prepare<unknown[], { report_id: number; item_id: string; verdict: ItemVerdict }>(`SELECT report_id, item_id, verdict FROM item_verdicts${of}`).all(...(reportIds ? [JSON.stringify(reportIds)] : []))) {
      const m = out.get(v.report_id) ?? new Map<string, ItemVerdict>()
      m.set(v.item_id, v.verdict)
      out.set(v.report_id, m)
    }
    return out
  }

  /** Every report's points per aspect set by the reviewer. */
  private aspectScores(reportIds?: readonly number[]): Map<number, Map<string, { points: number }>> {
    const out = new Map<number, Map<string, { points: number }>>()
    const of = reportIds ? ' WHERE report_id IN (SELECT value FROM json_each(?))' : ''
    for (const r of this.db.prepare<unknown[], { report_id: number; aspect_id: string; points: number }>(`SELECT report_id, aspect_id, points FROM aspect_scores${of}`).all(...(reportIds ? [JSON.stringify(reportIds)] : []))) {
      const m = out.get(r.report_id) ?? new Map<string, { points: number }>()
      m.set(r.aspect_id, { points: r.points })
      out.set(r.report_id, m)
    }
    return out
  }

  /**
   * One row per submission for the library, through the file of its latest version; with the batch
   * comparison's share and findings when `compared` is given (thresholds from its `findings`), and
   * scored under `scoring` (the project's rubric and checklist) when given. With `submissions`, the
   * rows of those submissions alone (those with no file left have none), made as the whole list makes them.
   */
  rows(
    settings: Pick<RosterSettings, 'publishBy'>,
    compared?: { similarity: SimilarityRepository; findings?: Partial<ChecklistFindingsConfig> },
    scoring?: { rubric: Rubric; checklist: Checklist },
    submissions?: readonly number[]
  ): SubmissionRow[] {
    const only = submissions ? { submissions: JSON.stringify(submissions) } : undefined
    const groups = this.groups({ only })
    const reportIds = only ? groups.flatMap((g) => g.files.map((f) => f.id)) : undefined
    const similar = compared?.similarity.summaries(reportIds) ?? new Map()
    const units = new Map(this.units.list().map((u) => [u.id, u]))
    const reviewers = this.overallReviewers(reportIds)
    const verdicts = this.itemVerdicts(reportIds)
    const adjusted = scoring ? this.aspectScores(reportIds) : new Map<number, Map<string, { points: number }>>()
    return groups.map((g): SubmissionRow => {
      const f = SubmissionRepository.representative(g)
      const unit = g.submission.unit_id ? units.get(g.submission.unit_id) : undefined
      const summary = JSON.parse(f.summary_json) as Pick<ReportRow, 'items' | 'findings'> & { figures?: number }
      const year = g.submission.year ?? f.year
      const published = earliest(g.files.map((x) => x.published))
      const v = verdicts.get(f.id)
      const sim = similar.get(f.id) ?? g.files.map((x) => similar.get(x.id)).find((x) => x)
      const items: ItemTag[] = summary.items.map((i) => ({ id: i.id, status: i.status, verdict: v?.get(i.id) ?? null }))
      const daysLate = daysAfter(published, year, settings.publishBy)
      const own = adjusted.get(f.id)
      const scored = scoring
        ? scoreReport(
            scoring.rubric,
            scoreInput({
              checklist: scoring.checklist,
              detected: summary.items,
              verdicts: v ?? new Map(),
              findings: summary.findings.map((x) => x.code),
              figures: summary.figures ?? null,
              daysLate,
              form: { title: !!f.title, issuer: !!f.issuer, year: year !== null, published: published !== null }
            }),
            own ?? new Map()
          )
        : null
      return {
        id: f.id,
        submissionId: g.submission.id,
        unitId: unit?.id ?? null,
        unit: unit?.name ?? null,
        title: f.title ?? madeTitle(unit?.name ?? f.issuer, year),
        titleMade: !f.title,
        issuer: f.issuer,
        level: unit?.level ?? f.level,
        year,
        published,
        daysLate,
        format: f.format,
        fileName: f.file_name,
        importedAt: f.imported_at,
        files: g.files.length,
        versions: new Set(g.files.map((x) => x.version ?? 1)).size,
        checklistId: f.checklist_id,
        items,
        completeness: f.completeness,
        findings: [...summary.findings.map((x) => x.code as FindingCode), ...(sim ? similarityFindingCodes(sim, compared?.findings) : [])],
        copiedShare: sim?.copiedShare ?? null,
        review: SubmissionRepository.reviewState(f),
        verdict: f.overall,
        reviewer: f.overall ? (reviewers.get(f.id) ?? null) : null,
        score: scored?.total ?? null,
        grade: scored?.grade ?? null,
        scoreProposed: !!scored && !f.overall && !own?.size
      }
    })
  }

  /** Every unit of the roster with its submission for `settings.reviewYear`, the unattached ones, and the figures. */
  roster(settings: RosterSettings): Roster {
    const year = settings.reviewYear
    const reviewers = this.overallReviewers()
    const groups = this.groups({ pages: true }).filter((g) => (g.submission.year ?? SubmissionRepository.representative(g).year) === year)
    const byUnit = new Map<number, Group>()
    const unassigned: UnassignedRow[] = []
    for (const g of groups) {
      if (g.submission.unit_id !== null) byUnit.set(g.submission.unit_id, g)
      else {
        const f = SubmissionRepository.representative(g)
        unassigned.push({
          submissionId: g.submission.id,
          reportId: f.id,
          year: g.submission.year,
          issuer: f.issuer,
          title: f.title ?? madeTitle(f.issuer, year),
          files: g.files.map((x) => ({ reportId: x.id, fileName: x.file_name }))
        })
      }
    }
    const units: RosterRow[] = this.units.list().map((u): RosterRow => {
      const g = byUnit.get(u.id)
      if (!g) {
        return {
          unitId: u.id, unit: u.name, level: u.level, contact: u.contact, submitted: false, submissionId: null, reportId: null, files: 0, versions: 0, received: null, receivedLate: null,
          published: null, daysLate: null, pageUrl: null, pageFetchedAt: null, pagePublished: null, review: 'unreviewed', verdict: null, reviewer: null
        }
      }
      const f = SubmissionRepository.representative(g)
      // Where the report was public: the page seen first (a later fetch says only that it was still there).
      const page = g.files.filter((x) => x.source_url).map(pageSource).sort(byFetched)[0]
      const received = earliest(g.files.map((x) => x.imported_at))?.slice(0, 10) ?? null
      const published = earliest(g.files.map((x) => x.published))
      return {
        unitId: u.id,
        unit: u.name,
        level: u.level,
        contact: u.contact,
        submitted: true,
        submissionId: g.submission.id,
        reportId: f.id,
        files: g.files.length,
        versions: new Set(g.files.map((x) => x.version ?? 1)).size,
        received,
        // The import date stands for the day it reached the office only while the year's reports are being
        // collected (the year after the report year); a report imported later says nothing about lateness.
        receivedLate: u.level === 'department' && received?.startsWith(String(year + 1)) ? daysAfter(received, year, settings.submitBy) : null,
        published,
        daysLate: daysAfter(published, year, settings.publishBy),
        pageUrl: page?.url ?? null,
        pageFetchedAt: page?.fetchedAt ?? null,
        pagePublished: page?.published ?? null,
        review: SubmissionRepository.reviewState(f),
        verdict: f.overall,
        reviewer: f.overall ? (reviewers.get(f.id) ?? null) : null
      }
    })
    const submitted = units.filter((u) => u.submitted)
    return {
      year,
      settings,
      units,
      unassigned,
      figures: {
        units: units.length,
        submitted: submitted.length,
        onTime: submitted.filter((u) => u.daysLate === 0).length,
        late: submitted.filter((u) => (u.daysLate ?? 0) > 0).length,
        reviewed: submitted.filter((u) => u.review === 'reviewed').length,
        passed: submitted.filter((u) => u.verdict === 'pass').length
      }
    }
  }

  /** The years the project holds reports for, newest first. */
  years(): number[] {
    return this.db
      .prepare<[], { year: number }>('SELECT DISTINCT coalesce(s.year, r.year) AS year FROM reports r LEFT JOIN submissions s ON s.id = r.submission_id WHERE coalesce(s.year, r.year) IS NOT NULL ORDER BY year DESC')
      .all()
      .map((r) => r.year)
  }
}

/** Submissions to read alone, as a JSON array for json_each. */
interface Only {
  submissions: string
}

type PageRecord = Pick<FileRecord, 'id' | 'source_url' | 'final_url' | 'fetched_at' | 'last_modified' | 'published'>

function pageSource(f: PageRecord): PageSource {
  return { reportId: f.id, url: f.source_url!, finalUrl: f.final_url, fetchedAt: f.fetched_at ?? '', lastModified: f.last_modified, published: f.published }
}

const byFetched = (a: PageSource, b: PageSource) => a.fetchedAt.localeCompare(b.fetchedAt) || a.reportId - b.reportId

function earliest(values: Array<string | null>): string | null {
  const v = values.filter((x): x is string => !!x).sort()
  return v[0] ?? null
}


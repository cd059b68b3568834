// SimilarityApi: copied text between reports. The comparison runs as a job ('compare') after each
// import and on demand, on its own worker threads, and is stored; everything read here comes from the
// stored results, so the workspace opens at once. The findings are made when read, with the active
// checklist's thresholds.

import { AppError } from '../../shared/errors'
import type { SimilarityApi } from '../../shared/ipc/contract'
import type { ChecklistFindingsConfig } from '../../shared/models/checklist'
import type { JobSnapshotOf } from '../../shared/models/job'
import type { CommonWording, ComparePair, CompareSide, ReportSimilarity, SharedPassage, SimilarReport, SimilarityStatus } from '../../shared/models/similarity'
import { matchText, normalizedPhrase } from '../domain/similarity'
import { similarityFindings } from '../domain/similarity-findings'
import { STANDARD_WORDING } from '../domain/standard-wording'
import type { JobManager } from '../jobs/job-manager'
import { createComparePool, type ComparePool } from '../pipeline/compare-pool'
import { compareProject } from '../pipeline/compare-project'
import type { Project } from '../store/project'
import type { CompareSubject, PairSummary, StoredPair } from '../store/similarity-repository'
import type { Finding } from '../../shared/models/report'
import type { Workspace } from './workspace'

/** Learnt wording listed per year: the most widespread first (the rest still counts). */
const LEARNED_LISTED = 100
const SHARED_LISTED = 200

function notFound(reportId: number): AppError {
  return new AppError('not-found', `项目中没有编号为 ${reportId} 的报告。`)
}

function label(s: CompareSubject | undefined, fallback: string): string {
  return s?.unit ?? s?.title ?? fallback
}

/** Whether the reports (or the reviewer's wording) changed since the last comparison. */
export function similarityStale(project: Project): boolean {
  const subjects = project.similarity.subjects()
  if (!subjects.length) return false
  return project.similarity.signature(subjects) !== project.similarity.storedSignature()
}

/** The compared files by report id: read once when many reports' comparisons are read together (an export). */
export type SubjectIndex = Map<number, CompareSubject>

export function subjectIndex(project: Project): SubjectIndex {
  return new Map(project.similarity.subjects().map((s) => [s.reportId, s]))
}

/** One report's comparison with the batch, from the stored results; findings with these thresholds. */
export function reportSimilarity(
  project: Project,
  reportId: number,
  config: Partial<ChecklistFindingsConfig> | undefined,
  stale = similarityStale(project),
  index?: SubjectIndex
): ReportSimilarity {
  const report = project.reports.get(reportId)
  if (!report) throw notFound(reportId)
  const stored = project.similarity.report(reportId)
  const empty: ReportSimilarity = { reportId, year: report.year, computedAt: null, stale, copiedShare: null, lastYear: null, sameYear: [], common: [], findings: [] }
  if (!stored) return empty
  const subjects = index ?? subjectIndex(project)
  const similar = (p: StoredPair): SimilarReport => {
    const s = subjects.get(p.otherId)
    const other = s ? null : project.reports.get(p.otherId)
    return {
      kind: p.kind,
      reportId: p.otherId,
      submissionId: s?.submissionId ?? null,
      unit: s?.unit ?? other?.issuer ?? null,
      year: s?.year ?? other?.year ?? null,
      title: s?.title ?? other?.title ?? s?.fileName ?? other?.fileName ?? '',
      fileName: s?.fileName ?? other?.fileName ?? '',
      share: p.share,
      otherShare: p.otherShare,
      passages: p.passages
    }
  }
  const pairs = project.similarity.pairs(reportId)
  const last = pairs.find((p) => p.kind === 'last-year') ?? null
  // One entry per other unit: the file it shares most with.
  const byUnit = new Map<string, StoredPair>()
  for (const p of pairs.filter((x) => x.kind === 'same-year')) {
    const key = subjects.get(p.otherId)?.family ?? `report:${p.otherId}`
    const seen = byUnit.get(key)
    if (!seen || p.chars > seen.chars) byUnit.set(key, p)
  }
  const same = [...byUnit.values()].sort((a, b) => b.chars - a.chars || a.otherId - b.otherId)
  const text = project.reports.text(reportId)?.text ?? ''
  const findings = similarityFindings(
    {
      year: stored.year,
      lastYear: last ? { year: subjects.get(last.otherId)?.year ?? null, label: label(subjects.get(last.otherId), '本单位'), share: last.share, passages: last.passages.length, first: last.passages[0] ?? null } : null,
      sameYear: same.map((p) => ({ label: label(subjects.get(p.otherId), `第 ${p.otherId} 号报告`), chars: p.chars, share: p.share, passages: p.passages.length, first: p.passages[0] ?? null })),
      staleYears: (last?.staleYears ?? []).map((y) => ({ ...y, text: text.slice(y.start, y.end) }))
    },
    config
  )
  return {
    reportId,
    year: stored.year,
    computedAt: stored.computedAt,
    stale,
    copiedShare: stored.copiedShare,
    lastYear: last ? similar(last) : null,
    sameYear: same.map(similar),
    common: stored.common,
    findings
  }
}

/** The batch findings of every compared file at once, for the library's rows. */
export function batchFindings(project: Project, config: Partial<ChecklistFindingsConfig> | undefined): Map<number, Finding[]> {
  const subjects = new Map(project.similarity.subjects().map((s) => [s.reportId, s]))
  const years = project.similarity.years()
  const out = new Map<number, Finding[]>()
  for (const [reportId, pairs] of project.similarity.pairSummaries()) {
    const last = pairs.find((p) => p.kind === 'last-year') ?? null
    const byUnit = new Map<string, PairSummary>()
    for (const p of pairs.filter((x) => x.kind === 'same-year')) {
      const key = subjects.get(p.otherId)?.family ?? `report:${p.otherId}`
      const seen = byUnit.get(key)
      if (!seen || p.chars > seen.chars) byUnit.set(key, p)
    }
    const text = last?.staleYears.length ? (project.reports.text(reportId)?.text ?? '') : ''
    const findings = similarityFindings(
      {
        year: years.get(reportId) ?? null,
        lastYear: last ? { year: subjects.get(last.otherId)?.year ?? null, label: label(subjects.get(last.otherId), '本单位'), share: last.share, passages: last.passages, first: last.first } : null,
        sameYear: [...byUnit.values()].map((p) => ({ label: label(subjects.get(p.otherId), `第 ${p.otherId} 号报告`), chars: p.chars, share: p.share, passages: p.passages, first: p.first })),
        staleYears: (last?.staleYears ?? []).map((y) => ({ ...y, text: text.slice(y.start, y.end) }))
      },
      config
    )
    if (findings.length) out.set(reportId, findings)
  }
  return out
}

export class SimilarityService implements SimilarityApi {
  private running: { id: string; project: Project } | null = null

  constructor(
    private readonly ws: Workspace,
    private readonly jobs: JobManager,
    private readonly pool: () => ComparePool = () => createComparePool()
  ) {}

  async status(): Promise<SimilarityStatus> {
    const p = this.ws.project
    return {
      computedAt: p.similarity.computedAt(),
      stale: similarityStale(p),
      reports: p.similarity.storedCount(),
      jobId: this.running?.project === p ? this.running.id : null
    }
  }

  async run(): Promise<JobSnapshotOf<'compare'>> {
    const project = this.ws.project
    const previous = this.running
    if (previous) {
      this.jobs.cancel(previous.id)
      await this.jobs.wait(previous.id).catch(() => null)
    }
    const snapshot = this.jobs.start('compare', async (ctx) => {
      const pool = this.pool()
      try {
        return await compareProject(project, pool, { signal: ctx.signal, onProgress: (p) => ctx.update({ total: p.total, done: p.done }) })
      } finally {
        await pool.close()
      }
    })
    this.running = { id: snapshot.id, project }
    void this.jobs.wait(snapshot.id).then(() => {
      if (this.running?.id === snapshot.id) this.running = null
    })
    return snapshot
  }

  async report(reportId: number): Promise<ReportSimilarity> {
    return reportSimilarity(this.ws.project, reportId, this.ws.activeChecklist().findings)
  }

  async pair(reportId: number, otherId: number): Promise<ComparePair> {
    const p = this.ws.project
    const stored = p.similarity.pair(reportId, otherId)
    if (!stored) throw new AppError('not-found', '这两份报告之间没有找到相同的文字（或尚未比对）。')
    const subjects = new Map(p.similarity.subjects().map((s) => [s.reportId, s]))
    const side = (id: number): CompareSide => {
      const r = p.reports.get(id)
      const t = p.reports.text(id)
      if (!r || !t) throw notFound(id)
      const s = subjects.get(id)
      return {
        reportId: id,
        title: r.title ?? r.fileName,
        unit: s?.unit ?? r.issuer,
        year: s?.year ?? r.year,
        fileName: r.fileName,
        text: t.text,
        blocks: t.blocks,
        common: p.similarity.report(id)?.common ?? []
      }
    }
    return { kind: stored.kind, report: side(reportId), other: side(otherId), share: stored.share, otherShare: stored.otherShare, passages: stored.passages, staleYears: stored.staleYears }
  }

  async shared(year?: number | null): Promise<SharedPassage[]> {
    const p = this.ws.project
    const y = year ?? p.rosterSettings().reviewYear
    const subjects = new Map(p.similarity.subjects().map((s) => [s.reportId, s]))
    // One file per unit (the first of its latest version): a Word file and its PDF are one unit's text.
    const pairs = p.similarity.sameYearPairs(y).filter((x) => subjects.get(x.reportId)?.primary && subjects.get(x.otherId)?.primary)
    // Passages linked through the pairs and through overlapping in one text are one shared passage.
    const nodes: Array<{ reportId: number; start: number; end: number }> = []
    const parent: number[] = []
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
    const union = (a: number, b: number) => {
      parent[find(a)] = find(b)
    }
    const add = (reportId: number, start: number, end: number) => {
      nodes.push({ reportId, start, end })
      parent.push(parent.length)
      return nodes.length - 1
    }
    for (const pair of pairs) for (const x of pair.passages) union(add(pair.reportId, x.start, x.end), add(pair.otherId, x.otherStart, x.otherEnd))
    const byReport = new Map<number, number[]>()
    nodes.forEach((n, i) => byReport.set(n.reportId, [...(byReport.get(n.reportId) ?? []), i]))
    for (const list of byReport.values()) {
      list.sort((a, b) => nodes[a]!.start - nodes[b]!.start)
      let reach = -1
      let last = -1
      for (const i of list) {
        if (nodes[i]!.start < reach) union(i, last)
        if (nodes[i]!.end > reach) {
          reach = nodes[i]!.end
          last = i
        }
      }
    }
    const groups = new Map<number, number[]>()
    nodes.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]))
    const texts = new Map<number, string>()
    const textOf = (id: number) => {
      if (!texts.has(id)) texts.set(id, p.reports.text(id)?.text ?? '')
      return texts.get(id)!
    }
    const out: SharedPassage[] = []
    for (const members of groups.values()) {
      const spans = new Map<number, { start: number; end: number }>()
      for (const i of members) {
        const n = nodes[i]!
        const s = spans.get(n.reportId)
        spans.set(n.reportId, s ? { start: Math.min(s.start, n.start), end: Math.max(s.end, n.end) } : { start: n.start, end: n.end })
      }
      if (spans.size < 2) continue
      const reports = [...spans].map(([reportId, r]) => {
        const s = subjects.get(reportId)
        return { reportId, unit: s?.unit ?? null, title: s?.title ?? s?.fileName ?? '', start: r.start, end: r.end }
      })
      const longest = reports.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a))
      const text = textOf(longest.reportId).slice(longest.start, longest.end)
      out.push({ year: y, text, chars: matchText(text).codes.length, reports: reports.sort((a, b) => a.reportId - b.reportId) })
    }
    return out.sort((a, b) => b.reports.length - a.reports.length || b.chars - a.chars).slice(0, SHARED_LISTED)
  }

  async commonWording(): Promise<CommonWording[]> {
    const p = this.ws.project
    const changes = p.similarity.wordingChanges()
    const removed = changes.filter((c) => c.action === 'remove').map((c) => c.normalized)
    const builtin: CommonWording[] = STANDARD_WORDING.filter((w) => !removed.includes(normalizedPhrase(w))).map((phrase) => ({ phrase, source: 'builtin', reports: null, year: null }))
    const reviewer: CommonWording[] = changes.filter((c) => c.action === 'add').map((c) => ({ phrase: c.phrase, source: 'reviewer', reports: null, year: null }))
    const perYear = new Map<number | null, number>()
    const learned: CommonWording[] = []
    for (const l of p.similarity.learned()) {
      if (removed.some((e) => e.includes(l.normalized) || l.normalized.includes(e))) continue
      const n = perYear.get(l.year) ?? 0
      if (n >= LEARNED_LISTED) continue
      perYear.set(l.year, n + 1)
      learned.push({ phrase: l.phrase, source: 'learned', reports: l.reports, year: l.year })
    }
    return [...builtin, ...reviewer, ...learned]
  }

  async addCommonWording(phrase: string): Promise<CommonWording[]> {
    const normalized = normalizedPhrase(phrase)
    if (normalized.length < 4) throw new AppError('invalid-argument', `「${phrase}」去掉标点和空格后不足 4 个字，无法作为标准用语。`)
    const p = this.ws.project
    const change = p.similarity.wordingChanges().find((c) => c.normalized === normalized)
    const builtin = STANDARD_WORDING.some((w) => normalizedPhrase(w) === normalized)
    if (change?.action === 'remove' || builtin) p.similarity.clearWording(normalized)
    if (!builtin) p.similarity.setWording({ normalized, phrase: phrase.trim(), action: 'add', at: new Date().toISOString() })
    await this.run()
    return this.commonWording()
  }

  async removeCommonWording(phrase: string): Promise<CommonWording[]> {
    const normalized = normalizedPhrase(phrase)
    const p = this.ws.project
    const change = p.similarity.wordingChanges().find((c) => c.normalized === normalized)
    if (change?.action === 'add') p.similarity.clearWording(normalized)
    else p.similarity.setWording({ normalized, phrase: phrase.trim(), action: 'remove', at: new Date().toISOString() })
    await this.run()
    return this.commonWording()
  }
}

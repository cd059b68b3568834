// Compares a project's reports as a batch and stores the results: every file of each submission's
// latest version against its unit's report of the year before, and against the other units' reports
// of its year that share text with it. Each year's standard wording is learnt from that year's
// reports only, so importing last year's reports for comparison changes nothing of this year's
// figures but the share copied from last year. Used by the app's job and `report-audit export`.

import type { JobResults } from '../../shared/models/job'
import { normalizedPhrase } from '../domain/similarity'
import { STANDARD_WORDING } from '../domain/standard-wording'
import type { Project } from '../store/project'
import type { SimilarityRun, StoredPair } from '../store/similarity-repository'
import { compareBatch, type BatchReport, type BatchRequest } from './compare-batch'
import type { ComparePool } from './compare-pool'

export interface CompareProjectOptions {
  signal?: AbortSignal
  onProgress?: (p: { done: number; total: number }) => void
  now?: () => Date
}

/** The standard wording in force: the built-in list less what the reviewer took off, plus what they added. */
export function standardWording(project: Project): { wording: string[]; excluded: string[] } {
  const changes = project.similarity.wordingChanges()
  const removed = new Set(changes.filter((c) => c.action === 'remove').map((c) => c.normalized))
  return {
    wording: [...STANDARD_WORDING.filter((p) => !removed.has(normalizedPhrase(p))), ...changes.filter((c) => c.action === 'add').map((c) => c.phrase)],
    excluded: [...removed]
  }
}

export async function compareProject(project: Project, pool: ComparePool, opts: CompareProjectOptions = {}): Promise<JobResults['compare']> {
  const subjects = project.similarity.subjects()
  const signature = project.similarity.signature(subjects)
  const years = [...new Set(subjects.map((s) => s.year))]
  const families = [...new Set(subjects.map((s) => s.family))]
  const reports: BatchReport[] = subjects.map((s) => {
    const text = project.reports.text(s.reportId)?.text ?? ''
    const clutter = project.reports.get(s.reportId)?.analysis.clutter ?? []
    return { text, clutter, group: years.indexOf(s.year), learn: s.primary, family: families.indexOf(s.family) }
  })
  // Each file against the first file of its unit's latest version of the year before.
  const primaryOf = new Map(subjects.flatMap((s, i) => (s.primary ? [[`${s.family}|${s.year}`, i] as const] : [])))
  const pairs: BatchRequest['pairs'] = []
  const lastYearOf = new Map<number, number>()
  subjects.forEach((s, i) => {
    if (s.year === null) return
    const b = primaryOf.get(`${s.family}|${s.year - 1}`)
    if (b === undefined) return
    pairs.push({ a: i, b, otherYear: s.year - 1 })
    lastYearOf.set(i, b)
  })
  const searches = years.map((y) => ({ members: subjects.flatMap((s, i) => (s.year === y ? [i] : [])) })).filter((s) => s.members.length > 1)
  const { wording, excluded } = standardWording(project)
  const result = await compareBatch({ reports, pairs, searches, wording, excluded }, pool, {
    signal: opts.signal,
    onProgress: (p) => opts.onProgress?.({ done: p.done, total: p.total })
  })
  if (opts.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' })

  const computedAt = (opts.now?.() ?? new Date()).toISOString()
  const stored: StoredPair[] = []
  const copied = new Map<number, number>()
  for (const p of result.pairs) {
    const a = subjects[p.a]!
    const b = subjects[p.b]!
    const chars = (i: number, share: number) => Math.round(share * result.own[i]!)
    if (p.explicit) {
      copied.set(p.a, p.share)
      stored.push({ reportId: a.reportId, otherId: b.reportId, kind: 'last-year', share: p.share, otherShare: p.otherShare, chars: chars(p.a, p.share), passages: p.passages, staleYears: p.staleYears })
    } else {
      stored.push({ reportId: a.reportId, otherId: b.reportId, kind: 'same-year', share: p.share, otherShare: p.otherShare, chars: chars(p.a, p.share), passages: p.passages, staleYears: [] })
      stored.push({
        reportId: b.reportId,
        otherId: a.reportId,
        kind: 'same-year',
        share: p.otherShare,
        otherShare: p.share,
        chars: chars(p.b, p.otherShare),
        passages: p.passages.map((x) => ({ start: x.otherStart, end: x.otherEnd, otherStart: x.start, otherEnd: x.end })).sort((x, y) => x.start - y.start),
        staleYears: []
      })
    }
  }
  const run: SimilarityRun = {
    computedAt,
    signature,
    reports: subjects.map((s, i) => ({
      reportId: s.reportId,
      submissionId: s.submissionId,
      year: s.year,
      chars: result.chars[i]!,
      ownChars: result.own[i]!,
      lastYearId: lastYearOf.has(i) ? subjects[lastYearOf.get(i)!]!.reportId : null,
      copiedShare: copied.get(i) ?? null,
      common: result.common[i]!
    })),
    pairs: stored,
    learned: result.learned.flatMap((list, g) => list.map((w) => ({ year: years[g] ?? null, phrase: w.text, normalized: w.normalized, reports: w.reports })))
  }
  // The project may have been closed (switched) while the threads worked: nothing to write to then.
  if (!project.db.open) return { reports: subjects.length, pairs: stored.length, computedAt }
  project.similarity.replace(run)
  return { reports: subjects.length, pairs: result.pairs.length, computedAt }
}

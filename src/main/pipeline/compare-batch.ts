// The batch comparison: prepares every report on the compare pool, learns each year's standard
// wording from its reports, finds the pairs that share text through their fingerprints (no pair is
// aligned unless they share some), and aligns those and the explicitly asked ones (each report against
// its unit's report of the year before). Shared by the app's job, `report-audit check --compare-with`
// and the benchmark.

import { maskRanges, normalizedPhrase, ownChars, toExtracted } from '../domain/similarity'
import type { Passage } from '../../shared/models/similarity'
import type { ComparePool } from './compare-pool'
import type { AlignedPair, CompareReply, FingerprintLayout, GroupResult, GroupTask, PreparedFingerprints, TextLayout } from './compare-tasks'

type Range = { start: number; end: number }

export interface BatchReport {
  text: string
  /** Portal clutter: not report text, never compared. */
  clutter: Range[]
  /** Its group (the year): standard wording is learnt per group, from the group's reports only. */
  group: number
  /** Counted when learning the group's standard wording (one report per unit: its latest version's first file). */
  learn: boolean
  /** Reports of one family (the files and versions of one unit's submission) are never paired with each other. */
  family: number
}

export interface BatchRequest {
  reports: BatchReport[]
  /** Pairs to align whatever they share: a against b, looking for b's year left in a when `otherYear` is given. */
  pairs: Array<{ a: number; b: number; otherYear: number | null }>
  /** Pairs to find by shared fingerprints: among `members` (of different families), or between `members` and `across`. */
  searches: Array<{ members: number[]; across?: number[] }>
  /** Standard wording besides what is learnt: the built-in list and the reviewer's additions. */
  wording: string[]
  /** Normalised learnt wording the reviewer took off the list: never learnt again. */
  excluded: string[]
}

export interface BatchPair {
  a: number
  b: number
  /** Asked for explicitly (last year's report), as opposed to found sharing text. */
  explicit: boolean
  share: number
  otherShare: number
  passages: Passage[]
  staleYears: Range[]
}

export interface LearnedWording {
  /** As the first report it was found in writes it. */
  text: string
  normalized: string
  reports: number
}

export interface BatchResult {
  /** Normalised characters of each report, and those that are not standard wording (the denominator of its shares). */
  chars: number[]
  own: number[]
  /** Standard wording in each report's extracted text. */
  common: Range[][]
  /** Per group, the wording learnt from its reports, most widespread first. */
  learned: LearnedWording[][]
  pairs: BatchPair[]
}

export interface BatchOptions {
  signal?: AbortSignal
  onProgress?: (p: { done: number; total: number; phase: 'prepare' | 'align' }) => void
}

/** A fingerprint in at least this share of a group's reports (and at least LEARN_MIN of them) is standard wording. */
export const LEARN_SHARE = 0.15
export const LEARN_MIN = 4
/** Characters of text per prepare task and pairs per align task: small enough to balance the threads. */
const PREPARE_CHARS = 200_000
const ALIGN_PAIRS = 48

export function learnThreshold(reports: number): number {
  return Math.max(LEARN_MIN, Math.ceil(reports * LEARN_SHARE))
}

function aborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' })
}

/** Runs tasks on the pool with at most `inFlight` outstanding, in order of submission. */
async function runAll<T>(tasks: Array<() => Promise<T>>, inFlight: number, signal: AbortSignal | undefined, each: (r: T) => void): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.max(1, inFlight) }, async () => {
    while (next < tasks.length) {
      aborted(signal)
      const t = tasks[next++]!
      each(await t())
    }
  })
  await Promise.all(lanes)
}

export async function compareBatch(req: BatchRequest, pool: ComparePool, opts: BatchOptions = {}): Promise<BatchResult> {
  const n = req.reports.length
  const groups = Math.max(0, ...req.reports.map((r) => r.group + 1))
  const offsets = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + Math.min(req.reports[i]!.text.length, 2 ** 21 - 1)
  const total = offsets[n]!
  const text: TextLayout = {
    offsets,
    codes: new SharedArrayBuffer(total * 2),
    raw: new SharedArrayBuffer(total * 2),
    map: new SharedArrayBuffer(total * 4),
    breaks: new SharedArrayBuffer(total),
    mask: new SharedArrayBuffer(total),
    lengths: new SharedArrayBuffer(n * 4)
  }
  await pool.broadcast({ type: 'init', layout: text })

  // 1. Normalise and fingerprint every report.
  const prepared: PreparedFingerprints[] = new Array(n)
  const chunks: number[][] = []
  for (let i = 0, chars = 0; i < n; i++) {
    if (!chunks.length || chars >= PREPARE_CHARS) {
      chunks.push([])
      chars = 0
    }
    chunks[chunks.length - 1]!.push(i)
    chars += req.reports[i]!.text.length
  }
  let done = 0
  let totalWork = n
  const progress = (phase: 'prepare' | 'align') => opts.onProgress?.({ done, total: totalWork, phase })
  await runAll(
    chunks.map((c) => () => pool.run({ type: 'prepare', items: c.map((index) => ({ index, text: req.reports[index]!.text, clutter: req.reports[index]!.clutter })) })),
    pool.threads * 2,
    opts.signal,
    (r) => {
      if (r.type !== 'prepared') return
      for (const it of r.items) prepared[it.index] = it
      done += r.items.length
      progress('prepare')
    }
  )
  aborted(opts.signal)

  aborted(opts.signal)

  // 2. Every report's fingerprints where all threads read them.
  const fpOffsets = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) fpOffsets[i + 1] = fpOffsets[i]! + prepared[i]!.hashes.length
  const fpLayout: FingerprintLayout = {
    fpOffsets,
    hashes: new SharedArrayBuffer(fpOffsets[n]! * 4),
    positions: new SharedArrayBuffer(fpOffsets[n]! * 4),
    groups: Int32Array.from(req.reports, (r) => r.group),
    families: Int32Array.from(req.reports, (r) => r.family)
  }
  const allHashes = new Uint32Array(fpLayout.hashes)
  const allPositions = new Int32Array(fpLayout.positions)
  for (let i = 0; i < n; i++) {
    allHashes.set(prepared[i]!.hashes, fpOffsets[i]!)
    allPositions.set(prepared[i]!.positions, fpOffsets[i]!)
  }
  await pool.broadcast({ type: 'fingerprints', layout: fpLayout })

  // 3. Per group (year), on the threads: its standard wording learnt, its pairs sharing text found.
  const fixed = req.wording.map(normalizedPhrase).filter((p) => p.length >= 4)
  const excluded = req.excluded.filter((e) => e.length >= 4)
  const tasks: GroupTask[] = Array.from({ length: groups }, (_, g) => {
    const learners = req.reports.flatMap((r, i) => (r.group === g && r.learn ? [i] : []))
    const members = req.reports.reduce((m, r) => m + (r.group === g ? 1 : 0), 0)
    return { group: g, learners, threshold: learnThreshold(learners.length), fixed, excluded, searches: [], cap: Math.max(32, learnThreshold(members)) }
  })
  for (const s of req.searches) if (s.members.length) tasks[req.reports[s.members[0]!]!.group]!.searches.push(s)
  const byGroup: GroupResult[] = new Array(groups)
  await runAll(
    tasks.map((task) => () => pool.run({ type: 'group', task })),
    pool.threads * 2,
    opts.signal,
    (r) => {
      if (r.type === 'group') byGroup[r.result.group] = r.result
    }
  )
  const learned: LearnedWording[][] = byGroup.map((g) =>
    g.learned.map((w) => ({ normalized: w.normalized, reports: w.reports, text: req.reports[w.report]!.text.slice(w.start, w.end) }))
  )
  await pool.broadcast({ type: 'wording', sets: byGroup.map((g) => g.wording) })

  // 4. The pairs to align: the ones asked for, and those found sharing text.
  const pairs: Array<{ a: number; b: number; year: number; explicit: boolean }> = []
  const taken = new Set<number>()
  for (const p of req.pairs) {
    if (p.a === p.b) continue
    taken.add(p.a * n + p.b)
    pairs.push({ a: p.a, b: p.b, year: p.otherYear ?? 0, explicit: true })
  }
  for (const g of byGroup) {
    for (let k = 0; k + 1 < g.pairs.length; k += 2) {
      const a = g.pairs[k]!
      const b = g.pairs[k + 1]!
      if (taken.has(a * n + b) || taken.has(b * n + a)) continue
      taken.add(a * n + b)
      pairs.push({ a, b, year: 0, explicit: false })
    }
  }
  aborted(opts.signal)

  // 5. Standard wording marked in every report, then the pairs aligned.
  const maskChunks: number[][] = []
  for (let i = 0; i < n; i += 32) maskChunks.push(Array.from({ length: Math.min(32, n - i) }, (_, k) => i + k))
  await runAll(
    maskChunks.map((indices) => () => pool.run({ type: 'mask', indices })),
    pool.threads * 2,
    opts.signal,
    () => {}
  )
  totalWork = n + pairs.length
  const results: AlignedPair[] = []
  const alignTasks: Array<() => Promise<CompareReply>> = []
  for (let i = 0; i < pairs.length; i += ALIGN_PAIRS) {
    const chunk = pairs.slice(i, i + ALIGN_PAIRS)
    const msg = { type: 'align' as const, pairs: Int32Array.from(chunk.flatMap((p) => [p.a, p.b, p.year])) }
    alignTasks.push(() => pool.run(msg))
  }
  await runAll(alignTasks, pool.threads * 2, opts.signal, (r) => {
    if (r.type !== 'aligned') return
    results.push(...r.pairs)
    done += r.pairs.length
    progress('align')
  })
  aborted(opts.signal)

  const map = new Int32Array(text.map)
  const explicit = new Set(pairs.filter((p) => p.explicit).map((p) => p.a * n + p.b))
  const maskAll = new Uint8Array(text.mask)
  return {
    chars: prepared.map((p) => p.length),
    own: req.reports.map((_, i) => ownChars(prepared[i]!.length, maskAll.subarray(offsets[i]!, offsets[i]! + prepared[i]!.length))),
    common: req.reports.map((_, i) => {
      const at = offsets[i]!
      const len = prepared[i]!.length
      return maskRanges(maskAll.subarray(at, at + len)).map(([s, e]) => toExtracted({ map: map.subarray(at, at + len) }, s, e))
    }),
    learned,
    pairs: results
      .filter((r) => r.passages.length || explicit.has(r.a * n + r.b))
      .map((r) => {
        const passages: Passage[] = []
        for (let k = 0; k + 3 < r.passages.length; k += 4) passages.push({ start: r.passages[k]!, end: r.passages[k + 1]!, otherStart: r.passages[k + 2]!, otherEnd: r.passages[k + 3]! })
        const staleYears: Range[] = []
        for (let k = 0; k + 1 < r.stale.length; k += 2) staleYears.push({ start: r.stale[k]!, end: r.stale[k + 1]! })
        return { a: r.a, b: r.b, explicit: explicit.has(r.a * n + r.b), share: r.share, otherShare: r.otherShare, passages, staleYears }
      })
  }
}

// The comparison work one thread does (a worker, or this thread when no built worker exists): prepare
// reports into shared memory, learn a group's standard wording and find its pairs sharing text, mark
// standard wording, align pairs. The texts' normalised forms and fingerprints live in
// SharedArrayBuffers every thread reads, so a task lands on any thread without copying texts.

import {
  byHash,
  chainPassages,
  codesToString,
  commonFingerprints,
  commonMask,
  commonRuns,
  commonWordingSet,
  coveredShare,
  exactMatches,
  gramHashes,
  hashIndex,
  matchText,
  ownChars,
  pairOf,
  passageOffsets,
  sharedSeeds,
  sharingPairs,
  staleYears,
  toExtracted,
  winnow,
  type Fingerprints,
  type MatchText
} from '../domain/similarity'

/** Where each report's normalised text lives: slot i is [offsets[i], offsets[i + 1]) of every buffer. */
export interface TextLayout {
  offsets: Int32Array
  /** Uint16 normalised characters. */
  codes: SharedArrayBuffer
  /** Uint16 the same with digits as written. */
  raw: SharedArrayBuffer
  /** Int32 offset in the extracted text of each normalised character. */
  map: SharedArrayBuffer
  /** Uint8 1 where a paragraph starts. */
  breaks: SharedArrayBuffer
  /** Uint8 1 where the text is standard wording. */
  mask: SharedArrayBuffer
  /** Int32 normalised length of each report (written when prepared). */
  lengths: SharedArrayBuffer
}

/** Each report's fingerprints sorted by hash: slot i is [fpOffsets[i], fpOffsets[i + 1]). */
export interface FingerprintLayout {
  fpOffsets: Int32Array
  hashes: SharedArrayBuffer
  positions: SharedArrayBuffer
  /** The group (year) of each report. */
  groups: Int32Array
  /** Reports of one family are never paired. */
  families: Int32Array
}

/** A group's standard wording: the K-gram hashes of its long phrases, and the short phrases matched as they are. */
export interface WordingSet {
  grams: Uint32Array
  short: string[]
}

export interface GroupTask {
  group: number
  /** Reports whose fingerprints count for learning (one per unit). */
  learners: number[]
  /** A fingerprint in at least this many learners is standard wording. */
  threshold: number
  /** Normalised standard wording besides what is learnt. */
  fixed: string[]
  /** Normalised learnt wording the reviewer took off the list. */
  excluded: string[]
  /** Pair searches within the group: among members, or between members and across. */
  searches: Array<{ members: number[]; across?: number[] }>
  /** A hash in more reports than this is not used to find pairs. */
  cap: number
}

export interface LearnedRun {
  normalized: string
  /** In how many reports (at least) each part of it is found. */
  reports: number
  /** Where it reads as written: report and extracted-text offsets of the first report found holding it. */
  report: number
  start: number
  end: number
}

export type CompareMessage =
  | { type: 'init'; layout: TextLayout }
  | { type: 'prepare'; items: Array<{ index: number; text: string; clutter: Array<{ start: number; end: number }> }> }
  | { type: 'fingerprints'; layout: FingerprintLayout }
  | { type: 'group'; task: GroupTask }
  | { type: 'wording'; sets: WordingSet[] }
  | { type: 'mask'; indices: number[] }
  /** Triples (a, b, year of b whose leftovers to look for in a, 0 for none). */
  | { type: 'align'; pairs: Int32Array }

export interface PreparedFingerprints {
  index: number
  length: number
  hashes: Uint32Array
  positions: Int32Array
}

export interface GroupResult {
  group: number
  learned: LearnedRun[]
  wording: WordingSet
  /** Pairs (a, b) sharing text beyond standard wording. */
  pairs: Int32Array
}

export interface AlignedPair {
  a: number
  b: number
  share: number
  otherShare: number
  /** Quadruples (start, end, otherStart, otherEnd) in the extracted texts. */
  passages: Int32Array
  /** Pairs (start, end) in a's extracted text. */
  stale: Int32Array
}

export type CompareReply =
  | { type: 'ok' }
  | { type: 'prepared'; items: PreparedFingerprints[] }
  | { type: 'group'; result: GroupResult }
  | { type: 'aligned'; pairs: AlignedPair[] }

/** One thread's state and its answer to each message. */
export function createCompareHandler(): (msg: CompareMessage) => { reply: CompareReply; transfer: ArrayBuffer[] } {
  let text: TextLayout | null = null
  let fps: FingerprintLayout | null = null
  let sets: Array<{ grams: Set<number>; short: string[] }> = []
  const views = new Map<number, MatchText>()
  const own = new Map<number, number>()

  const view = (i: number): MatchText => {
    let v = views.get(i)
    if (!v) {
      const start = text!.offsets[i]!
      const len = new Int32Array(text!.lengths)[i]!
      v = {
        codes: new Uint16Array(text!.codes, start * 2, len),
        raw: new Uint16Array(text!.raw, start * 2, len),
        map: new Int32Array(text!.map, start * 4, len),
        breaks: new Uint8Array(text!.breaks, start, len)
      }
      views.set(i, v)
    }
    return v
  }
  const mask = (i: number) => new Uint8Array(text!.mask, text!.offsets[i]!, view(i).codes.length)
  const ownOf = (i: number) => {
    let n = own.get(i)
    if (n === undefined) own.set(i, (n = ownChars(view(i).codes.length, mask(i))))
    return n
  }
  const fingerprints = (i: number): Fingerprints => {
    const s = fps!.fpOffsets[i]!
    const e = fps!.fpOffsets[i + 1]!
    return { hashes: new Uint32Array(fps!.hashes, s * 4, e - s), positions: new Int32Array(fps!.positions, s * 4, e - s) }
  }

  function group(t: GroupTask): GroupResult {
    // One index of the group's reports serves both: the standard wording (fingerprints in many of the
    // learners, read back as passages) and the pairs sharing other fingerprints.
    const involved = new Set(t.learners)
    for (const s of t.searches) for (const i of [...s.members, ...(s.across ?? [])]) involved.add(i)
    const index = hashIndex([...involved].map((id) => ({ id, fp: fingerprints(id) })))
    const learned = new Map<string, LearnedRun>()
    if (t.learners.length >= t.threshold) {
      const learner = new Set(t.learners)
      const common = commonFingerprints(index, t.threshold, (r) => learner.has(r))
      if (common.size) {
        for (const i of t.learners) {
          const v = view(i)
          for (const run of commonRuns(fingerprints(i), common)) {
            const norm = codesToString(v.codes, run.start, run.end)
            const seen = learned.get(norm)
            if (seen) seen.reports = Math.max(seen.reports, run.reports)
            else learned.set(norm, { normalized: norm, reports: run.reports, report: i, ...toExtracted(v, run.start, run.end) })
          }
        }
      }
    }
    const kept = [...learned.values()].filter((w) => !t.excluded.some((e) => e.includes(w.normalized) || w.normalized.includes(e)))
    kept.sort((a, b) => b.reports - a.reports || b.normalized.length - a.normalized.length)
    const set = commonWordingSet([...t.fixed, ...kept.map((w) => w.normalized)])
    const pairs: number[] = []
    for (const s of t.searches) {
      const side = new Map<number, number>()
      for (const i of s.members) side.set(i, 1)
      for (const i of s.across ?? []) side.set(i, (side.get(i) ?? 0) | 2)
      const found = sharingPairs(
        index,
        t.cap,
        (a, b) => {
          const x = side.get(a)
          const y = side.get(b)
          if (!x || !y || fps!.families[a] === fps!.families[b]) return false
          return !s.across || !!((x & 1 && y & 2) || (x & 2 && y & 1))
        },
        set.grams
      )
      for (const [key, count] of found) if (count >= MIN_SHARED) pairs.push(...pairOf(key))
    }
    return { group: t.group, learned: kept, wording: { grams: Uint32Array.from(set.grams), short: set.short }, pairs: Int32Array.from(pairs) }
  }

  return (msg) => {
    switch (msg.type) {
      case 'init':
        text = msg.layout
        fps = null
        views.clear()
        own.clear()
        return { reply: { type: 'ok' }, transfer: [] }
      case 'prepare': {
        const lengths = new Int32Array(text!.lengths)
        const items: PreparedFingerprints[] = []
        for (const it of msg.items) {
          const start = text!.offsets[it.index]!
          const room = text!.offsets[it.index + 1]! - start
          const t = matchText(it.text.length > room ? it.text.slice(0, room) : it.text, it.clutter)
          new Uint16Array(text!.codes, start * 2, t.codes.length).set(t.codes)
          new Uint16Array(text!.raw, start * 2, t.raw.length).set(t.raw)
          new Int32Array(text!.map, start * 4, t.map.length).set(t.map)
          new Uint8Array(text!.breaks, start, t.breaks.length).set(t.breaks)
          lengths[it.index] = t.codes.length
          views.delete(it.index)
          const fp = byHash(winnow(gramHashes(t.codes)))
          items.push({ index: it.index, length: t.codes.length, hashes: fp.hashes, positions: fp.positions })
        }
        return { reply: { type: 'prepared', items }, transfer: items.flatMap((x) => [x.hashes.buffer as ArrayBuffer, x.positions.buffer as ArrayBuffer]) }
      }
      case 'fingerprints':
        fps = msg.layout
        return { reply: { type: 'ok' }, transfer: [] }
      case 'group': {
        const result = group(msg.task)
        return { reply: { type: 'group', result }, transfer: [result.pairs.buffer as ArrayBuffer] }
      }
      case 'wording':
        sets = msg.sets.map((w) => ({ grams: new Set(w.grams), short: w.short }))
        own.clear()
        return { reply: { type: 'ok' }, transfer: [] }
      case 'mask': {
        for (const i of msg.indices) {
          const v = view(i)
          mask(i).set(commonMask(v.codes, sets[fps!.groups[i]!]!))
        }
        return { reply: { type: 'ok' }, transfer: [] }
      }
      case 'align': {
        const out: AlignedPair[] = []
        for (let k = 0; k * 3 + 2 < msg.pairs.length; k++) {
          const a = msg.pairs[k * 3]!
          const b = msg.pairs[k * 3 + 1]!
          const year = msg.pairs[k * 3 + 2]!
          const va = view(a)
          const vb = view(b)
          const ca = sets[fps!.groups[a]!]!.grams
          const cb = sets[fps!.groups[b]!]!.grams
          const seeds = sharedSeeds(fingerprints(a), fingerprints(b), ca === cb ? ca : { has: (h) => ca.has(h) || cb.has(h) })
          const ma = mask(a)
          const mb = mask(b)
          const passages = chainPassages(exactMatches(va.codes, vb.codes, seeds), ma, mb)
          const offsets = passageOffsets(va, vb, passages)
          const flat = new Int32Array(offsets.length * 4)
          offsets.forEach((p, i) => flat.set([p.start, p.end, p.otherStart, p.otherEnd], i * 4))
          const stale = year ? staleYears(va, vb, passages, year) : []
          out.push({
            a,
            b,
            share: coveredShare(va.codes.length, passages.map((p) => [p.aStart, p.aEnd] as const), ma, ownOf(a)),
            otherShare: coveredShare(vb.codes.length, passages.map((p) => [p.bStart, p.bEnd] as const), mb, ownOf(b)),
            passages: flat,
            stale: Int32Array.from(stale.flatMap((s) => [s.start, s.end]))
          })
        }
        return { reply: { type: 'aligned', pairs: out }, transfer: out.flatMap((p) => [p.passages.buffer as ArrayBuffer, p.stale.buffer as ArrayBuffer]) }
      }
    }
  }
}

/** Pairs sharing fewer fingerprints than this (beyond standard wording) are not aligned. */
const MIN_SHARED = 2

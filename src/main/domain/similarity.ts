// Copied text between reports: a normalised form of a report's words (with a map back to the
// extracted text), winnowed fingerprints of its passages, standard wording learnt from the batch, and
// exact alignment of the passages two reports share. Pure and allocation-conscious: a batch is 500
// reports of 15,000 characters. The orchestration (workers, which pairs) is in pipeline/compare-*.

import { t2sCode } from './t2s'

/** Characters per fingerprinted passage (k-gram) of the normalised text. */
export const K = 8
/** Winnowing window: any shared run of K + W - 1 = 15 normalised characters yields a common fingerprint. */
export const W = 8
/** A shared passage counts from this many matched normalised characters (about one clause). */
export const MIN_PASSAGE = 20
/** Edits up to this many characters on either side (a word changed, a clause dropped) keep a passage whole. */
export const MAX_GAP = 8

const DIGIT = 0x30
/** Positions stay below 2^21 (two million characters): a hash or position times POS plus a position is exact in a double. */
const POS = 2 ** 21

/**
 * A report's words for matching: no spaces, punctuation, symbols or list numbering; full width folded
 * to half width, traditional to simplified, Latin to lower case, and every digit as '0' so that
 * figures and years changed from one year to the next do not break a passage.
 */
export interface MatchText {
  /** The normalised characters (UTF-16 code units). */
  codes: Uint16Array
  /** The same characters with digits as written, to tell a year left unchanged from one that was updated. */
  raw: Uint16Array
  /** map[i]: offset in the extracted text of codes[i]. */
  map: Int32Array
  /** 1 where a new line (paragraph) of the extracted text starts before codes[i]. */
  breaks: Uint8Array
}

// List numbering a reordered or renumbered copy changes: 一、（二）3. (4) ① and the 一是/二是 of run-in lists.
const LINE_NUMBERING = /(^|\n)[ \t\u3000]*(?:[（(][一二三四五六七八九十百零〇\d０-９]{1,4}[)）]|[一二三四五六七八九十百]{1,4}[、．.]|[\d０-９]{1,3}[、．.](?![\d０-９])|第[一二三四五六七八九十百]{1,4}[，,、])/g
const INLINE_NUMBERING = /[（(][\d０-９一二三四五六七八九十]{1,3}[)）]|[\u2460-\u2473\u2160-\u217f\u2474-\u2487]/g
const ORDINAL_IS = /(^|[\n。；;：:，,、！？!?\s)）])([一二三四五六七八九十]{1,3})(?=是)/g
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u

/**
 * What each BMP code unit becomes, built once: 0 left out (space, punctuation, symbol, numbering
 * sign), DIGIT for a digit, else the folded character (half width, lower case, simplified).
 */
const FOLD = (() => {
  const t = new Uint16Array(0x10000)
  for (let c = 0; c < 0x10000; c++) {
    let f = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c
    if (f >= 0x41 && f <= 0x5a) f += 32
    if (f >= 0x30 && f <= 0x39) t[c] = DIGIT
    else if (f >= 0x61 && f <= 0x7a) t[c] = f
    else if (f < 0x80) t[c] = 0
    else if (f >= 0xd800 && f <= 0xdfff) t[c] = f // astral characters: kept as their two halves
    else if ((f >= 0x2460 && f <= 0x24ff) || (f >= 0x2160 && f <= 0x217f)) t[c] = 0 // circled and Roman numerals: numbering
    else t[c] = LETTER_OR_NUMBER.test(String.fromCharCode(f)) ? t2sCode(f) : 0
  }
  return t
})()

/** The normalised text of a report, leaving out the portal clutter (ranges of the extracted text). */
export function matchText(text: string, clutter: ReadonlyArray<{ start: number; end: number }> = []): MatchText {
  // Offsets must stay below POS; a text longer than that is compared on its first two million characters.
  const n = Math.min(text.length, POS - 1)
  const skip = new Uint8Array(n)
  for (const c of clutter) skip.fill(1, Math.max(0, c.start), Math.min(n, c.end))
  const src = n < text.length ? text.slice(0, n) : text
  for (const m of src.matchAll(LINE_NUMBERING)) skip.fill(1, m.index + m[1]!.length, m.index + m[0].length)
  for (const m of src.matchAll(INLINE_NUMBERING)) skip.fill(1, m.index, m.index + m[0].length)
  for (const m of src.matchAll(ORDINAL_IS)) skip.fill(1, m.index + m[1]!.length, m.index + m[0].length)
  const codes = new Uint16Array(n)
  const raw = new Uint16Array(n)
  const map = new Int32Array(n)
  const breaks = new Uint8Array(n)
  let len = 0
  let line = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a) line = 1
    if (skip[i]) continue
    const f = FOLD[c]!
    if (!f) continue
    breaks[len] = line
    line = 0
    codes[len] = f
    raw[len] = f === DIGIT ? (c >= 0xff10 ? c - 0xfee0 : c) : f
    map[len++] = i
  }
  return { codes: codes.slice(0, len), raw: raw.slice(0, len), map: map.slice(0, len), breaks: breaks.slice(0, len) }
}

/** The normalised form of a phrase as a string (for the common-wording list). */
export function normalizedPhrase(phrase: string): string {
  return codesToString(matchText(phrase).codes)
}

export function codesToString(codes: Uint16Array, start = 0, end = codes.length): string {
  let s = ''
  for (let i = start; i < end; i += 4096) s += String.fromCharCode(...codes.subarray(i, Math.min(end, i + 4096)))
  return s
}

/** [start, end) of normalised characters → the range of the extracted text they came from. */
export function toExtracted(t: Pick<MatchText, 'map'>, start: number, end: number): { start: number; end: number } {
  return { start: t.map[start]!, end: t.map[end - 1]! + 1 }
}

const B = 0x01000193
const BK = (() => {
  let p = 1
  for (let i = 0; i < K - 1; i++) p = Math.imul(p, B)
  return p
})()

/** murmur3's finaliser: spreads the rolling hash so the winnowing minimum is a fair sample. */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** The hash of every K-gram: out[i] for codes[i, i + K). */
export function gramHashes(codes: Uint16Array): Uint32Array {
  const n = codes.length - K + 1
  if (n <= 0) return new Uint32Array(0)
  const out = new Uint32Array(n)
  let h = 0
  for (let i = 0; i < K; i++) h = (Math.imul(h, B) + codes[i]!) | 0
  out[0] = mix(h)
  for (let i = 1; i < n; i++) {
    h = (Math.imul((h - Math.imul(codes[i - 1]!, BK)) | 0, B) + codes[i + K - 1]!) | 0
    out[i] = mix(h)
  }
  return out
}

/** Winnowed fingerprints: the rightmost smallest gram hash of every window of W grams, each position once. */
export interface Fingerprints {
  hashes: Uint32Array
  positions: Int32Array
}

export function winnow(grams: Uint32Array): Fingerprints {
  const n = grams.length
  const hashes: number[] = []
  const positions: number[] = []
  // A deque of positions whose hashes increase: the front is the window's minimum. Among equal hashes
  // the older one stays in front (robust winnowing), so a run of one repeated gram (a table of figures,
  // whose digits are all '0') yields one fingerprint per window, not one per character.
  const dq = new Int32Array(n)
  let head = 0
  let tail = 0
  let last = -1
  for (let i = 0; i < n; i++) {
    const h = grams[i]!
    while (tail > head && grams[dq[tail - 1]!]! > h) tail--
    dq[tail++] = i
    if (dq[head]! <= i - W) head++
    if (i >= W - 1 || i === n - 1) {
      const p = dq[head]!
      if (p !== last) {
        hashes.push(grams[p]!)
        positions.push(p)
        last = p
      }
    }
  }
  return { hashes: Uint32Array.from(hashes), positions: Int32Array.from(positions) }
}

/** The fingerprints sorted by hash (then position), for merging two reports' lists without a hash table. */
export function byHash(fp: Fingerprints): Fingerprints {
  // hash · 2^21 + position is exact in a double (positions stay below 2 million): one native numeric sort.
  const keys = new Float64Array(fp.hashes.length)
  for (let i = 0; i < keys.length; i++) keys[i] = fp.hashes[i]! * POS + fp.positions[i]!
  keys.sort()
  const hashes = new Uint32Array(keys.length)
  const positions = new Int32Array(keys.length)
  for (let i = 0; i < keys.length; i++) {
    hashes[i] = Math.floor(keys[i]! / POS)
    positions[i] = keys[i]! - hashes[i]! * POS
  }
  return { hashes, positions }
}

/**
 * Seeds of the passages two reports share: (position in a, position in b) of every fingerprint they
 * have in common, skipping the common-wording hashes. Both lists sorted by hash.
 */
export function sharedSeeds(a: Fingerprints, b: Fingerprints, common?: { has(hash: number): boolean }, maxPerHash = 16): Int32Array {
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.hashes.length && j < b.hashes.length) {
    const ha = a.hashes[i]!
    const hb = b.hashes[j]!
    if (ha < hb) i++
    else if (ha > hb) j++
    else {
      let i2 = i
      let j2 = j
      while (i2 < a.hashes.length && a.hashes[i2] === ha) i2++
      while (j2 < b.hashes.length && b.hashes[j2] === ha) j2++
      // A passage repeated many times in either report says nothing about copying.
      if (!common?.has(ha) && i2 - i <= maxPerHash && j2 - j <= maxPerHash) {
        for (let x = i; x < i2; x++) for (let y = j; y < j2; y++) out.push(a.positions[x]!, b.positions[y]!)
      }
      i = i2
      j = j2
    }
  }
  return Int32Array.from(out)
}

// ——— Standard wording learnt from the batch ———

/** hash · 2^20 + report is exact in a double while there are fewer than a million reports. */
const REPORTS = 2 ** 20

/**
 * Every (hash, report) of a set of reports once, sorted by hash: one native sort of doubles, from
 * which the standard wording and the pairs sharing text are both read. `skip`: hashes left out.
 */
export function hashIndex(reports: ReadonlyArray<{ id: number; fp: Fingerprints }>, skip?: { has(hash: number): boolean }): Float64Array {
  let size = 0
  for (const r of reports) size += r.fp.hashes.length
  const keys = new Float64Array(size)
  let k = 0
  for (const r of reports) {
    const h = r.fp.hashes
    for (let i = 0; i < h.length; i++) if (!skip?.has(h[i]!)) keys[k++] = h[i]! * REPORTS + r.id
  }
  const sorted = keys.subarray(0, k).sort()
  // a report repeating a passage has its hash more than once: keep one
  let w = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[w++] = sorted[i]!
  return sorted.subarray(0, w)
}

/** Calls `each` with every hash of the index and the reports holding it (a reused array). */
export function forEachHash(index: Float64Array, each: (hash: number, reports: number[]) => void): void {
  const run: number[] = []
  for (let x = 0; x < index.length; ) {
    const h = Math.floor(index[x]! / REPORTS)
    run.length = 0
    for (; x < index.length && Math.floor(index[x]! / REPORTS) === h; x++) run.push(index[x]! - h * REPORTS)
    each(h, run)
  }
}

/**
 * Fingerprints found in at least `minReports` reports of the index (each report one unit; only those
 * `counts` allows): the standard formulas and the regulation's item names every report repeats.
 */
export function commonFingerprints(index: Float64Array, minReports: number, counts: (report: number) => boolean = () => true): Map<number, number> {
  const out = new Map<number, number>()
  forEachHash(index, (h, reports) => {
    if (reports.length < minReports) return
    let n = 0
    for (const r of reports) if (counts(r)) n++
    if (n >= minReports) out.set(h, n)
  })
  return out
}

/**
 * The passages of one report made of common fingerprints (runs whose K-grams touch), as ranges of
 * its normalised text with the fewest reports any part of them is found in: the learnt wording, readable.
 */
export function commonRuns(fp: Fingerprints, common: ReadonlyMap<number, number>): Array<{ start: number; end: number; reports: number }> {
  const out: Array<{ start: number; end: number; reports: number }> = []
  const picked: number[] = []
  for (let i = 0; i < fp.hashes.length; i++) {
    const n = common.get(fp.hashes[i]!)
    // position · 2^20 + reports sorts by position
    if (n !== undefined) picked.push(fp.positions[i]! * REPORTS + n)
  }
  let cur: { start: number; end: number; reports: number } | null = null
  for (const key of Float64Array.from(picked).sort()) {
    const p = Math.floor(key / REPORTS)
    const n = key - p * REPORTS
    if (cur && p <= cur.end) {
      cur.end = Math.max(cur.end, p + K)
      cur.reports = Math.min(cur.reports, n)
    } else {
      if (cur) out.push(cur)
      cur = { start: p, end: p + K, reports: n }
    }
  }
  if (cur) out.push(cur)
  return out
}

/**
 * Pairs of reports sharing fingerprints, with how many: from the index, hashes held by two to `cap`
 * reports (one in more is standard wording in all but name) and not in `skip`, pairs `accept` allows.
 * Keys are a · 2^20 + b with a < b.
 */
export function sharingPairs(index: Float64Array, cap: number, accept: (a: number, b: number) => boolean, skip?: { has(hash: number): boolean }): Map<number, number> {
  const out = new Map<number, number>()
  forEachHash(index, (h, reports) => {
    if (reports.length < 2 || reports.length > cap || skip?.has(h)) return
    for (let i = 0; i < reports.length; i++) {
      for (let j = i + 1; j < reports.length; j++) {
        const a = reports[i]!
        const b = reports[j]!
        if (!accept(a, b)) continue
        const key = a * REPORTS + b
        out.set(key, (out.get(key) ?? 0) + 1)
      }
    }
  })
  return out
}

export function pairOf(key: number): [number, number] {
  const a = Math.floor(key / REPORTS)
  return [a, key - a * REPORTS]
}

/** What marks a report's standard wording: the K-gram hashes of the long phrases and the short phrases themselves. */
export interface CommonWordingSet {
  grams: Set<number>
  short: string[]
}

export function commonWordingSet(normalizedPhrases: Iterable<string>): CommonWordingSet {
  const grams = new Set<number>()
  const short: string[] = []
  for (const p of normalizedPhrases) {
    if (!p) continue
    if (p.length < K) {
      if (p.length >= 4) short.push(p)
      continue
    }
    const codes = new Uint16Array(p.length)
    for (let i = 0; i < p.length; i++) codes[i] = p.charCodeAt(i)
    for (const h of gramHashes(codes)) grams.add(h)
  }
  return { grams, short }
}

/** 1 where the report's normalised text is standard wording. */
export function commonMask(codes: Uint16Array, set: CommonWordingSet, grams = gramHashes(codes)): Uint8Array {
  const mask = new Uint8Array(codes.length)
  if (set.grams.size) for (let i = 0; i < grams.length; i++) if (set.grams.has(grams[i]!)) mask.fill(1, i, i + K)
  if (set.short.length) {
    const s = codesToString(codes)
    for (const p of set.short) for (let i = s.indexOf(p); i >= 0; i = s.indexOf(p, i + 1)) mask.fill(1, i, i + p.length)
  }
  return mask
}

/** Ranges [start, end) of normalised text where the mask is set. */
export function maskRanges(mask: Uint8Array): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (let i = 0; i < mask.length; ) {
    if (!mask[i]) {
      i++
      continue
    }
    let j = i
    while (j < mask.length && mask[j]) j++
    out.push([i, j])
    i = j
  }
  return out
}

// ——— Alignment ———

/** A maximal exact match: a[aStart, aEnd) equals b[bStart, bStart + aEnd - aStart). */
export interface Segment {
  aStart: number
  aEnd: number
  bStart: number
}

/** A passage two reports share, in normalised offsets of each; small edits inside are allowed. */
export interface AlignedPassage {
  aStart: number
  aEnd: number
  bStart: number
  bEnd: number
  /** Characters matched exactly. */
  matched: number
  segments: Segment[]
}

function sameGram(a: Uint16Array, i: number, b: Uint16Array, j: number): boolean {
  if (i + K > a.length || j + K > b.length) return false
  for (let x = 0; x < K; x++) if (a[i + x] !== b[j + x]) return false
  return true
}

/** Extends every seed to its maximal exact match, each diagonal stretch once. Seeds: [a0, b0, a1, b1, …]. */
export function exactMatches(a: Uint16Array, b: Uint16Array, seeds: Int32Array): Segment[] {
  const order = new Float64Array(seeds.length / 2)
  for (let s = 0; s < order.length; s++) order[s] = seeds[2 * s]! * POS + seeds[2 * s + 1]!
  order.sort()
  const reach = new Map<number, number>()
  const out: Segment[] = []
  for (const key of order) {
    const i0 = Math.floor(key / POS)
    const j0 = key - i0 * POS
    let i = i0
    let j = j0
    const diag = j - i
    if ((reach.get(diag) ?? -1) > i) continue
    if (!sameGram(a, i, b, j)) continue
    while (i > 0 && j > 0 && a[i - 1] === b[j - 1]) {
      i--
      j--
    }
    let e = i0 + K
    let f = j0 + K
    while (e < a.length && f < b.length && a[e] === b[f]) {
      e++
      f++
    }
    reach.set(diag, e)
    out.push({ aStart: i, aEnd: e, bStart: j })
  }
  return out
}

/**
 * Chains exact matches into passages across small edits (a gap of at most MAX_GAP characters on
 * each side), keeps those of at least MIN_PASSAGE matched characters with some text that is not
 * standard wording, and resolves a passage matched in two places (a repeated paragraph) to its
 * longest pairing.
 */
export function chainPassages(segments: readonly Segment[], maskA?: Uint8Array, maskB?: Uint8Array): AlignedPassage[] {
  const segs = [...segments].sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart)
  const open: AlignedPassage[] = []
  const done: AlignedPassage[] = []
  for (const s of segs) {
    const bEnd = s.bStart + (s.aEnd - s.aStart)
    // passages that can no longer be continued
    for (let k = open.length - 1; k >= 0; k--) if (open[k]!.aEnd + MAX_GAP < s.aStart) done.push(...open.splice(k, 1))
    let best: AlignedPassage | null = null
    let bestCost = Infinity
    for (const p of open) {
      const ga = s.aStart - p.aEnd
      const gb = s.bStart - p.bEnd
      if (ga < -K || gb < -K || ga > MAX_GAP || gb > MAX_GAP || s.aEnd <= p.aEnd || bEnd <= p.bEnd) continue
      const cost = Math.abs(ga) + Math.abs(gb)
      if (cost < bestCost) {
        best = p
        bestCost = cost
      }
    }
    if (best) {
      best.matched += s.aEnd - Math.max(s.aStart, best.aEnd)
      best.aEnd = s.aEnd
      best.bEnd = bEnd
      best.segments.push(s)
    } else open.push({ aStart: s.aStart, aEnd: s.aEnd, bStart: s.bStart, bEnd, matched: s.aEnd - s.aStart, segments: [s] })
  }
  done.push(...open)
  const own = (p: AlignedPassage) => {
    if (!maskA) return p.matched
    let n = 0
    for (let i = p.aStart; i < p.aEnd; i++) if (!maskA[i]) n++
    const inB = maskB ? countUnmasked(maskB, p.bStart, p.bEnd) : n
    return Math.min(n, inB)
  }
  const kept = done.filter((p) => p.matched >= MIN_PASSAGE).filter((p) => own(p) >= MIN_PASSAGE / 2)
  kept.sort((x, y) => y.matched - x.matched || x.aStart - y.aStart)
  const taken: AlignedPassage[] = []
  for (const p of kept) {
    const clash = taken.some((q) => overlap(p.aStart, p.aEnd, q.aStart, q.aEnd) * 2 > p.aEnd - p.aStart || overlap(p.bStart, p.bEnd, q.bStart, q.bEnd) * 2 > p.bEnd - p.bStart)
    if (!clash) taken.push(p)
  }
  return taken.sort((x, y) => x.aStart - y.aStart)
}

function countUnmasked(mask: Uint8Array, start: number, end: number): number {
  let n = 0
  for (let i = start; i < end; i++) if (!mask[i]) n++
  return n
}

function overlap(s1: number, e1: number, s2: number, e2: number): number {
  return Math.max(0, Math.min(e1, e2) - Math.max(s1, s2))
}

/** Characters of a text that are not standard wording. */
export function ownChars(length: number, mask?: Uint8Array): number {
  if (!mask) return length
  let n = 0
  for (let i = 0; i < length; i++) if (!mask[i]) n++
  return n
}

/**
 * The share of a text covered by passages (their spans, on the side given), standard wording left
 * out of both counts: a report copied whole reads 1 however many formulas it holds. `own`: the
 * text's ownChars, when known.
 */
export function coveredShare(length: number, ranges: ReadonlyArray<readonly [number, number]>, mask?: Uint8Array, own = ownChars(length, mask)): number {
  if (!own) return 0
  const sorted = [...ranges].sort((x, y) => x[0] - y[0])
  let n = 0
  let reach = 0
  for (const [s0, e] of sorted) {
    for (let i = Math.max(s0, reach); i < Math.min(e, length); i++) if (!mask?.[i]) n++
    reach = Math.max(reach, e)
  }
  return n / own
}

/**
 * Years of the other report left in this one inside copied text: where both read the other report's
 * own year (「2023年」 kept in a 2024 report) at the same place of a passage, as opposed to a year
 * updated (2023 → 2024, which the folded digits let the passage run across) or a "since" (2023年以来).
 */
/** Each as [start, end) of the year and its 年 in a's extracted text. */
export function staleYears(a: MatchText, b: MatchText, passages: readonly AlignedPassage[], otherYear: number): Array<{ start: number; end: number }> {
  const y = String(otherYear)
  const codes = Array.from(y, (c) => c.charCodeAt(0))
  const NIAN = '年'.charCodeAt(0)
  const YI = '以'.charCodeAt(0)
  const LAI = '来'.charCodeAt(0)
  const out: Array<{ start: number; end: number }> = []
  for (const p of passages) {
    for (const s of p.segments) {
      for (let i = s.aStart; i + 4 < s.aEnd; i++) {
        if (a.codes[i + 4] !== NIAN) continue
        let same = true
        for (let x = 0; x < 4 && same; x++) same = a.raw[i + x] === codes[x] && b.raw[s.bStart + (i - s.aStart) + x] === codes[x]
        if (!same || (i > 0 && a.codes[i - 1] === DIGIT)) continue
        if (a.codes[i + 5] === YI && a.codes[i + 6] === LAI) continue
        out.push({ start: a.map[i]!, end: a.map[i + 4]! + 1 })
        i += 4
      }
    }
  }
  return out
}

// ——— One report, one pair ———

/** What the comparison needs of one report, made once. */
export interface PreparedReport {
  text: MatchText
  grams: Uint32Array
  fp: Fingerprints
  /** The fingerprints sorted by hash, for pairing with another report. */
  sorted: Fingerprints
}

export function prepareReport(text: string, clutter: ReadonlyArray<{ start: number; end: number }> = []): PreparedReport {
  const t = matchText(text, clutter)
  const grams = gramHashes(t.codes)
  const fp = winnow(grams)
  return { text: t, grams, fp, sorted: byHash(fp) }
}

/** A passage in offsets of the two extracted texts. */
export interface PassageOffsets {
  start: number
  end: number
  otherStart: number
  otherEnd: number
}

export interface PairComparison {
  passages: AlignedPassage[]
  /** Share of a's normalised text found in b, standard wording not counted. */
  share: number
  /** Share of b's normalised text found in a, standard wording not counted. */
  otherShare: number
}

/** Compares two reports: the passages they share and the share of each found in the other. */
export function comparePair(a: PreparedReport, b: PreparedReport, opts: { common?: { has(hash: number): boolean }; maskA?: Uint8Array; maskB?: Uint8Array; seeds?: Int32Array } = {}): PairComparison {
  const seeds = opts.seeds ?? sharedSeeds(a.sorted, b.sorted, opts.common)
  const passages = chainPassages(exactMatches(a.text.codes, b.text.codes, seeds), opts.maskA, opts.maskB)
  return {
    passages,
    share: coveredShare(a.text.codes.length, passages.map((p) => [p.aStart, p.aEnd] as const), opts.maskA),
    otherShare: coveredShare(b.text.codes.length, passages.map((p) => [p.bStart, p.bEnd] as const), opts.maskB)
  }
}

/** Where the character at `i` of a (inside the passage) falls in b: on its exact match, or across an edit. */
function alongside(p: AlignedPassage, i: number): number {
  let prevEnd = p.bStart
  let prevA = p.aStart
  for (const s of p.segments) {
    const len = s.aEnd - s.aStart
    if (i < s.aStart) return Math.min(s.bStart, prevEnd + (i - prevA))
    if (i < s.aEnd) return s.bStart + (i - s.aStart)
    prevEnd = s.bStart + len
    prevA = s.aEnd
  }
  return Math.min(p.bEnd, prevEnd + (i - prevA))
}

/**
 * A passage cut where a's paragraphs begin, so a reader steps through it paragraph by paragraph (a
 * copy of a whole report is otherwise one passage). Shares are counted on the whole passages.
 */
export function byParagraph(p: AlignedPassage, breaks: Uint8Array): AlignedPassage[] {
  // A line too short to be a passage of its own (a heading, the addressee) goes with the next one.
  const cuts: number[] = []
  let last = p.aStart
  for (let i = p.aStart + 1; i < p.aEnd; i++) {
    if (!breaks[i] || i - last < MIN_PASSAGE) continue
    cuts.push(i)
    last = i
  }
  if (cuts.length && p.aEnd - cuts[cuts.length - 1]! < MIN_PASSAGE) cuts.pop()
  if (!cuts.length) return [p]
  const out: AlignedPassage[] = []
  let from = p.aStart
  for (const to of [...cuts, p.aEnd]) {
    if (to > from) {
      const bStart = Math.max(p.bStart, alongside(p, from))
      const bEnd = Math.min(p.bEnd, to === p.aEnd ? p.bEnd : alongside(p, to))
      const segments = p.segments
        .filter((s) => s.aEnd > from && s.aStart < to)
        .map((s) => ({ aStart: Math.max(s.aStart, from), aEnd: Math.min(s.aEnd, to), bStart: s.bStart + Math.max(0, from - s.aStart) }))
      const matched = segments.reduce((n, s) => n + s.aEnd - s.aStart, 0)
      if (bEnd > bStart) out.push({ aStart: from, aEnd: to, bStart, bEnd, matched, segments })
    }
    from = to
  }
  return out
}

/** The passages in offsets of the extracted texts of a and b, cut at a's paragraphs when `breaks` are given. */
export function passageOffsets(a: Pick<MatchText, 'map'> & { breaks?: Uint8Array }, b: Pick<MatchText, 'map'>, passages: readonly AlignedPassage[]): PassageOffsets[] {
  const pieces = a.breaks ? passages.flatMap((p) => byParagraph(p, a.breaks!)) : passages
  return pieces.map((p) => {
    const x = toExtracted(a, p.aStart, p.aEnd)
    const y = toExtracted(b, p.bStart, p.bEnd)
    return { start: x.start, end: x.end, otherStart: y.start, otherEnd: y.end }
  })
}

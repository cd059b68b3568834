// The comparison work one thread does (a worker, or this thread when no built worker exists): prepare
// reports into shared memory, mark their standard wording, align pairs. The texts' normalised forms
// live in SharedArrayBuffers every thread reads, so a pair is aligned wherever it lands without copying.

import {
  chainPassages,
  commonMask,
  coveredShare,
  exactMatches,
  gramHashes,
  matchText,
  passageOffsets,
  sharedSeeds,
  staleYears,
  byHash,
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
  /** Per group: the K-gram hashes of its standard wording, and the short phrases matched as they are. */
  wording: Array<{ grams: Uint32Array; short: string[] }>
}

export type CompareMessage =
  | { type: 'init'; layout: TextLayout }
  | { type: 'prepare'; items: Array<{ index: number; text: string; clutter: Array<{ start: number; end: number }> }> }
  | { type: 'fingerprints'; layout: FingerprintLayout }
  | { type: 'mask'; indices: number[] }
  /** Triples (a, b, year of b whose leftovers to look for in a, 0 for none). */
  | { type: 'align'; pairs: Int32Array }

export interface PreparedFingerprints {
  index: number
  length: number
  hashes: Uint32Array
  positions: Int32Array
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

export type CompareReply = { type: 'ok' } | { type: 'prepared'; items: PreparedFingerprints[] } | { type: 'aligned'; pairs: AlignedPair[] }

/** One thread's state and its answer to each message. */
export function createCompareHandler(): (msg: CompareMessage) => { reply: CompareReply; transfer: ArrayBuffer[] } {
  let text: TextLayout | null = null
  let fps: FingerprintLayout | null = null
  let sets: Array<{ grams: Set<number>; short: string[] }> = []
  let groupCommon: Array<Set<number>> = []
  const views = new Map<number, MatchText>()

  const view = (i: number): MatchText => {
    let v = views.get(i)
    if (!v) {
      const start = text!.offsets[i]!
      const len = new Int32Array(text!.lengths)[i]!
      v = {
        codes: new Uint16Array(text!.codes, start * 2, len),
        raw: new Uint16Array(text!.raw, start * 2, len),
        map: new Int32Array(text!.map, start * 4, len)
      }
      views.set(i, v)
    }
    return v
  }
  const mask = (i: number) => new Uint8Array(text!.mask, text!.offsets[i]!, view(i).codes.length)
  const fingerprints = (i: number): Fingerprints => {
    const s = fps!.fpOffsets[i]!
    const e = fps!.fpOffsets[i + 1]!
    return { hashes: new Uint32Array(fps!.hashes, s * 4, e - s), positions: new Int32Array(fps!.positions, s * 4, e - s) }
  }

  return (msg) => {
    switch (msg.type) {
      case 'init':
        text = msg.layout
        fps = null
        views.clear()
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
          lengths[it.index] = t.codes.length
          views.delete(it.index)
          const fp = byHash(winnow(gramHashes(t.codes)))
          items.push({ index: it.index, length: t.codes.length, hashes: fp.hashes, positions: fp.positions })
        }
        return { reply: { type: 'prepared', items }, transfer: items.flatMap((x) => [x.hashes.buffer as ArrayBuffer, x.positions.buffer as ArrayBuffer]) }
      }
      case 'fingerprints':
        fps = msg.layout
        sets = fps.wording.map((w) => ({ grams: new Set(w.grams), short: w.short }))
        groupCommon = sets.map((s) => s.grams)
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
        for (let k = 0; k + 2 < msg.pairs.length; k += 3) {
          const a = msg.pairs[k]!
          const b = msg.pairs[k + 1]!
          const year = msg.pairs[k + 2]!
          const va = view(a)
          const vb = view(b)
          const ca = groupCommon[fps!.groups[a]!]!
          const cb = groupCommon[fps!.groups[b]!]!
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
            share: coveredShare(va.codes.length, passages.map((p) => [p.aStart, p.aEnd] as const), ma),
            otherShare: coveredShare(vb.codes.length, passages.map((p) => [p.bStart, p.bEnd] as const), mb),
            passages: flat,
            stale: Int32Array.from(stale.flatMap((s) => [s.start, s.end]))
          })
        }
        return { reply: { type: 'aligned', pairs: out }, transfer: out.flatMap((p) => [p.passages.buffer as ArrayBuffer, p.stale.buffer as ArrayBuffer]) }
      }
    }
  }
}

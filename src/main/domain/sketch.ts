// A small fingerprint of a report's text (a bottom-k sketch of its 8-character passages) to recognise
// another version of the same report: a corrected re-issue, a copy in another format. Pure.

const K = 128

/** FNV-1a over the UTF-16 code units of s. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The K smallest hashes of the text's 8-character passages (whitespace ignored), sorted. */
export function textSketch(text: string): Uint32Array {
  const t = text.replace(/\s+/g, '')
  const seen = new Set<number>()
  for (let i = 0; i + 8 <= t.length; i++) seen.add(hash(t.slice(i, i + 8)))
  return Uint32Array.from([...seen].sort((a, b) => a - b).slice(0, K))
}

/** Estimated share of passages the two texts have in common (Jaccard), 0–1. */
export function sketchSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0
  const inB = new Set(b)
  const inA = new Set(a)
  const union = [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, K)
  let both = 0
  for (const h of union) if (inA.has(h) && inB.has(h)) both++
  return both / union.length
}

/** The report's own words for comparing two files of it: portal clutter cut out, no spaces or punctuation, full width folded. */
export function comparableText(text: string, clutter: ReadonlyArray<{ start: number; end: number }> = []): string {
  let body = ''
  let pos = 0
  for (const c of [...clutter].sort((a, b) => a.start - b.start)) {
    if (c.start > pos) body += text.slice(pos, c.start)
    pos = Math.max(pos, c.end)
  }
  body += text.slice(pos)
  return body.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** The exact share of 8-character passages two texts have in common (Jaccard over all of them), 0–1. */
export function passageSimilarity(a: string, b: string): number {
  const grams = (t: string) => {
    const out = new Set<number>()
    for (let i = 0; i + 8 <= t.length; i++) out.add(hash(t.slice(i, i + 8)))
    return out
  }
  const A = grams(a)
  const B = grams(b)
  if (!A.size || !B.size) return a === b ? 1 : 0
  let both = 0
  for (const h of A) if (B.has(h)) both++
  return both / (A.size + B.size - both)
}

/**
 * Two files hold the same text (one report sent as Word and as PDF, a page saved twice) rather than
 * two versions of it: all but a few passages in common. Readers differ a little (a PDF's running
 * header, a page number), which the other format allows for; two files of the same format that
 * differ at all are a revision.
 */
export function sameText(a: { text: string; format: string }, b: { text: string; format: string }): boolean {
  const s = passageSimilarity(a.text, b.text)
  return a.format === b.format ? s >= 0.999 : s >= 0.99
}

/** Above this estimated similarity two reports are the same report (a version or a copy), not merely alike. */
export const SAME_REPORT = 0.5

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

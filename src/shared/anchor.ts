// Anchoring passages so they survive changes to the text: offsets first, then the quote with its
// context, then the context alone. Pure; used by main to re-find annotations.

import type { Anchor } from './models/review'

export const CONTEXT = 32
const MAX_OCCURRENCES = 10_000

export function makeAnchor(text: string, start: number, end: number, context = CONTEXT): Anchor {
  return { start, end, quote: text.slice(start, end), prefix: text.slice(Math.max(0, start - context), start), suffix: text.slice(end, end + context) }
}

/** Length of the common ending of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

/** Length of the common beginning of a and b. */
function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

export interface Resolved {
  start: number
  end: number
  /** 'exact': offsets still hold the quote; 'moved': the quote was found elsewhere; 'context': only the surrounding text was found. */
  how: 'exact' | 'moved' | 'context'
}

/**
 * Finds the anchored passage in a (possibly changed) text. Among several occurrences of the quote, the
 * one whose surroundings best match the saved context wins, then the one nearest the old offset.
 * Null when neither the quote nor its context can be found.
 */
export function resolveAnchor(text: string, a: Anchor): Resolved | null {
  if (a.quote && text.slice(a.start, a.end) === a.quote) return { start: a.start, end: a.end, how: 'exact' }
  if (a.quote) {
    let best: { at: number; score: number; dist: number } | null = null
    // A quote found more than this many times (a run of one character) is placed among the first ones
    // rather than scoring every overlapping match of a long quote.
    let seen = 0
    for (let at = text.indexOf(a.quote); at >= 0 && seen++ < MAX_OCCURRENCES; at = text.indexOf(a.quote, at + 1)) {
      const score = commonSuffix(text.slice(Math.max(0, at - a.prefix.length), at), a.prefix) + commonPrefix(text.slice(at + a.quote.length, at + a.quote.length + a.suffix.length), a.suffix)
      const dist = Math.abs(at - a.start)
      if (!best || score > best.score || (score === best.score && dist < best.dist)) best = { at, score, dist }
    }
    if (best) return { start: best.at, end: best.at + a.quote.length, how: 'moved' }
  }
  // The quote itself was edited: take what now lies between the saved prefix and suffix.
  if (a.prefix.length >= 8 && a.suffix.length >= 8) {
    const limit = Math.max(a.quote.length * 2, a.quote.length + 200)
    // The next suffix at or after each prefix, found by one forward scan shared by all the prefixes
    // (searching afresh from every prefix was quadratic on a text where the prefix recurs).
    let s = -1
    for (let p = text.indexOf(a.prefix); p >= 0; p = text.indexOf(a.prefix, p + 1)) {
      const from = p + a.prefix.length
      if (s < from) s = text.indexOf(a.suffix, from)
      if (s < 0) break // no suffix after this prefix, so none after any later one
      if (s - from <= limit) return { start: from, end: s, how: 'context' }
    }
  }
  return null
}

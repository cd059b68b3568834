// Normalization for matching: full-width → half-width, traditional → simplified, no stray spaces,
// no ruby pinyin, while keeping a map from every normalized offset back to the original text.

import { t2sCode } from './t2s'

export interface Normalized {
  /** The normalized text. */
  text: string
  /** map[i] is the offset in the original text of normalized character i; map[text.length] = original length. */
  map: Int32Array
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/
const PINYIN_RUBY = /^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,8}\)/
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/

function foldChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0 // full-width ASCII
  if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009) return 0x20
  if (c === 0x3001) return c // 、 stays: it is the level-1 heading mark
  if (c === 0x2014 || c === 0x2013) return 0x2d // dashes
  if (c === 0x201c || c === 0x201d) return 0x22 // “ ”
  if (c === 0x2018 || c === 0x2019) return 0x27
  if (c === 0x3014 || c === 0x3010) return 0x3014 // 〔 【 → 〔 (document numbers)
  if (c === 0x3015 || c === 0x3011) return 0x3015
  return t2sCode(c)
}

function isZeroWidth(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || c === 0x00ad
}

const isAsciiWord = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch)

/**
 * Normalizes text for matching. Horizontal spaces are dropped unless they separate two Latin
 * letters or digits; newlines are kept so that lines keep their meaning.
 */
export function normalize(src: string): Normalized {
  const out: string[] = []
  const map: number[] = []
  const n = src.length
  for (let i = 0; i < n; i++) {
    const code = src.charCodeAt(i)
    if (isZeroWidth(code)) continue
    // Ruby pinyin a mirror site writes after each character: 應(yīng)急 → 应急
    if (code === 0x28 && i > 0 && CJK.test(src[i - 1]!)) {
      const m = PINYIN_RUBY.exec(src.slice(i, i + 12))
      if (m && TONE.test(m[0])) {
        i += m[0].length - 1
        continue
      }
    }
    const f = foldChar(code)
    if (f === 0x20 || f === 0x09) {
      // keep a single space only between two ASCII words
      let j = i + 1
      while (j < n && (src[j] === ' ' || src[j] === '\t' || src.charCodeAt(j) === 0x3000 || src.charCodeAt(j) === 0xa0)) j++
      const prev = out.length ? out[out.length - 1] : undefined
      // Two numbers stay apart too: 「2023-06-12 09:27」 is a date and a time, not the 1209th day.
      if (isAsciiWord(prev) && isAsciiWord(src[j])) {
        out.push(' ')
        map.push(i)
      }
      i = j - 1
      continue
    }
    if (f === 0x0d) continue
    out.push(String.fromCharCode(f))
    map.push(i)
  }
  map.push(n)
  return { text: out.join(''), map: Int32Array.from(map) }
}

/** Maps a [start, end) range of normalized text back to the original text. */
export function toOriginal(norm: Normalized, start: number, end: number): { start: number; end: number } {
  const s = norm.map[Math.max(0, Math.min(start, norm.map.length - 1))]!
  const e = end <= 0 ? s : norm.map[Math.max(0, Math.min(end - 1, norm.map.length - 1))]! + 1
  return { start: s, end: Math.max(s, e) }
}

/** Cleans a short string for display as metadata: simplified, single spaces, trimmed. */
export function cleanValue(s: string): string {
  const n = normalize(s).text
  return n.replace(/\s+/g, ' ').trim()
}

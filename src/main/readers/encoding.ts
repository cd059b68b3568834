// Decodes text bytes and tells Chinese from other languages. BOM first, then UTF-32/UTF-16 by their zero
// bytes, then strict UTF-8, then UTF-8 with a few damaged bytes (decoded leniently, with a warning), then
// the legacy encodings: each candidate decodes a sample and is scored by how natural its language looks
// (common Chinese characters for GB18030/Big5/UTF-16, kana for Japanese, common syllables for Korean,
// lower-case words for alphabets). Chinese wins when it reads as Chinese; a file that reads naturally
// only in another language is refused as 「不是中文文本」 instead of being decoded as Chinese-looking noise.
// Every step is one pass over the bytes or a fixed-size sample of them.

import { AppError } from '../../shared/errors'

export interface Decoded {
  text: string
  encoding: string
  /** Characters that could not be decoded (U+FFFD) when no encoding fitted cleanly. */
  replaced: number
  /** Said to the reviewer when the text was decoded leniently. */
  warning?: string
}

/** Bytes scored per candidate encoding: enough to judge a language, small enough to try many. */
const SAMPLE = 32 * 1024

const COMMON_SIMPLIFIED =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研'
const COMMON_TRADITIONAL = '們這個國為會來時說對發動學實現體關開點進機經過還將當從務區業產導權規劃黨組織領責設報執審決議論'
const COMMON_HAN = new Set([...COMMON_SIMPLIFIED, ...COMMON_TRADITIONAL])
/** Frequent Korean syllables (particles, endings, common nouns). */
const COMMON_HANGUL = new Set(
  '이다는하에가고지로을의서기그은어아니한도나를리사있만라들게시스자인해것보일으면요수대정주마제전되적상거여오었데과내간무미용트분구장드부비까습했생우할소음진러신없저말모안문않와히때세려바동포입개치중더유터위화같래경월던공각성단원네번많실영건계관임국조작회물르연두파겠금크선체식후업우리한국년대학교사람시간생각문제사회경제정부'
)
/** The most frequent letters of the alphabets told apart here (lower case where there is case). */
const COMMON_LETTERS: Partial<Record<Lang, Set<string>>> = {
  cyrillic: new Set('оеаинтсрвлкмдпу'),
  greek: new Set('αοιετνσρκπμυλ'),
  hebrew: new Set('יוהלאמרבנתשעכד'),
  arabic: new Set('اليمونرهبتعدف'),
  thai: new Set('านรกองมยเ่้ิีัวลดท')
}

type Lang = 'zh' | 'ja' | 'ko' | 'cyrillic' | 'latin' | 'greek' | 'hebrew' | 'arabic' | 'thai'

const LANG_NAMES: Record<Exclude<Lang, 'zh'>, string> = {
  ja: '日文',
  ko: '韩文',
  cyrillic: '俄文等西里尔字母文字',
  latin: '英文等拉丁字母文字',
  greek: '希腊文',
  hebrew: '希伯来文',
  arabic: '阿拉伯文',
  thai: '泰文'
}

interface Candidate {
  encoding: string
  lang: Lang
}

const CHINESE: Candidate[] = [
  { encoding: 'gb18030', lang: 'zh' },
  { encoding: 'big5', lang: 'zh' }
]
const OTHERS: Candidate[] = [
  { encoding: 'shift_jis', lang: 'ja' },
  { encoding: 'euc-jp', lang: 'ja' },
  { encoding: 'euc-kr', lang: 'ko' },
  { encoding: 'windows-1251', lang: 'cyrillic' },
  { encoding: 'koi8-r', lang: 'cyrillic' },
  { encoding: 'ibm866', lang: 'cyrillic' },
  { encoding: 'x-mac-cyrillic', lang: 'cyrillic' },
  { encoding: 'iso-8859-5', lang: 'cyrillic' },
  { encoding: 'windows-1252', lang: 'latin' },
  { encoding: 'windows-1250', lang: 'latin' },
  { encoding: 'windows-1254', lang: 'latin' },
  { encoding: 'windows-1253', lang: 'greek' },
  { encoding: 'windows-1255', lang: 'hebrew' },
  { encoding: 'windows-1256', lang: 'arabic' },
  { encoding: 'windows-874', lang: 'thai' }
]

function script(c: number): Lang | 'other' {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return 'zh'
  if (c >= 0x3040 && c <= 0x30ff) return 'ja'
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return 'ko'
  if (c >= 0x400 && c <= 0x4ff) return 'cyrillic'
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) return 'latin'
  if (c >= 0x370 && c <= 0x3ff) return 'greek'
  if (c >= 0x5d0 && c <= 0x5ea) return 'hebrew'
  if (c >= 0x620 && c <= 0x64a) return 'arabic'
  if (c >= 0xe01 && c <= 0xe5b) return 'thai'
  return 'other'
}

/** Decoding damage: replacement characters, private use, C1 controls, half-width katakana (a GBK/Big5 misreading). */
function isBad(c: number): boolean {
  return c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0x80 && c <= 0x9f) || (c >= 0xff61 && c <= 0xff9f) || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c)
}

interface Score {
  /** 0…1: how natural the sample reads in the candidate's language. */
  score: number
  /** Non-ASCII characters seen: the evidence behind the score. */
  evidence: number
}

/** How natural `text` reads as `lang`, judged on its non-ASCII characters. */
function naturalness(text: string, lang: Lang): Score {
  const ideographic = lang === 'zh' || lang === 'ja' || lang === 'ko'
  let nonAscii = 0
  let bad = 0
  let inScript = 0
  let foreign = 0 // letters of another script
  let common = 0
  let lower = 0
  let wordy = 0 // letters of the script inside words of at most 20 letters
  let run = 0
  let runScript = 0
  let runAscii = 0
  const endRun = () => {
    // A word of another alphabet mixed with ASCII letters is a misreading (è read as и in "padrи").
    if (run > 0 && run <= 20 && (lang === 'latin' || runAscii === 0)) wordy += runScript
    run = runScript = runAscii = 0
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
        run++
        runAscii++
      } else endRun()
      continue
    }
    nonAscii++
    if (isBad(c)) {
      bad++
      endRun()
      continue
    }
    const sc = script(c)
    if (sc === 'other') {
      endRun()
      continue
    }
    run++
    const ch = text[i]!
    if (sc === lang || (lang === 'ja' && sc === 'zh')) {
      runScript++
      inScript++
      if (lang === 'zh') common += COMMON_HAN.has(ch) ? 1 : 0
      else if (lang === 'ja') common += sc === 'ja' ? 1 : 0
      else if (lang === 'ko') common += COMMON_HANGUL.has(ch) ? 1 : 0
      else common += COMMON_LETTERS[lang]?.has(ch) ? 1 : 0
      if (ch !== ch.toUpperCase()) lower++
    } else foreign++
  }
  endRun()
  if (nonAscii === 0 || inScript === 0) return { score: 0, evidence: nonAscii }
  const clean = 1 - Math.min(1, (bad / nonAscii) * 5)
  // Ideographic scripts come with their own punctuation; alphabets have few other non-ASCII characters.
  const share = ideographic ? inScript / (inScript + foreign) : inScript / nonAscii
  const words = Math.min(1, wordy / inScript)
  let score: number
  switch (lang) {
    case 'zh':
      score = (common / inScript) * share
      break
    case 'ja':
      // Kana are what only Japanese has; Japanese text is at least a fifth kana.
      score = Math.min(1, (common / inScript) * 2.5) * share
      break
    case 'ko':
      score = Math.min(1, (common / inScript) * 2) * share
      break
    case 'latin':
      // Accented letters differ from language to language: lower case inside short words is the sign.
      score = share * (lower / inScript) * words
      break
    case 'cyrillic':
    case 'greek':
      score = share * (lower / inScript) * Math.min(1, (common / Math.max(1, lower)) * 1.6) * words
      break
    default:
      // Hebrew, Arabic, Thai: no case; Thai writes no spaces between words.
      score = share * Math.min(1, (common / inScript) * 1.6) * (lang === 'thai' ? 1 : words)
  }
  return { score: score * clean, evidence: nonAscii }
}

function decodeSample(encoding: string, bytes: Uint8Array): string {
  const sample = bytes.length > SAMPLE ? bytes.subarray(0, SAMPLE) : bytes
  let t = new TextDecoder(encoding).decode(sample)
  // A sample cut inside a character ends in one replacement: not the encoding's fault.
  if (bytes.length > SAMPLE && t.endsWith('\ufffd')) t = t.slice(0, -1)
  return t
}

function countReplacements(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) n++
  return n
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]]
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', skip: 3 }
  if (a === 0xff && b === 0xfe && c === 0 && d === 0 && bytes.length % 4 === 0) return { encoding: 'utf-32le', skip: 4 }
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', skip: 4 }
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', skip: 2 }
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', skip: 2 }
  return null
}

/** Share of characters that belong in text: ASCII, European letters, punctuation, CJK, kana, Hangul. */
function textLike(text: string): number {
  let ok = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (
      (c >= 0x20 && c <= 0x7e) || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || (c >= 0xa0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff) ||
      (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xff00 && c <= 0xffef)
    )
      ok++
  }
  return text.length ? ok / text.length : 0
}

/**
 * UTF-32 or UTF-16 told by their zero bytes: UTF-8 and GBK text has none, UTF-16 has one in every ASCII
 * character (and in 一, U+4E00), UTF-32 two or three per character. For UTF-16 the byte order that reads
 * as text wins (the other order turns Chinese into Hangul and private-use noise); binary files with
 * zeros read as text in neither.
 */
function zeroPattern(bytes: Uint8Array): 'utf-32le' | 'utf-32be' | 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~3
  const zero = [0, 0, 0, 0]
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zero[i & 3]!++
  if (n >= 8) {
    const q = n / 4
    if (zero[3]! > q * 0.98 && zero[2]! > q * 0.9 && zero[0]! < q * 0.1) return 'utf-32le'
    if (zero[0]! > q * 0.98 && zero[1]! > q * 0.9 && zero[3]! < q * 0.1) return 'utf-32be'
  }
  const m = Math.min(bytes.length, 4096) & ~1
  if (m < 4 || !bytes.subarray(0, m).includes(0)) return null
  const head = bytes.subarray(0, m)
  const le = textLike(new TextDecoder('utf-16le').decode(head))
  const be = textLike(new TextDecoder('utf-16be').decode(head))
  if (le >= 0.9 && le >= be) return 'utf-16le'
  if (be >= 0.9 && be > le) return 'utf-16be'
  return null
}

/** The first bytes of a UTF-16 or UTF-32 file (known by its BOM or its zero bytes) as text, for sniffing; else null. */
export function probeUnicode(head: Uint8Array): string | null {
  const bom = bomEncoding(head)
  const encoding = bom && bom.encoding !== 'utf-8' ? bom.encoding : bom ? null : zeroPattern(head)
  if (!encoding) return null
  const body = head.subarray(bom?.skip ?? 0)
  return decodeUnicode(encoding, body.subarray(0, body.length - (body.length % (encoding.startsWith('utf-32') ? 4 : 2)))).text
}

function decodeUtf32(bytes: Uint8Array, bigEndian: boolean): { text: string; replaced: number } {
  const parts: string[] = []
  let chunk: number[] = []
  let replaced = 0
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp = bigEndian
      ? ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0
      : ((bytes[i + 3]! << 24) | (bytes[i + 2]! << 16) | (bytes[i + 1]! << 8) | bytes[i]!) >>> 0
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      chunk.push(0xfffd)
      replaced++
    } else chunk.push(cp)
    if (chunk.length >= 8192) {
      parts.push(String.fromCodePoint(...chunk))
      chunk = []
    }
  }
  parts.push(String.fromCodePoint(...chunk))
  return { text: parts.join(''), replaced }
}

function decodeUnicode(encoding: string, bytes: Uint8Array): Decoded {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') {
    const { text, replaced } = decodeUtf32(bytes, encoding === 'utf-32be')
    return { text, encoding, replaced }
  }
  const text = new TextDecoder(encoding).decode(bytes)
  return { text, encoding, replaced: countReplacements(text) }
}

/** UTF-8 damaged in a few places (a bad byte, a file cut inside a character): how many, or null when it is not UTF-8. */
function damagedUtf8(bytes: Uint8Array): { text: string; errors: number } | null {
  const text = new TextDecoder('utf-8').decode(bytes)
  let replacements = 0
  let multibyte = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0xfffd) replacements++
    else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) multibyte++
  }
  // U+FFFD written in the file itself (EF BF BD) is not damage.
  let literal = 0
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) literal++
  const errors = replacements - literal
  if (errors <= 0) return { text, errors: 0 }
  return multibyte >= 20 * errors && errors <= Math.max(3, multibyte / 200) ? { text, errors } : null
}

export function notChinese(what: string, encoding?: string): AppError {
  return new AppError('not-chinese', `不是中文文本：文件内容看起来是${what}${encoding ? `（${encoding} 编码）` : ''}，本工具只审核中文报告。`)
}

/** Throws `not-chinese` when the letters of `text` are mostly of another language. */
export function assertChinese(text: string): void {
  let han = 0
  let kana = 0
  let hangul = 0
  const words: Partial<Record<Lang, number>> = {}
  let prev: Lang | 'other' = 'other'
  const limit = Math.min(text.length, 200_000)
  for (let i = 0; i < limit; i++) {
    const s = script(text.charCodeAt(i))
    if (s === 'zh') han++
    else if (s === 'ja') kana++
    else if (s === 'ko') hangul++
    else if (s !== 'other' && s !== prev) words[s] = (words[s] ?? 0) + 1 // a word of an alphabet counts once
    prev = s
  }
  let other: Lang | null = null
  let otherUnits = 0
  for (const [lang, n] of Object.entries(words) as Array<[Lang, number]>) {
    if (n > otherUnits) {
      other = lang
      otherUnits = n
    }
  }
  if (kana > otherUnits) [other, otherUnits] = ['ja', kana]
  if (hangul > otherUnits) other = 'ko'
  const units = han + kana + hangul + Object.values(words).reduce((a, b) => a + b, 0)
  if (units < 20 || !other || other === 'zh') return
  const japanese = kana >= 20 && kana > (han + kana) * 0.25
  if (japanese) throw notChinese(LANG_NAMES.ja)
  if (han < units * 0.2) throw notChinese(LANG_NAMES[other as Exclude<Lang, 'zh'>])
}

export interface Ranked extends Candidate, Score {}

/** Natural Chinese scores 0.35–0.65 (common characters × share of Han); misread bytes at most 0.25. */
const CLEARLY_CHINESE = 0.35

/** Every candidate legacy encoding scored on a sample: the Chinese ones best first, and the best other one. */
export function rankEncodings(bytes: Uint8Array, preferred: string | null = null): { chinese: Ranked[]; other: Ranked | null } {
  const zh = [...CHINESE]
  if (preferred === 'big5') zh.reverse()
  if (bytes.length % 2 === 0) zh.push({ encoding: 'utf-16le', lang: 'zh' }, { encoding: 'utf-16be', lang: 'zh' })
  const chinese: Ranked[] = []
  for (const c of zh) {
    const r = { ...c, ...naturalness(decodeSample(c.encoding, bytes), 'zh') }
    chinese.push(r)
    // Plainly Chinese: no misreading of other bytes scores this high, so nothing else needs trying.
    if (r.score >= CLEARLY_CHINESE && r.evidence >= 20) return { chinese: [r], other: null }
  }
  chinese.sort((a, b) => b.score - a.score || Number(b.encoding === preferred) - Number(a.encoding === preferred))
  let other: Ranked | null = null
  for (const c of OTHERS) {
    const s = naturalness(decodeSample(c.encoding, bytes), c.lang)
    if (!other || s.score > other.score) other = { ...c, ...s }
  }
  return { chinese, other }
}

/** Decodes `bytes`; `declared` is a charset a page declares (a hint: the bytes decide). */
export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  const bom = bomEncoding(bytes)
  if (bom) {
    const d = decodeUnicode(bom.encoding, bytes.subarray(bom.skip))
    return { ...d, encoding: bom.encoding === 'utf-8' ? 'utf-8-bom' : bom.encoding, replaced: 0 }
  }
  // Zero bytes never occur in UTF-8 or GBK text, so a regular pattern of them is UTF-32 or UTF-16
  // (whose ASCII would otherwise pass as UTF-8 full of NULs).
  const zeros = zeroPattern(bytes)
  if (zeros) return decodeUnicode(zeros, bytes)

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', replaced: 0 }
  } catch {
    // not clean UTF-8
  }
  const damaged = damagedUtf8(bytes)
  if (damaged) {
    return {
      text: damaged.text,
      encoding: 'utf-8',
      replaced: damaged.errors,
      warning: `文件中有 ${damaged.errors} 处字节不是有效的 UTF-8（文件可能不完整或损坏），已用“�”代替。`
    }
  }

  const decl = declared?.toLowerCase().trim()
  const declaredChinese = decl && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(decl) ? 'gb18030' : decl && /^(big5|big5-hkscs|cp950)$/.test(decl) ? 'big5' : null
  const { chinese, other } = rankEncodings(bytes, declaredChinese)
  const bestZh = chinese[0]!
  // Natural Chinese has ≥ 0.35 of its Han characters among the few hundred commonest; misread bytes
  // ≤ 0.25. Another language wins only when it reads naturally and better than any Chinese reading.
  const readsAsChinese = bestZh.score >= 0.3
  const otherReads = other !== null && other.score >= 0.5
  if (otherReads && other.evidence >= 20 && other.score > bestZh.score * 1.5) {
    throw notChinese(LANG_NAMES[other.lang as Exclude<Lang, 'zh'>], other.encoding)
  }
  if (!readsAsChinese && bestZh.evidence >= 200 && bestZh.score < 0.15) {
    // Hundreds of characters and none of them read as Chinese in any Chinese encoding.
    throw new AppError('not-chinese', '不是中文文本：文件的文字无法按任何中文编码读通（可能是其他语言，或 EUC-TW、Johab 等少见编码），请另存为 UTF-8 后再导入。')
  }

  // Chinese, or too little text to tell: the best-reading Chinese encoding if it decodes cleanly;
  // else a clean reading in another language, so the language check sees its real letters.
  const order = readsAsChinese ? [bestZh.encoding] : [declaredChinese ?? 'gb18030', 'big5']
  if (!readsAsChinese && otherReads) order.push(other.encoding)
  if (!readsAsChinese && mostlyAscii(bytes)) order.push('windows-1252')
  for (const enc of order) {
    try {
      return { text: new TextDecoder(enc, { fatal: true }).decode(bytes), encoding: enc, replaced: 0 }
    } catch {
      // try the next
    }
  }
  // Nothing fits cleanly: decode leniently with the most likely one and count the losses.
  const enc = order[0]!
  const text = new TextDecoder(enc).decode(bytes)
  return { text, encoding: enc, replaced: countReplacements(text) }
}

function mostlyAscii(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE)
  let high = 0
  for (let i = 0; i < n; i++) if (bytes[i]! >= 0x80) high++
  return high <= n * 0.05
}

// Decodes text bytes in any Chinese encoding: BOM first, then strict UTF-8, then UTF-16 without BOM,
// then GB18030 or Big5 by which reads as more plausible Chinese. Never trusts chardet-style guesses,
// which take short GBK text for Shift_JIS.

export interface Decoded {
  text: string
  encoding: string
  /** Characters that could not be decoded (U+FFFD) when no encoding fitted cleanly. */
  replaced: number
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

const COMMON_SIMPLIFIED = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研'
const COMMON_TRADITIONAL = '們這個國為會來時說對發動學實現體關開點進機經過還將當從務區業產導權規劃黨組織領責設報執審決議論'

function plausibility(text: string): number {
  let score = 0
  let cjk = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++
      if (COMMON_SIMPLIFIED.includes(ch) || COMMON_TRADITIONAL.includes(ch)) score++
    } else if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) score -= 5 // replacement or private use
    else if (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) score -= 5 // control characters
  }
  return cjk === 0 ? score : score / Math.sqrt(cjk)
}

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be'
  return null
}

export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', replaced: 0 }
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', replaced: 0 }
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', replaced: 0 }
  }
  const utf8 = tryDecode('utf-8', bytes, true)
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', replaced: 0 }

  const u16 = looksUtf16(bytes)
  if (u16) return { text: new TextDecoder(u16).decode(bytes), encoding: u16, replaced: 0 }

  const candidates: string[] = []
  const decl = declared?.toLowerCase().trim()
  if (decl && /^(gb2312|gbk|gb18030|x-gbk|big5|big5-hkscs)$/.test(decl)) candidates.push(decl === 'big5-hkscs' ? 'big5' : 'gb18030')
  for (const c of ['gb18030', 'big5']) if (!candidates.includes(c)) candidates.push(c)
  // Chinese UTF-16 without a BOM has few zero bytes: let it compete on plausibility too.
  if (bytes.length % 2 === 0) candidates.push('utf-16le', 'utf-16be')

  let best: { text: string; encoding: string; score: number } | null = null
  for (const enc of candidates) {
    const t = tryDecode(enc, bytes, true)
    if (t === null) continue
    const score = plausibility(t.length > 20000 ? t.slice(0, 20000) : t)
    if (!best || score > best.score + 0.01) best = { text: t, encoding: enc, score }
  }
  if (best) return { text: best.text, encoding: best.encoding, replaced: 0 }

  // Nothing fits cleanly: decode leniently with the most likely one and count the losses.
  const lenient = new TextDecoder(candidates[0] === 'big5' ? 'big5' : 'gb18030').decode(bytes)
  let replaced = 0
  for (let i = 0; i < lenient.length; i++) if (lenient.charCodeAt(i) === 0xfffd) replaced++
  return { text: lenient, encoding: candidates[0]!, replaced }
}

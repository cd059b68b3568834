// The single characters and pairs of characters of a text, for the full-text index of short search
// terms (Chinese words of one or two characters: 法, 普法), which the trigram index cannot answer. Pure.

/** A letter or digit of any script (Chinese characters included); anything else breaks a pair. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)
  if (c >= 0x4e00 && c <= 0x9fff) return true // CJK unified ideographs: the common case, decided at once
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(c))
}

/** The form both the text and a query take before gram matching: NFKC (full width folded) and lower case. */
export function gramForm(s: string): string {
  return s.normalize('NFKC').toLowerCase()
}

/**
 * Every distinct character and adjacent pair of word characters in the text, space-separated: the
 * document of the gram index (each is one token to FTS5's unicode61 tokenizer).
 */
export function searchGrams(text: string): string {
  const t = gramForm(text)
  const grams = new Set<string>()
  let prev = ''
  for (const ch of t) {
    if (isWordChar(ch.codePointAt(0)!)) {
      grams.add(ch)
      if (prev) grams.add(prev + ch)
      prev = ch
    } else prev = ''
  }
  return [...grams].join(' ')
}

/** Whether a query term can be answered by the gram index: one or two word characters. */
export function isGramTerm(term: string): boolean {
  const chars = [...gramForm(term)]
  return chars.length >= 1 && chars.length <= 2 && chars.every((c) => isWordChar(c.codePointAt(0)!))
}

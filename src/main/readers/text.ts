// Plain text and Markdown: decode, split into lines, mark Markdown headings.
// Markdown is read by hand-written scanners, not regular expressions with nested or lazy repetition,
// so that a hostile line (a million `[`, `**` or spaces) costs one pass.

import type { ExtractedDoc } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { DocBuilder } from './doc-builder'
import { assertChinese, decodeText } from './encoding'
import { LIMITS } from './limits'

export function readText(bytes: Uint8Array, markdown: boolean): ExtractedDoc {
  if (bytes.length > LIMITS.maxTextBytes) {
    throw new AppError('too-large', `文本文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${LIMITS.maxTextBytes / 1048576} MB）。`)
  }
  const decoded = decodeText(bytes)
  if (decoded.replaced > 0 && !decoded.warning && decoded.replaced > decoded.text.length * 0.02) {
    throw new AppError('corrupt', `无法识别文件的文字编码（${decoded.replaced} 个字符无法解码），请另存为 UTF-8 后再导入。`)
  }
  const b = new DocBuilder()
  if (decoded.warning) b.warnings.push(decoded.warning)
  else if (decoded.replaced > 0) b.warnings.push(`${decoded.replaced} 个字符无法解码。`)
  const lines = decoded.text.split(/\r\n|\r|\n/)
  let inFence = false
  for (let i = 0; i < lines.length && !b.isFull; i++) {
    let line = lines[i]!
    if (markdown) {
      if (line.trimStart().startsWith('```')) {
        inFence = !inFence
        continue
      }
      if (!inFence) {
        const h = atxHeading(line)
        if (h) {
          b.add(stripInline(h.text), 'heading', { level: h.level, line: i + 1 })
          continue
        }
        const bold = boldHeading(line)
        if (bold) {
          b.add(bold, 'heading', { line: i + 1 })
          continue
        }
        if (isRule(line)) continue
        line = stripInline(stripListMarker(line))
        const t = line.trimStart()
        if (t.startsWith('>')) line = t.slice(t[1] === ' ' ? 2 : 1)
      }
    }
    b.add(line, 'paragraph', { line: i + 1 })
  }
  const doc = b.build(markdown ? 'md' : 'txt', decoded.encoding)
  assertChinese(doc.text)
  return doc
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t'

/** `# 标题`, `## 标题 ##`: up to three spaces, one to six #, a space, the text, optional closing #s. */
function atxHeading(line: string): { level: number; text: string } | null {
  let i = 0
  while (i < 3 && line[i] === ' ') i++
  let level = 0
  while (line[i + level] === '#' && level < 7) level++
  if (level < 1 || level > 6 || !isSpace(line[i + level])) return null
  let text = line.slice(i + level).trim()
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  if (end === 0 || isSpace(text[end - 1])) text = text.slice(0, end).trimEnd()
  return { level, text }
}

/** A line that is only `**…**` or `__…__` (2–80 characters, optionally ending in 。.:：) reads as a heading. */
function boldHeading(line: string): string | null {
  let t = line.trim()
  if ('。.:：'.includes(t[t.length - 1] ?? 'x')) t = t.slice(0, -1).trimEnd()
  const open = t.slice(0, 2)
  if ((open !== '**' && open !== '__') || !(t.endsWith('**') || t.endsWith('__')) || t.length < 6 || t.length > 84) return null
  const inner = t.slice(2, -2)
  if (inner.includes('*') || inner.includes('_')) return null
  return inner
}

/** `---`, `* * *`, `___`: three or more of one marker, spaces allowed. */
function isRule(line: string): boolean {
  let marker = ''
  let count = 0
  for (const ch of line) {
    if (isSpace(ch)) continue
    if (ch !== '-' && ch !== '*' && ch !== '_') return false
    if (!marker) marker = ch
    if (ch === marker) count++
  }
  return count >= 3
}

/** `- item`, `* item`, `+ item` lose the marker; `1. item` keeps its number. */
function stripListMarker(line: string): string {
  let i = 0
  while (isSpace(line[i])) i++
  let j = i
  if (line[j] === '-' || line[j] === '*' || line[j] === '+') j++
  else {
    while (line[j]! >= '0' && line[j]! <= '9') j++
    if (j === i || line[j] !== '.') return line
    j++
  }
  let k = j
  while (isSpace(line[k])) k++
  if (k === j || k >= line.length) return line
  return /\d/.test(line[i]!) ? line.slice(i) : line.slice(k)
}

/** Finds the next occurrence of `needle` at or after a position that only ever grows: O(n) in all. */
function forwardFinder(s: string, needle: string): (from: number) => number {
  let at = -2 // -2: not searched yet; -1: none left
  return (from) => {
    if (at === -1) return -1
    if (at < from) at = s.indexOf(needle, from)
    return at
  }
}

/** Images `![…](…)` removed, links `[text](…)` to their text, `**b**`/`__b__` and `` `c` `` to their content. */
function stripInline(s: string): string {
  if (!/[[`*_]/.test(s)) return s
  return code(emphasis(emphasis(links(s), '**'), '__'))
}

function links(s: string): string {
  const close = forwardFinder(s, ']')
  const paren = forwardFinder(s, ')')
  let out = ''
  let last = 0
  for (let i = s.indexOf('['); i >= 0; i = s.indexOf('[', i + 1)) {
    if (i < last) continue
    const c = close(i + 1)
    if (c < 0) break
    if (s[c + 1] !== '(') continue
    // No ']' between '[' and c, by construction; the label must not be empty unless it is an image.
    const image = i > 0 && s[i - 1] === '!' && i - 1 >= last
    if (c === i + 1 && !image) continue
    const p = paren(c + 2)
    if (p < 0) break
    out += s.slice(last, image ? i - 1 : i) + (image ? '' : s.slice(i + 1, c))
    last = p + 1
    i = p
  }
  return last === 0 ? s : out + s.slice(last)
}

function emphasis(s: string, marker: string): string {
  const next = forwardFinder(s, marker)
  let out = ''
  let last = 0
  for (let i = next(0); i >= 0; ) {
    const j = next(i + marker.length + 1)
    if (j < 0) break
    out += s.slice(last, i) + s.slice(i + marker.length, j)
    last = j + marker.length
    i = next(last)
  }
  return last === 0 ? s : out + s.slice(last)
}

function code(s: string): string {
  const next = forwardFinder(s, '`')
  let out = ''
  let last = 0
  for (let i = next(0); i >= 0; ) {
    const j = next(i + 1)
    if (j < 0) break
    if (j === i + 1) {
      i = j
      continue
    }
    out += s.slice(last, i) + s.slice(i + 1, j)
    last = j + 1
    i = next(last)
  }
  return last === 0 ? s : out + s.slice(last)
}

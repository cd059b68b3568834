// Accumulates blocks of text into an ExtractedDoc, one block per line of the output text.

import type { Block, BlockKind, ExtractedDoc, ReportFormat } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { LIMITS } from './limits'

const isEdgeSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0
const isTrailingSpace = (c: number) => isEdgeSpace(c) || c === 0x3000

/** Line breaks become spaces; spaces trimmed at the end (ideographic ones too) and at the start (not
 *  ideographic ones, which indent Chinese paragraphs). One pass, no backtracking. */
function clean(text: string): string {
  let s = text
  if (/[\r\n\u2028\u2029]/.test(s)) s = s.replace(/[\r\n\u2028\u2029]+/g, ' ')
  let end = s.length
  while (end > 0 && isTrailingSpace(s.charCodeAt(end - 1))) end--
  let start = 0
  while (start < end && isEdgeSpace(s.charCodeAt(start))) start++
  return start === 0 && end === s.length ? s : s.slice(start, end)
}

/** Any letter or digit of any script (a Hebrew or Japanese text is not empty, only not Chinese). */
function hasWordCharacter(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s)
}

export class DocBuilder {
  private parts: string[] = []
  private length = 0
  readonly blocks: Block[] = []
  readonly warnings: string[] = []
  private truncated = false

  add(text: string, kind: BlockKind = 'paragraph', extra: Partial<Block> = {}): void {
    if (this.truncated) return
    let c = clean(text)
    if (!c.trim()) return
    const room = LIMITS.maxTextChars - this.length
    if (c.length > room) {
      // Keep what fits of an overlong block (a page that is one 10 MB text node is still read, in part).
      this.warnings.push(`文字超过 ${LIMITS.maxTextChars} 字，其余部分未读取。`)
      this.truncated = true
      c = clean(c.slice(0, Math.max(0, room - 1)))
      if (!c.trim()) return
    }
    const start = this.length
    this.parts.push(c, '\n')
    this.length += c.length + 1
    this.blocks.push({ ...extra, start, end: start + c.length, kind })
  }

  get isFull(): boolean {
    return this.truncated
  }

  build(format: ReportFormat, encoding: string, extra: Partial<ExtractedDoc> = {}): ExtractedDoc {
    const text = this.parts.join('')
    if (!hasWordCharacter(text)) throw new AppError('empty')
    return { format, encoding, text, blocks: this.blocks, warnings: [...this.warnings, ...(extra.warnings ?? [])], ...omit(extra, 'warnings') }
  }
}

function omit<T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> {
  const { [k]: _drop, ...rest } = o
  return rest
}

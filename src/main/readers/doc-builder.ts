// Accumulates blocks of text into an ExtractedDoc, one block per line of the output text.

import type { Block, BlockKind, ExtractedDoc, ReportFormat } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { LIMITS } from './limits'

export class DocBuilder {
  private parts: string[] = []
  private length = 0
  readonly blocks: Block[] = []
  readonly warnings: string[] = []
  private truncated = false

  add(text: string, kind: BlockKind = 'paragraph', extra: Partial<Block> = {}): void {
    const clean = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[ \t\u00a0\u3000]+$/g, '').replace(/^[ \t\u00a0]+/, '')
    if (!clean.trim()) return
    if (this.length + clean.length > LIMITS.maxTextChars) {
      if (!this.truncated) this.warnings.push(`文字超过 ${LIMITS.maxTextChars} 字，其余部分未读取。`)
      this.truncated = true
      return
    }
    const start = this.length
    this.parts.push(clean, '\n')
    this.length += clean.length + 1
    this.blocks.push({ ...extra, start, end: start + clean.length, kind })
  }

  get isFull(): boolean {
    return this.truncated
  }

  build(format: ReportFormat, encoding: string, extra: Partial<ExtractedDoc> = {}): ExtractedDoc {
    const text = this.parts.join('')
    if (!/[\u4e00-\u9fffA-Za-z0-9]/.test(text)) throw new AppError('empty')
    return { format, encoding, text, blocks: this.blocks, warnings: [...this.warnings, ...(extra.warnings ?? [])], ...omit(extra, 'warnings') }
  }
}

function omit<T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> {
  const { [k]: _drop, ...rest } = o
  return rest
}

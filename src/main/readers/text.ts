// Plain text and Markdown: decode, split into lines, mark Markdown headings.

import type { ExtractedDoc } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { DocBuilder } from './doc-builder'
import { decodeText } from './encoding'
import { LIMITS } from './limits'

export function readText(bytes: Uint8Array, markdown: boolean): ExtractedDoc {
  if (bytes.length > LIMITS.maxTextBytes) {
    throw new AppError('too-large', `文本文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${LIMITS.maxTextBytes / 1048576} MB）。`)
  }
  const decoded = decodeText(bytes)
  if (decoded.replaced > 0 && decoded.replaced > decoded.text.length * 0.02) {
    throw new AppError('corrupt', `无法识别文件的文字编码（${decoded.replaced} 个字符无法解码），请另存为 UTF-8 后再导入。`)
  }
  const b = new DocBuilder()
  if (decoded.replaced > 0) b.warnings.push(`${decoded.replaced} 个字符无法解码。`)
  const lines = decoded.text.split(/\r\n|\r|\n/)
  let inFence = false
  for (let i = 0; i < lines.length && !b.isFull; i++) {
    let line = lines[i]!
    if (markdown) {
      if (/^\s*```/.test(line)) {
        inFence = !inFence
        continue
      }
      if (!inFence) {
        const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
        if (h) {
          b.add(stripInline(h[2]!), 'heading', { level: h[1]!.length, line: i + 1 })
          continue
        }
        const bold = /^\s*(?:\*\*|__)([^*_]{2,80})(?:\*\*|__)\s*[。.:：]?\s*$/.exec(line)
        if (bold) {
          b.add(bold[1]!, 'heading', { line: i + 1 })
          continue
        }
        if (/^\s*([-*_])\s*\1\s*\1[\s\-*_]*$/.test(line)) continue // horizontal rule
        line = stripInline(line.replace(/^\s*(?:[-*+]|\d+\.)\s+(?=\S)/, (m) => (/\d/.test(m) ? m.trimStart() : '')))
        if (/^\s*>/.test(line)) line = line.replace(/^\s*>\s?/, '')
      }
    }
    b.add(line, 'paragraph', { line: i + 1 })
  }
  return b.build(markdown ? 'md' : 'txt', decoded.encoding)
}

function stripInline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
}

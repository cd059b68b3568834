// Word 97–2003 (.doc) and WPS Office (.wps, the same binary format): the main text from the piece table
// ([MS-DOC] FIB → CLX → pieces), one block per paragraph, table rows on one line, field codes dropped and
// field results kept. One linear pass over at most LIMITS.maxTextChars characters.

import type { ExtractedDoc } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { openCompoundFile, type CompoundFile } from './cfb'
import { DocBuilder } from './doc-builder'
import { LIMITS } from './limits'

export const SAVE_AS_DOCX = '请在 Word 或 WPS 中打开后“另存为” .docx 再导入。'

function unreadable(why: string): AppError {
  return new AppError('corrupt', `${why}，${SAVE_AS_DOCX}`)
}

interface Piece {
  cpStart: number
  cpEnd: number
  /** Byte offset in the WordDocument stream. */
  fc: number
  compressed: boolean
}

const cp1252 = new TextDecoder('windows-1252')
const utf16 = new TextDecoder('utf-16le')

export function readDoc(bytes: Uint8Array, format: 'doc' | 'wps'): ExtractedDoc {
  try {
    return readWord(openCompoundFile(bytes), format)
  } catch (e) {
    // Damage found in the container: the same advice as for any unreadable Word file.
    if (e instanceof AppError && e.code === 'corrupt' && !e.message.includes(SAVE_AS_DOCX)) throw unreadable(e.message.replace(/，可能不完整或已损坏。$/, ''))
    throw e
  }
}

function readWord(cfb: CompoundFile, format: 'doc' | 'wps'): ExtractedDoc {
  if (cfb.entries.has('EncryptedPackage')) throw new AppError('encrypted', 'Word 文档设有打开密码，请解除密码后再导入。')
  const word = cfb.read('WordDocument')
  if (!word) {
    if (cfb.entries.has('Workbook') || cfb.entries.has('Book')) throw new AppError('unsupported-format', '这是旧版 Excel 表格，不是报告文档。')
    if (cfb.entries.has('PowerPoint Document')) throw new AppError('unsupported-format', '这是旧版 PowerPoint 演示文稿，不是报告文档。')
    throw new AppError('unsupported-format', `这不是 Word 格式的${format === 'wps' ? ' WPS ' : ''}文档（可能是早期 WPS 或其他软件的专有格式），${SAVE_AS_DOCX}`)
  }
  if (word.length < 0x200) throw unreadable('Word 文档头不完整')
  const fib = new DataView(word.buffer, word.byteOffset, word.byteLength)
  if (fib.getUint16(0, true) !== 0xa5ec) throw unreadable('不是有效的 Word 文档（文档头标识不符）')
  const nFib = fib.getUint16(2, true)
  const flags = fib.getUint16(0x0a, true)
  if (flags & 0x0100) throw new AppError('encrypted', 'Word 文档设有打开密码，请解除密码后再导入。')
  if (nFib < 0xc1) throw new AppError('unsupported-format', `这是 Word 95 或更早版本的文档，${SAVE_AS_DOCX}`)
  const table = cfb.read(flags & 0x0200 ? '1Table' : '0Table')
  if (!table) throw unreadable('Word 文档缺少表格流')

  // FIB: the variable parts are sized by their own counts (csw, cslw, cbRgFcLcb).
  const csw = fib.getUint16(0x20, true)
  const rgLw = 0x22 + csw * 2 + 2
  const cslw = fib.getUint16(rgLw - 2, true)
  if (cslw < 4 || rgLw + cslw * 4 + 2 > word.length) throw unreadable('Word 文档头不完整')
  const ccpText = fib.getInt32(rgLw + 12, true)
  const cbRgFcLcb = fib.getUint16(rgLw + cslw * 4, true)
  const rgFcLcb = rgLw + cslw * 4 + 2
  if (cbRgFcLcb < 34 || rgFcLcb + 34 * 8 > word.length) throw unreadable('Word 文档头不完整')
  const fcClx = fib.getUint32(rgFcLcb + 33 * 8, true)
  const lcbClx = fib.getUint32(rgFcLcb + 33 * 8 + 4, true)
  if (ccpText < 0 || fcClx + lcbClx > table.length || lcbClx < 5) throw unreadable('Word 文档的文字索引损坏')

  const pieces = readPieceTable(table.subarray(fcClx, fcClx + lcbClx), word.length)
  const b = new DocBuilder()
  const limit = Math.min(ccpText, LIMITS.maxTextChars * 2)
  const emit = textEmitter(b)
  for (const p of pieces) {
    if (p.cpStart >= limit || b.isFull) break
    const n = Math.min(p.cpEnd, limit) - p.cpStart
    emit(p.compressed ? cp1252.decode(word.subarray(p.fc, p.fc + n)) : utf16.decode(word.subarray(p.fc, p.fc + n * 2)))
  }
  emit('\r')
  return b.build(format, 'utf-8', { declaredTitle: summaryTitle(cfb) })
}

/** CLX: skip the Prc records, then the PlcPcd of the Pcdt: n+1 character positions and n piece descriptors. */
function readPieceTable(clx: Uint8Array, wordLength: number): Piece[] {
  const v = new DataView(clx.buffer, clx.byteOffset, clx.byteLength)
  let pos = 0
  while (pos < clx.length && clx[pos] === 0x01) {
    if (pos + 3 > clx.length) throw unreadable('Word 文档的文字索引损坏')
    pos += 3 + v.getInt16(pos + 1, true)
  }
  if (clx[pos] !== 0x02 || pos + 5 > clx.length) throw unreadable('Word 文档的文字索引损坏')
  const lcb = v.getUint32(pos + 1, true)
  pos += 5
  if (pos + lcb > clx.length || lcb < 16 || (lcb - 4) % 12 !== 0) throw unreadable('Word 文档的文字索引损坏')
  const n = (lcb - 4) / 12
  const pieces: Piece[] = []
  for (let i = 0; i < n; i++) {
    const cpStart = v.getUint32(pos + i * 4, true)
    const cpEnd = v.getUint32(pos + (i + 1) * 4, true)
    const raw = v.getUint32(pos + (n + 1) * 4 + i * 8 + 2, true)
    const compressed = (raw & 0x40000000) !== 0
    const fc = compressed ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff
    if (cpEnd < cpStart || (pieces.length && cpStart < pieces[pieces.length - 1]!.cpEnd)) throw unreadable('Word 文档的文字索引损坏')
    if (fc + (cpEnd - cpStart) * (compressed ? 1 : 2) > wordLength) throw unreadable('Word 文档的文字超出文件范围，文件可能不完整')
    pieces.push({ cpStart, cpEnd, fc, compressed })
  }
  return pieces
}

/**
 * Turns Word's text stream into blocks. 0x0D ends a paragraph, 0x07 ends a table cell (twice in a row:
 * the row), 0x13/0x14/0x15 open, separate and close a field (the instruction is dropped, the shown
 * result kept), other control characters mark pictures, notes and the like.
 */
function textEmitter(b: DocBuilder): (chunk: string) => void {
  let para = ''
  let cells: string[] | null = null
  let lastWasCellEnd = false
  let paraNo = 0
  // One entry per open field: true while in its instruction part.
  const fields: boolean[] = []
  let hidden = 0
  const endParagraph = () => {
    paraNo++
    if (cells) {
      // a paragraph inside a cell: keep it with the cell
      para += ' '
      return
    }
    b.add(para, 'paragraph', { para: paraNo })
    para = ''
  }
  return (chunk) => {
    for (let i = 0; i < chunk.length && !b.isFull; i++) {
      const ch = chunk.charCodeAt(i)
      if (ch === 0x13) {
        fields.push(true)
        hidden++
        continue
      }
      if (ch === 0x14) {
        if (fields.length && fields[fields.length - 1]) {
          fields[fields.length - 1] = false
          hidden--
        }
        continue
      }
      if (ch === 0x15) {
        if (fields.length && fields.pop()) hidden--
        continue
      }
      if (hidden > 0) continue
      if (ch === 0x07) {
        if (lastWasCellEnd && cells) {
          const line = cells.map((c) => c.trim()).filter(Boolean).join(' ')
          if (line) b.add(line, 'table', { para: paraNo })
          cells = null
          lastWasCellEnd = false
          paraNo++
          continue
        }
        ;(cells ??= []).push(para)
        para = ''
        lastWasCellEnd = true
        continue
      }
      if (ch === 0x0d || ch === 0x0c || ch === 0x0e) {
        if (lastWasCellEnd && cells) {
          // a row whose end mark is missing: the row ends at the next paragraph
          const line = cells.map((c) => c.trim()).filter(Boolean).join(' ')
          if (line) b.add(line, 'table', { para: paraNo })
          cells = null
        }
        lastWasCellEnd = false
        endParagraph()
        continue
      }
      lastWasCellEnd = false
      if (ch === 0x09 || ch === 0x0b) para += ' '
      else if (ch === 0x1e) para += '-'
      else if (ch >= 0x20) para += chunk[i]
    }
  }
}

/** The Title property (PID 2) of the \x05SummaryInformation property set, in its code page. */
function summaryTitle(cfb: CompoundFile): string | undefined {
  try {
    const s = cfb.read('\u0005SummaryInformation')
    if (!s || s.length < 48) return undefined
    const v = new DataView(s.buffer, s.byteOffset, s.byteLength)
    const section = v.getUint32(44, true)
    if (section + 8 > s.length) return undefined
    const count = Math.min(v.getUint32(section + 4, true), 256)
    let codePage = 1252
    let title: { type: number; at: number } | null = null
    for (let i = 0; i < count && section + 8 + i * 8 + 8 <= s.length; i++) {
      const id = v.getUint32(section + 8 + i * 8, true)
      const at = section + v.getUint32(section + 8 + i * 8 + 4, true)
      if (at + 8 > s.length) continue
      if (id === 1) codePage = v.getUint16(at + 4, true)
      if (id === 2) title = { type: v.getUint32(at, true), at }
    }
    if (!title) return undefined
    const len = v.getUint32(title.at + 4, true)
    const start = title.at + 8
    let text: string
    if (title.type === 0x1f) text = utf16.decode(s.subarray(start, Math.min(s.length, start + len * 2)))
    else if (title.type === 0x1e) {
      const raw = s.subarray(start, Math.min(s.length, start + len))
      const label = codePage === 65001 ? 'utf-8' : codePage === 936 || codePage === 54936 ? 'gb18030' : codePage === 950 ? 'big5' : codePage === 1200 ? 'utf-16le' : 'windows-1252'
      text = new TextDecoder(label).decode(raw)
    } else return undefined
    const t = text.replace(/\0+$/, '').replace(/\s+/g, ' ').trim()
    return t || undefined
  } catch {
    return undefined // a damaged property set costs the title, not the report
  }
}

// Bytes → ExtractedDoc: sniffs the content (not just the extension) and calls the reader for it.

import path from 'node:path'
import type { ExtractedDoc, ReportFormat } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { readDocx } from './docx'
import { probeUnicode } from './encoding'
import { readHtml } from './html'
import { LIMITS } from './limits'
import { readPdf } from './pdf'
import { readText } from './text'

/** Extensions the importer picks up from folders. */
export const SUPPORTED_EXTENSIONS = ['.docx', '.pdf', '.html', '.htm', '.shtml', '.xhtml', '.txt', '.text', '.md', '.markdown'] as const
/** Extensions that are recognisably documents we cannot read (listed, never silently skipped). */
export const KNOWN_UNSUPPORTED = ['.doc', '.wps', '.wpt', '.dot', '.rtf', '.odt', '.ofd', '.xls', '.xlsx', '.et', '.ppt', '.pptx', '.dps', '.jpg', '.jpeg', '.png', '.gif', '.tif', '.tiff', '.bmp', '.mht', '.mhtml', '.zip', '.rar', '.7z'] as const

export type Sniffed = ReportFormat | { unsupported: string } | 'encrypted-office'

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((v, i) => bytes[at + i] === v)
}

function containsAscii(bytes: Uint8Array, needle: string, limit = bytes.length): boolean {
  const n = Buffer.from(needle, 'latin1')
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(limit, bytes.length)).includes(n)
}

function containsUtf16(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(Buffer.from(needle, 'utf16le'))
}

const LEGACY_WORD = '这是旧版 Word（.doc）或 WPS（.wps）文件，请在 Word 或 WPS 中“另存为” .docx 后再导入。'

export function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  const ext = path.extname(fileName).toLowerCase()
  if (containsAscii(bytes, '%PDF-', 1024)) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (containsAscii(bytes, 'word/')) return 'docx'
    if (containsAscii(bytes, 'OFD.xml')) return { unsupported: 'OFD 版式文件暂不支持，请导出为 PDF 或 Word 后再导入。' }
    if (containsAscii(bytes, 'xl/')) return { unsupported: '这是 Excel 表格，不是报告文档。' }
    if (containsAscii(bytes, 'ppt/')) return { unsupported: '这是 PowerPoint 演示文稿，不是报告文档。' }
    if (ext === '.docx') return 'docx' // let the reader say what is wrong with it
    return { unsupported: '这是压缩包，请解压后导入其中的报告文件。' }
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (containsUtf16(bytes, 'EncryptedPackage')) return 'encrypted-office'
    if (ext === '.xls' || ext === '.et') return { unsupported: '这是旧版 Excel 表格，不是报告文档。' }
    return { unsupported: LEGACY_WORD }
  }
  if (containsAscii(bytes, '{\\rtf', 8)) return { unsupported: 'RTF 文件暂不支持，请另存为 .docx 后再导入。' }
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    containsAscii(bytes, 'GIF8', 4) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])
  ) {
    return { unsupported: '这是图片文件（可能是扫描件），请先进行文字识别（OCR）或提供 Word、PDF 文本版。' }
  }
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return { unsupported: '这是压缩包，请解压后导入其中的报告文件。' }
  // Text of some kind. Binary junk has NUL bytes outside a UTF-16 pattern.
  const head = bytes.subarray(0, 4096)
  const unicode = probeUnicode(head) // UTF-16/UTF-32, with or without a BOM
  if (unicode === null && head.includes(0)) return { unsupported: '无法识别的二进制文件。' }
  const probe = unicode ?? new TextDecoder('latin1').decode(head)
  if (/<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p[\s>]/i.test(probe)) return 'html'
  if (ext === '.md' || ext === '.markdown') return 'md'
  return 'txt'
}

const EXPECTED: Record<string, ReportFormat | 'html'> = {
  '.docx': 'docx', '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.shtml': 'html', '.xhtml': 'html', '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md'
}
const FORMAT_NAMES: Record<ReportFormat, string> = { docx: 'Word 文档', pdf: 'PDF', html: '网页', txt: '文本', md: '文本' }

/** Reads one report file's bytes. Throws AppError with a stable code when it cannot. */
export async function readReport(bytes: Uint8Array, fileName: string): Promise<ExtractedDoc> {
  if (bytes.length === 0) throw new AppError('empty', '文件是空的（0 字节）。')
  if (bytes.length > LIMITS.maxFileBytes) {
    throw new AppError('too-large', `文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${LIMITS.maxFileBytes / 1048576} MB）。`)
  }
  const kind = sniff(bytes, fileName)
  if (kind === 'encrypted-office') throw new AppError('encrypted', 'Word 文档设有密码保护，请解除密码后再导入。')
  if (typeof kind === 'object') throw new AppError('unsupported-format', kind.unsupported)
  let doc: ExtractedDoc
  switch (kind) {
    case 'pdf':
      doc = await readPdf(bytes)
      break
    case 'docx':
      doc = readDocx(bytes)
      break
    case 'html':
      doc = readHtml(bytes)
      break
    default:
      doc = readText(bytes, kind === 'md')
  }
  const ext = path.extname(fileName).toLowerCase()
  const expected = EXPECTED[ext]
  const same = expected === kind || (expected === 'txt' && kind === 'md') || (expected === 'md' && kind === 'txt')
  if (expected && !same) {
    doc.warnings.push(`文件扩展名为 ${ext}，但内容是${FORMAT_NAMES[kind]}，已按${FORMAT_NAMES[kind]}读取。`)
  }
  return doc
}

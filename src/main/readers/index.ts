// Bytes → ExtractedDoc: sniffs the content (not just the extension) and calls the reader for it.

import path from 'node:path'
import type { ExtractedDoc, ReportFormat } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { readDoc, SAVE_AS_DOCX } from './doc'
import { readDocx } from './docx'
import { decodeText, probeUnicode } from './encoding'
import { readHtml } from './html'
import { LIMITS } from './limits'
import { looksLikeMime, readMht } from './mht'
import { readOfd } from './ofd'
import { readPdf } from './pdf'
import { readText } from './text'

/** Extensions the importer picks up from folders. */
export const SUPPORTED_EXTENSIONS = [
  '.docx', '.doc', '.wps', '.pdf', '.ofd', '.html', '.htm', '.shtml', '.xhtml', '.mht', '.mhtml', '.txt', '.text', '.md', '.markdown'
] as const
/** Extensions that are recognisably documents we cannot read (listed, never silently skipped). */
export const KNOWN_UNSUPPORTED = ['.wpt', '.dot', '.rtf', '.odt', '.xls', '.xlsx', '.et', '.ppt', '.pptx', '.dps', '.jpg', '.jpeg', '.png', '.gif', '.tif', '.tiff', '.bmp', '.zip', '.rar', '.7z'] as const

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

const UNKNOWN_BINARY = '无法识别的二进制文件。'

export function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  const ext = path.extname(fileName).toLowerCase()
  if (containsAscii(bytes, '%PDF-', 1024)) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (containsAscii(bytes, 'word/')) return 'docx'
    if (containsAscii(bytes, 'OFD.xml')) return 'ofd'
    if (containsAscii(bytes, 'xl/')) return { unsupported: '这是 Excel 表格，不是报告文档。' }
    if (containsAscii(bytes, 'ppt/')) return { unsupported: '这是 PowerPoint 演示文稿，不是报告文档。' }
    if (ext === '.docx') return 'docx' // let the reader say what is wrong with it
    return { unsupported: '这是压缩包，请解压后导入其中的报告文件。' }
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (containsUtf16(bytes, 'EncryptedPackage')) return 'encrypted-office'
    if (ext === '.xls' || ext === '.et') return { unsupported: '这是旧版 Excel 表格，不是报告文档。' }
    return ext === '.wps' ? 'wps' : 'doc' // the reader tells Word from other compound files
  }
  if (looksLikeMime(bytes)) return 'mht'
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
  if (unicode === null && head.includes(0)) return { unsupported: UNKNOWN_BINARY }
  const probe = unicode ?? new TextDecoder('latin1').decode(head)
  if (/<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p[\s>]/i.test(probe)) return 'html'
  if (ext === '.md' || ext === '.markdown') return 'md'
  return 'txt'
}

const EXPECTED: Record<string, ReportFormat> = {
  '.docx': 'docx', '.doc': 'doc', '.wps': 'wps', '.pdf': 'pdf', '.ofd': 'ofd', '.html': 'html', '.htm': 'html', '.shtml': 'html', '.xhtml': 'html',
  '.mht': 'mht', '.mhtml': 'mht', '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md'
}
const FORMAT_NAMES: Record<ReportFormat, string> = {
  docx: 'Word 文档', doc: 'Word 97–2003 文档', wps: 'WPS 文档', pdf: 'PDF', ofd: 'OFD 版式文件', html: '网页', mht: '单文件网页（.mht）', txt: '文本', md: '文本'
}
/** Formats whose files have a signature of their own: content without it is damaged, not text. */
const BINARY = new Set<ReportFormat>(['docx', 'doc', 'wps', 'pdf', 'ofd'])
const SAME_FAMILY: Array<Set<ReportFormat>> = [new Set(['txt', 'md']), new Set(['doc', 'wps'])]

/** Text that a person wrote in Chinese, as opposed to junk that merely has no NUL bytes. */
function readsAsChinese(bytes: Uint8Array): boolean {
  const d = decodeText(bytes.subarray(0, 64 * 1024))
  if (d.replaced > 0) return false
  const visible = d.text.replace(/\s/g, '')
  const cjk = (visible.match(/[\u4e00-\u9fff]/g) ?? []).length
  return cjk >= 50 && cjk >= visible.length * 0.3
}

/** A file whose extension names a binary format but whose content is something else. */
function mislabelled(kind: Sniffed, bytes: Uint8Array, ext: string): AppError | null {
  const expected = EXPECTED[ext]
  if (!expected || !BINARY.has(expected)) return null
  const unknown = typeof kind === 'object' && kind.unsupported === UNKNOWN_BINARY
  const text = kind === 'txt' || kind === 'md'
  if (!unknown && !(text && !readsAsChinese(bytes))) return null
  if (expected === 'doc' || expected === 'wps') {
    return new AppError('unsupported-format', `文件扩展名为 ${ext}，但内容不是可识别的 Word 或 WPS 文档（可能是早期专有格式或已损坏），${SAVE_AS_DOCX}`)
  }
  return new AppError('corrupt', `文件扩展名为 ${ext}，但内容不是${FORMAT_NAMES[expected]}（缺少该格式的文件头），文件可能已损坏、未下载完整或被改了扩展名。`)
}

/** Reads one report file's bytes. Throws AppError with a stable code when it cannot. */
export async function readReport(bytes: Uint8Array, fileName: string): Promise<ExtractedDoc> {
  if (bytes.length === 0) throw new AppError('empty', '文件是空的（0 字节）。')
  if (bytes.length > LIMITS.maxFileBytes) {
    throw new AppError('too-large', `文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${LIMITS.maxFileBytes / 1048576} MB）。`)
  }
  const kind = sniff(bytes, fileName)
  const ext = path.extname(fileName).toLowerCase()
  const wrong = mislabelled(kind, bytes, ext)
  if (wrong) throw wrong
  if (kind === 'encrypted-office') throw new AppError('encrypted', 'Word 文档设有密码保护，请解除密码后再导入。')
  if (typeof kind === 'object') throw new AppError('unsupported-format', kind.unsupported)
  let doc: ExtractedDoc
  try {
    doc = await readAs(kind, bytes)
  } catch (e) {
    if (e instanceof AppError) throw e
    // A reader's own exception is about the file's content: say so in Chinese, never in the library's words.
    throw new AppError('corrupt', `${FORMAT_NAMES[kind]}的内容无法解析，文件可能不完整或已损坏。`)
  }
  const expected = EXPECTED[ext]
  const same = expected === kind || SAME_FAMILY.some((f) => f.has(kind) && f.has(expected!))
  if (expected && !same) {
    doc.warnings.push(`文件扩展名为 ${ext}，但内容是${FORMAT_NAMES[kind]}，已按${FORMAT_NAMES[kind]}读取。`)
  }
  return doc
}

async function readAs(kind: ReportFormat, bytes: Uint8Array): Promise<ExtractedDoc> {
  switch (kind) {
    case 'pdf':
      return readPdf(bytes)
    case 'docx':
      return readDocx(bytes)
    case 'doc':
    case 'wps':
      return readDoc(bytes, kind)
    case 'ofd':
      return readOfd(bytes)
    case 'html':
      return readHtml(bytes)
    case 'mht':
      return readMht(bytes)
    default:
      return readText(bytes, kind === 'md')
  }
}

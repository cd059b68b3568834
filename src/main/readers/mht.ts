// Web pages saved as one file (.mht/.mhtml, 「网页，单个文件」): the MIME parts split by their boundaries,
// the main HTML part decoded from quoted-printable or base64 to its original bytes and read by the HTML
// reader, which decides the charset from the bytes (a declared charset that lies costs nothing).
// A MIME library would hand back the part as text already decoded by its declared charset, so the bytes
// are kept here; only what a saved page uses is parsed, with bounds on parts, depth and header size.

import type { ExtractedDoc } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { readHtml } from './html'
import { LIMITS } from './limits'

interface Part {
  headers: Map<string, string>
  type: string
  params: Map<string, string>
  body: string // latin1: one character per byte
}

const MAX_HEADER_CHARS = 256 * 1024

function broken(why: string): AppError {
  return new AppError('corrupt', `保存的网页（.mht）无法解析：${why}。请在浏览器中打开后另存为“网页，仅 HTML”（.html）再导入。`)
}

/** Looks like a MIME message with a multipart or HTML body: header lines, then a blank line. */
export function looksLikeMime(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1')
  const end = head.search(/\r?\n\r?\n/)
  const headers = end < 0 ? head : head.slice(0, end)
  if (!/^[\w-]+:/.test(headers)) return false
  return /^content-type:\s*(?:multipart\/related|multipart\/mixed|message\/rfc822|text\/html)/im.test(headers) && /^mime-version:/im.test(headers)
}

function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>()
  const lines = block.split(/\r?\n/)
  let name = ''
  let value = ''
  const flush = () => {
    if (name && !out.has(name)) out.set(name, value.trim())
  }
  for (const line of lines) {
    if (/^[ \t]/.test(line) && name) value += ' ' + line.trim()
    else {
      flush()
      const m = /^([^:\s]+)\s*:(.*)$/.exec(line)
      name = m ? m[1]!.toLowerCase() : ''
      value = m ? m[2]! : ''
    }
  }
  flush()
  return out
}

function parseContentType(v: string | undefined): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>()
  if (!v) return { type: 'text/plain', params }
  const type = (v.split(';')[0] ?? '').trim().toLowerCase()
  for (const m of v.matchAll(/;\s*([\w.-]+)\s*=\s*(?:"([^"]*)"|([^;\s]*))/g)) params.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? '')
  return { type, params }
}

/** Splits one entity into its leaf parts; multiparts are followed to LIMITS.maxMimeDepth. */
function leaves(entity: string, depth: number, out: Part[]): void {
  const sep = /\r?\n\r?\n/.exec(entity)
  const headerEnd = sep ? sep.index : entity.length
  if (headerEnd > MAX_HEADER_CHARS) throw broken('标头过长')
  const headers = parseHeaders(entity.slice(0, headerEnd))
  const body = sep ? entity.slice(sep.index + sep[0].length) : ''
  const { type, params } = parseContentType(headers.get('content-type'))
  if (!type.startsWith('multipart/')) {
    out.push({ headers, type, params, body })
    return
  }
  if (depth >= LIMITS.maxMimeDepth) throw broken('嵌套层数过多')
  const boundary = params.get('boundary')
  if (!boundary) throw broken('缺少分隔符（boundary）')
  const delimiter = '--' + boundary
  // A delimiter counts only at the start of a line.
  let pos = body.startsWith(delimiter) ? 0 : body.indexOf('\n' + delimiter)
  if (pos < 0) throw broken('找不到分隔符')
  if (pos > 0) pos += 1
  for (;;) {
    if (out.length >= LIMITS.maxMimeParts) throw broken('部分过多')
    const after = pos + delimiter.length
    if (body.startsWith('--', after)) return // closing delimiter
    const lineEnd = body.indexOf('\n', after)
    if (lineEnd < 0) return
    let next = body.indexOf('\n' + delimiter, lineEnd)
    const chunkEnd = next < 0 ? body.length : next
    leaves(body.slice(lineEnd + 1, chunkEnd > 0 && body[chunkEnd - 1] === '\r' ? chunkEnd - 1 : chunkEnd), depth + 1, out)
    if (next < 0) return // no closing delimiter: a page cut short keeps its parts
    next += 1
    pos = next
  }
}

function decodeBody(p: Part): Uint8Array {
  const cte = (p.headers.get('content-transfer-encoding') ?? '').toLowerCase().trim()
  if (cte === 'base64') return new Uint8Array(Buffer.from(p.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'))
  if (cte === 'quoted-printable') {
    const s = p.body.replace(/=[ \t]*\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    return new Uint8Array(Buffer.from(s, 'latin1'))
  }
  return new Uint8Array(Buffer.from(p.body, 'latin1'))
}

/** RFC 2047 encoded words (=?charset?B|Q?…?=) in a header such as Subject. */
function decodeWords(v: string): string {
  return v.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=\s*/g, (_, cs: string, enc: string, data: string) => {
    const bytes = /b/i.test(enc)
      ? Buffer.from(data, 'base64')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1')
    try {
      return new TextDecoder(cs.toLowerCase()).decode(bytes)
    } catch {
      return ''
    }
  })
}

const FAMILY: Array<[RegExp, string, string]> = [
  [/^utf-?8/, 'utf-8', 'UTF-8'],
  [/^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/, 'gb18030', 'GBK/GB18030'],
  [/^big5/, 'big5', 'Big5'],
  [/^utf-?16/, 'utf-16', 'UTF-16']
]
function family(label: string): { key: string; name: string } | null {
  const l = label.toLowerCase().trim()
  for (const [re, key, name] of FAMILY) if (re.test(l)) return { key, name }
  return null
}

function metaCharset(html: Uint8Array): string | null {
  const head = Buffer.from(html.buffer, html.byteOffset, Math.min(html.length, 4096)).toString('latin1')
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)
  return m ? m[1]!.toLowerCase() : null
}

export function readMht(bytes: Uint8Array): ExtractedDoc {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const parts: Part[] = []
  leaves(all, 0, parts)
  const top = parseHeaders(all.slice(0, Math.min(all.search(/\r?\n\r?\n/) >>> 0, MAX_HEADER_CHARS)))
  const topType = parseContentType(top.get('content-type'))
  const start = topType.params.get('start')?.replace(/[<>]/g, '')
  const snapshot = top.get('snapshot-content-location')
  const html =
    (start && parts.find((p) => p.headers.get('content-id')?.replace(/[<>]/g, '') === start)) ||
    (snapshot && parts.find((p) => p.type === 'text/html' && p.headers.get('content-location') === snapshot)) ||
    parts.find((p) => p.type === 'text/html' && !/^attachment/i.test(p.headers.get('content-disposition') ?? ''))
  if (!html) throw broken('其中没有网页正文（text/html）')
  let body = decodeBody(html)
  if (body.length > LIMITS.maxTextBytes) {
    throw new AppError('too-large', `网页正文过大（${(body.length / 1048576).toFixed(1)} MB，上限 ${LIMITS.maxTextBytes / 1048576} MB）。`)
  }
  const declaredPart = html.params.get('charset')?.toLowerCase() ?? null
  const declaredMeta = metaCharset(body)
  // The part's charset is the hint the HTML reader would otherwise take from <meta>.
  if (declaredPart && !declaredMeta) body = new Uint8Array(Buffer.concat([Buffer.from(`<meta charset="${declaredPart.replace(/[^\w-]/g, '')}">`), body]))
  const doc = readHtml(body)
  doc.format = 'mht'
  if (!doc.declaredTitle && top.get('subject')) doc.declaredTitle = decodeWords(top.get('subject')!).trim() || undefined
  const actual = family(doc.encoding)
  for (const declared of new Set([declaredPart, declaredMeta])) {
    const d = declared ? family(declared) : null
    if (d && actual && d.key !== actual.key) {
      doc.warnings.push(`网页声明的字符编码是 ${declared}，但内容实际是 ${actual.name}，已按 ${actual.name} 读取。`)
      break
    }
  }
  return doc
}

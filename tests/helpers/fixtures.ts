// Paths to the real reports copied from the shared corpus, and builders for synthetic test files.

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { strToU8, zipSync } from 'fflate'

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures')
export const CORPUS = path.join(FIXTURES, 'corpus')

export function fixture(...parts: string[]): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, ...parts)))
}

export function corpusJson<T>(...parts: string[]): T {
  return JSON.parse(fs.readFileSync(path.join(CORPUS, ...parts), 'utf8')) as T
}

export interface DocxParagraph {
  text: string
  style?: string
  numId?: number
  ilvl?: number
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A real .docx package with heading styles, Chinese-counting numbering and optional table rows. */
export function makeDocx(paragraphs: DocxParagraph[], opts: { table?: string[][]; documentXml?: string } = {}): Uint8Array {
  const body = paragraphs
    .map((p) => {
      const ppr = [p.style ? `<w:pStyle w:val="${p.style}"/>` : '', p.numId ? `<w:numPr><w:ilvl w:val="${p.ilvl ?? 0}"/><w:numId w:val="${p.numId}"/></w:numPr>` : ''].join('')
      return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(p.text)}</w:t></w:r></w:p>`
    })
    .join('')
  const table = opts.table
    ? `<w:tbl>${opts.table.map((row) => `<w:tr>${row.map((c) => `<w:tc><w:p><w:r><w:t>${esc(c)}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`
    : ''
  const documentXml = opts.documentXml ?? `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}${table}</w:body></w:document>`
  const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
    <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
    <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>
    <w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="报告小标题"/><w:basedOn w:val="2"/></w:style>
  </w:styles>`
  const numbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  </w:numbering>`
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(documentXml),
    'word/styles.xml': strToU8(styles),
    'word/numbering.xml': strToU8(numbering)
  })
}

export function gbk(text: string): Uint8Array {
  return encodeAs(text, 'gb18030')
}

export function big5(text: string): Uint8Array {
  return encodeAs(text, 'big5')
}

/**
 * Any legacy encoding the runtime decodes (Shift_JIS, EUC-JP, EUC-KR, windows-1251, KOI8-R…): Node has
 * no encoders for them, so encode through a reverse table of the decoder's one- and two-byte ranges.
 */
export function encodeAs(text: string, label: string): Uint8Array {
  const table = reverseTable(label)
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else {
      const code = table.get(ch)
      if (code === undefined) throw new Error(`no ${label} code for ${ch}`)
      if (code > 0xff) out.push(code >> 8, code & 0xff)
      else out.push(code)
    }
  }
  return Uint8Array.from(out)
}

const tables = new Map<string, Map<string, number>>()
function reverseTable(label: string): Map<string, number> {
  const cached = tables.get(label)
  if (cached) return cached
  const m = new Map<string, number>()
  const dec = new TextDecoder(label)
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = dec.decode(Uint8Array.of(b))
    if (ch.length === 1 && ch !== '\ufffd') m.set(ch, b)
  }
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue
      const ch = dec.decode(Uint8Array.of(hi, lo))
      if (ch.length === 1 && ch !== '\ufffd' && !m.has(ch)) m.set(ch, (hi << 8) | lo)
    }
  tables.set(label, m)
  return m
}

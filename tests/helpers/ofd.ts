// A small OFD writer for tests, following GB/T 33190's structure: OFD.xml (DocBody, DocInfo, DocRoot),
// Doc_0/Document.xml (CommonData, Pages, Annotations), one Content.xml per page with text objects
// (TextObject → TextCode with X, Y and DeltaX), a template page, a stamp annotation and a signature with
// its seal. Text is set like an official document: A4, 仿宋 三号 (5.6 mm), 28 characters a line with a
// two-character first-line indent, 22 lines a page, the page number centred at the foot; Latin and digit
// runs are separate text objects, as OFD writers emit them when the font changes.

import { strToU8, zipSync } from 'fflate'

export interface OfdOptions {
  title?: string
  author?: string
  creationDate?: string
  /** Pages hold only an image (a scan): no text objects at all. */
  imagesOnly?: boolean
  /** Extra entries to add to the package, by path. */
  extra?: Record<string, Uint8Array>
}

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
const SIZE = 5.6
const LEFT = 28
const TOP = 37
const WIDTH = 156
const PITCH = 10.2
const LINES_PER_PAGE = 22
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const wide = (ch: string) => /[\u2e80-\uffef“”‘’]/.test(ch)
const adv = (ch: string) => (wide(ch) ? SIZE : SIZE / 2)
const fmt = (n: number) => String(Math.round(n * 1000) / 1000)

/** DeltaX with runs of equal advances written as `g N v`. */
function deltaX(chars: string[]): string {
  const d = chars.slice(0, -1).map(adv)
  const out: string[] = []
  for (let i = 0; i < d.length; ) {
    let j = i
    while (j < d.length && d[j] === d[i]) j++
    out.push(j - i > 1 ? `g ${j - i} ${fmt(d[i]!)}` : fmt(d[i]!))
    i = j
  }
  return out.join(' ')
}

/** Breaks paragraphs into lines of at most WIDTH mm, the first line indented by two characters. */
function layoutLines(paragraphs: string[]): Array<{ text: string; indent: number }> {
  const lines: Array<{ text: string; indent: number }> = []
  for (const p of paragraphs) {
    let line = ''
    let width = 2 * SIZE
    let indent = 2 * SIZE
    // Latin words and numbers are never broken; Chinese breaks between any two characters.
    for (const word of p.trim().match(/[A-Za-z0-9.%]+|./gu) ?? []) {
      const w = Array.from(word).reduce((s, c) => s + adv(c), 0)
      if (line && width + w > WIDTH + 0.01) {
        lines.push({ text: line, indent })
        line = ''
        width = 0
        indent = 0
      }
      line += word
      width += w
    }
    if (line) lines.push({ text: line, indent })
  }
  return lines
}

let nextId = 100
function textObjects(text: string, x: number, y: number): string {
  // Split into runs of wide and narrow characters: each run its own object, as writers do per font.
  const runs: string[][] = []
  for (const ch of Array.from(text)) {
    const last = runs[runs.length - 1]
    if (last && wide(last[0]!) === wide(ch)) last.push(ch)
    else runs.push([ch])
  }
  let cx = x
  return runs
    .map((run) => {
      const w = run.reduce((s, c) => s + adv(c), 0)
      const font = wide(run[0]!) ? 1 : 2
      const xml = `<ofd:TextObject ID="${nextId++}" Boundary="${fmt(cx)} ${fmt(y - SIZE)} ${fmt(w)} ${fmt(SIZE * 1.3)}" Font="${font}" Size="${SIZE}"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="${fmt(SIZE)}"${run.length > 1 ? ` DeltaX="${deltaX(run)}"` : ''}>${esc(run.join(''))}</ofd:TextCode></ofd:TextObject>`
      cx += w
      return xml
    })
    .join('')
}

export function makeOfd(paragraphs: string[], opts: OfdOptions = {}): Uint8Array {
  nextId = 100
  const lines = layoutLines(paragraphs)
  const pageCount = Math.max(1, Math.ceil(lines.length / LINES_PER_PAGE))
  const files: Record<string, Uint8Array> = {}
  const info = [
    '<ofd:DocID>6f0d1c2e9a8b4c7d8e9f0a1b2c3d4e5f</ofd:DocID>',
    opts.title ? `<ofd:Title>${esc(opts.title)}</ofd:Title>` : '',
    opts.author ? `<ofd:Author>${esc(opts.author)}</ofd:Author>` : '',
    opts.creationDate ? `<ofd:CreationDate>${opts.creationDate}</ofd:CreationDate>` : '',
    '<ofd:Creator>tests/helpers/ofd.ts</ofd:Creator>'
  ].join('')
  files['OFD.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo>${info}</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody></ofd:OFD>`
  )
  const pages = Array.from({ length: pageCount }, (_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')
  files['Doc_0/Document.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID="50" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages>${pages}</ofd:Pages><ofd:Annotations>Annots/Annotations.xml</ofd:Annotations></ofd:Document>`
  )
  files['Doc_0/PublicRes.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="仿宋" FamilyName="仿宋"/><ofd:Font ID="2" FontName="Times New Roman"/></ofd:Fonts><ofd:MultiMedias><ofd:MultiMedia ID="3" Type="Image"><ofd:MediaFile>scan.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`
  )
  // The template carries a running head that is page furniture, not report text.
  files['Doc_0/Tpls/Tpl_0/Content.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="51" Type="Background">${textObjects('模板页眉文字', 80, 20)}</ofd:Layer></ofd:Content></ofd:Page>`
  )
  for (let p = 0; p < pageCount; p++) {
    const body = opts.imagesOnly
      ? `<ofd:ImageObject ID="${nextId++}" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="3"/>`
      : lines
          .slice(p * LINES_PER_PAGE, (p + 1) * LINES_PER_PAGE)
          .map((l, i) => textObjects(l.text, LEFT + l.indent, TOP + SIZE + i * PITCH))
          .join('') + textObjects(`— ${p + 1} —`, 105 - 3 * SIZE / 2, 280)
    files[`Doc_0/Pages/Page_${p}/Content.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Template TemplateID="50" ZOrder="Background"/><ofd:Content><ofd:Layer ID="${nextId++}" Type="Body">${body}</ofd:Layer></ofd:Content></ofd:Page>`
    )
  }
  // A stamp annotation on the last page and an electronic seal: neither is report text.
  files['Doc_0/Annots/Annotations.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Annotations ${NS}><ofd:Page PageID="${pageCount}"><ofd:FileLoc>Page_${pageCount - 1}/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>`
  )
  files[`Doc_0/Annots/Page_${pageCount - 1}/Annotation.xml`] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot ${NS}><ofd:Annot ID="${nextId++}" Type="Stamp"><ofd:Appearance Boundary="120 200 42 42">${textObjects('印章注释文字', 0, 20)}</ofd:Appearance></ofd:Annot></ofd:PageAnnot>`
  )
  files['Doc_0/Signs/Signatures.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Signatures ${NS}><ofd:MaxSignId>1</ofd:MaxSignId><ofd:Signature ID="1" Type="Seal" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>`
  )
  files['Doc_0/Signs/Sign_0/Signature.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Signature ${NS}><ofd:SignedInfo><ofd:Provider ProviderName="测试签章"/><ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod><ofd:Seal><ofd:BaseLoc>Seal.esl</ofd:BaseLoc></ofd:Seal><ofd:StampAnnot ID="1" PageRef="${pageCount}" Boundary="120 200 42 42"/><ofd:References><ofd:Reference FileRef="/Doc_0/Document.xml"/></ofd:References></ofd:SignedInfo><ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>`
  )
  files['Doc_0/Signs/Sign_0/Seal.esl'] = strToU8('印章数据（测试）')
  files['Doc_0/Signs/Sign_0/SignedValue.dat'] = new Uint8Array(64).fill(7)
  files['Doc_0/Res/scan.png'] = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  Object.assign(files, opts.extra ?? {})
  return zipSync(files, { level: 6, mtime: new Date('2025-03-01T00:00:00Z') })
}

// Builds small PDFs for tests: pages of positioned text (Chinese through a ToUnicode CMap), and the
// odd and hostile files (encryption, attachments, bombs, cycles) the reader must survive.

import crypto from 'node:crypto'
import { deflateSync } from 'node:zlib'

export interface PdfObject {
  /** The dictionary or other object, written as is. */
  body: string
  /** Stream data; `/Length` is added to the dictionary. */
  stream?: Uint8Array
  /** Deflate the stream and say so (`/Filter /FlateDecode`). */
  deflate?: boolean
}

export interface EncryptOptions {
  userPassword: string
  ownerPassword?: string
  /** Only embedded files are encrypted (`/StmF /Identity /StrF /Identity /EFF /StdCF`, AESV2). */
  attachmentsOnly?: boolean
  /** AESV2 (revision 4) for everything instead of RC4 (revision 3). */
  aes?: boolean
}

const latin = (s: string) => Buffer.from(s, 'latin1')

/** Writes numbered objects, a classic cross-reference table and a trailer. */
export class PdfWriter {
  private objects: (PdfObject | null)[] = []
  trailerExtra = ''

  /** Reserves an object number to fill later (for forward references). */
  reserve(): number {
    this.objects.push(null)
    return this.objects.length
  }

  set(num: number, obj: PdfObject | string): number {
    this.objects[num - 1] = typeof obj === 'string' ? { body: obj } : obj
    return num
  }

  add(obj: PdfObject | string): number {
    return this.set(this.reserve(), obj)
  }

  build(opts: { root: number; info?: number; encrypt?: EncryptOptions; xrefOffsetDelta?: number } = { root: 1 }): Uint8Array {
    const id = crypto.createHash('md5').update('pdf-make').digest()
    const crypt = opts.encrypt ? new StandardSecurity(opts.encrypt, id) : null
    let encryptNum = 0
    if (crypt) encryptNum = this.add(crypt.dictionary())
    const chunks: Buffer[] = [latin('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')]
    let offset = chunks[0]!.length
    const offsets: number[] = []
    this.objects.forEach((o, i) => {
      const num = i + 1
      offsets.push(offset)
      const obj = o ?? { body: 'null' }
      let body = obj.body
      let data: Buffer | null = obj.stream ? Buffer.from(obj.stream) : null
      if (data && obj.deflate) data = deflateSync(data)
      if (crypt && num !== encryptNum) {
        body = crypt.encryptStrings(body, num)
        if (data) data = crypt.encryptStream(data, num, obj.body)
      }
      if (data) {
        const dict = body.replace(/>>\s*$/, `${obj.deflate ? ' /Filter /FlateDecode' : ''} /Length ${data.length} >>`)
        const part = Buffer.concat([latin(`${num} 0 obj\n${dict}\nstream\n`), data, latin('\nendstream\nendobj\n')])
        chunks.push(part)
        offset += part.length
      } else {
        const part = latin(`${num} 0 obj\n${body}\nendobj\n`)
        chunks.push(part)
        offset += part.length
      }
    })
    const xref = [`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('')
    const idHex = id.toString('hex')
    const trailer = `trailer\n<< /Size ${offsets.length + 1} /Root ${opts.root} 0 R${opts.info ? ` /Info ${opts.info} 0 R` : ''}${crypt ? ` /Encrypt ${encryptNum} 0 R` : ''} /ID [<${idHex}> <${idHex}>]${this.trailerExtra} >>\nstartxref\n${offset + (opts.xrefOffsetDelta ?? 0)}\n%%EOF\n`
    chunks.push(latin(xref + trailer))
    return new Uint8Array(Buffer.concat(chunks))
  }
}

/** A run of text at a position, in the CJK font (`/F1`) unless `latin` is set (`/F2`, Helvetica). */
export interface TextRun {
  x: number
  y: number
  size?: number
  text: string
  latin?: boolean
  /** Degrees counter-clockwise. */
  angle?: number
}

export interface PageSpec {
  runs?: TextRun[]
  /** Raw content instead of runs. */
  content?: string | Uint8Array
  width?: number
  height?: number
  rotate?: number
}

/** UTF-16 code units as a hex string: the Identity-H codes of the test CJK font. */
export function cjkHex(s: string): string {
  return `<${Buffer.from(s, 'utf16le').swap16().toString('hex')}>`
}

const escLatin = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`)

export function runsToContent(runs: TextRun[]): string {
  return runs
    .map((r) => {
      const size = r.size ?? 12
      const a = ((r.angle ?? 0) * Math.PI) / 180
      const [c, s] = [Math.cos(a), Math.sin(a)].map((v) => Number(v.toFixed(6)))
      const text = r.latin ? `(${escLatin(r.text)})` : cjkHex(r.text)
      return `BT /${r.latin ? 'F2' : 'F1'} ${size} Tf ${c} ${s} ${-s!} ${c} ${r.x} ${r.y} Tm ${text} Tj ET`
    })
    .join('\n')
}

/** A ToUnicode CMap mapping every two-byte code to the same UTF-16 code unit. */
const TO_UNICODE = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfrange <0000> <D7FF> <0000> <E000> <FFFF> <E000> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`

/** Adds the two fonts every test page uses and returns the resource dictionary. */
export function addFonts(w: PdfWriter): string {
  const tu = w.add({ body: '<< >>', stream: latin(TO_UNICODE) })
  const desc = w.add('<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>')
  const cid = w.add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>`)
  const f1 = w.add(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${tu} 0 R >>`)
  const f2 = w.add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  return `<< /Font << /F1 ${f1} 0 R /F2 ${f2} 0 R >> >>`
}

/** A whole document of text pages. */
export function makePdf(pages: PageSpec[], opts: { title?: string; encrypt?: EncryptOptions; attachment?: Uint8Array; deflate?: boolean } = {}): Uint8Array {
  const w = new PdfWriter()
  const root = w.reserve()
  const pagesNum = w.reserve()
  const res = addFonts(w)
  const kids = pages.map((p) => {
    const content = p.content ?? runsToContent(p.runs ?? [])
    const c = w.add({ body: '<< >>', stream: typeof content === 'string' ? Buffer.from(content, 'latin1') : content, deflate: opts.deflate ?? true })
    return w.add(`<< /Type /Page /Parent ${pagesNum} 0 R /MediaBox [0 0 ${p.width ?? 595} ${p.height ?? 842}] /Resources ${res} /Contents ${c} 0 R${p.rotate ? ` /Rotate ${p.rotate}` : ''} >>`)
  })
  w.set(pagesNum, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`)
  let names = ''
  if (opts.attachment) {
    const ef = w.add({ body: '<< /Type /EmbeddedFile >>', stream: opts.attachment })
    const spec = w.add(`<< /Type /Filespec /F (a.txt) /UF (a.txt) /EF << /F ${ef} 0 R >> >>`)
    names = ` /Names << /EmbeddedFiles << /Names [(a.txt) ${spec} 0 R] >> >>`
  }
  w.set(root, `<< /Type /Catalog /Pages ${pagesNum} 0 R${names} >>`)
  const info = opts.title ? w.add(`<< /Title ${cjkHexBom(opts.title)} /Producer (pdf-make) >>`) : undefined
  return w.build({ root, info, encrypt: opts.encrypt })
}

function cjkHexBom(s: string): string {
  return `<feff${Buffer.from(s, 'utf16le').swap16().toString('hex')}>`
}

/** Lines of a paragraph laid out in a box: `width` in characters of `size` points. */
export function paragraphRuns(text: string, x: number, y: number, opts: { chars: number; size?: number; leading?: number; indent?: boolean }): { runs: TextRun[]; y: number } {
  const size = opts.size ?? 12
  const leading = opts.leading ?? size * 1.5
  const runs: TextRun[] = []
  let rest = text
  let first = true
  while (rest) {
    const n = first && opts.indent ? opts.chars - 2 : opts.chars
    runs.push({ x: x + (first && opts.indent ? size * 2 : 0), y, size, text: rest.slice(0, n) })
    rest = rest.slice(n)
    y -= leading
    first = false
  }
  return { runs, y }
}

// --- The standard security handler (revision 3 with RC4, revision 4 with AESV2), enough to make
// test files that real producers make: an empty user password, or only attachments encrypted.

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex')

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i)
  let j = 0
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255
    ;[s[i], s[j]] = [s[j]!, s[i]!]
  }
  const out = Buffer.alloc(data.length)
  let i = 0
  j = 0
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255
    j = (j + s[i]!) & 255
    ;[s[i], s[j]] = [s[j]!, s[i]!]
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!
  }
  return out
}

const md5 = (...parts: Buffer[]) => crypto.createHash('md5').update(Buffer.concat(parts)).digest()
const pad = (pw: string) => Buffer.concat([latin(pw), PAD]).subarray(0, 32)

class StandardSecurity {
  private readonly key: Buffer
  private readonly o: Buffer
  private readonly u: Buffer
  private readonly p = -1084 // print, copy, etc.
  private readonly aes: boolean

  constructor(
    private readonly opts: EncryptOptions,
    private readonly id: Buffer
  ) {
    this.aes = !!(opts.attachmentsOnly || opts.aes)
    let ok = md5(pad(opts.ownerPassword ?? 'owner'))
    for (let i = 0; i < 50; i++) ok = md5(ok)
    let o = rc4(ok, pad(opts.userPassword))
    for (let i = 1; i <= 19; i++) o = rc4(Buffer.from(ok.map((b) => b ^ i)), o)
    this.o = o
    const p = Buffer.alloc(4)
    p.writeInt32LE(this.p)
    let k = md5(pad(opts.userPassword), o, p, id)
    for (let i = 0; i < 50; i++) k = md5(k)
    this.key = k
    let u = rc4(k, md5(PAD, id))
    for (let i = 1; i <= 19; i++) u = rc4(Buffer.from(k.map((b) => b ^ i)), u)
    this.u = Buffer.concat([u, Buffer.alloc(16)])
  }

  dictionary(): string {
    const common = `/Filter /Standard /O <${this.o.toString('hex')}> /U <${this.u.toString('hex')}> /P ${this.p}`
    if (this.opts.attachmentsOnly) return `<< ${common} /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /EFOpen /Length 16 >> >> /StmF /Identity /StrF /Identity /EFF /StdCF >>`
    if (this.aes) return `<< ${common} /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF >>`
    return `<< ${common} /V 2 /R 3 /Length 128 >>`
  }

  private objectKey(num: number): Buffer {
    const ng = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])
    return md5(this.key, ng, this.aes ? latin('sAlT') : Buffer.alloc(0))
  }

  private encrypt(data: Buffer, num: number): Buffer {
    const k = this.objectKey(num)
    if (!this.aes) return rc4(k, data)
    const iv = crypto.randomBytes(16)
    const c = crypto.createCipheriv('aes-128-cbc', k, iv)
    return Buffer.concat([iv, c.update(data), c.final()])
  }

  encryptStrings(body: string, num: number): string {
    if (this.opts.attachmentsOnly) return body // strings are /Identity
    // Literal strings of printable ASCII without escapes and hex strings: what this writer emits.
    return body
      .replace(/<([0-9a-fA-F]+)>/g, (_m, hex: string) => `<${this.encrypt(Buffer.from(hex, 'hex'), num).toString('hex')}>`)
      .replace(/\(([^()\\]*)\)/g, (_m, s: string) => `<${this.encrypt(latin(s), num).toString('hex')}>`)
  }

  encryptStream(data: Buffer, num: number, dict: string): Buffer {
    if (this.opts.attachmentsOnly) return /\/EmbeddedFile\b/.test(dict) ? this.encrypt(data, num) : data
    return this.encrypt(data, num)
  }
}

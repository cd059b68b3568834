// The PDF reader on PDFs made here: reading order (columns, rotated text, quotes drawn apart), fonts,
// encryption that does not lock the document, malformed and hostile files (bounded time and memory,
// a clear code and reason for each).

import { constants, deflateRawSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { gbk } from '../../../tests/helpers/fixtures'
import { addFonts, makePdf, paragraphRuns, PdfWriter, runsToContent, type TextRun } from '../../../tests/helpers/pdf-make'
import { AppError } from '../../shared/errors'
import { readReport } from './index'
import { LIMITS } from './limits'
import { encryptsOnlyAttachments } from './pdf-security'

const A = '一、加强组织领导。镇党委书记切实履行推进法治建设第一责任人职责，全年召开党委会专题研究法治政府建设工作四次，将法治建设纳入年度绩效考核。'
const B = '二、严格规范公正文明执法。全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，全年办理行政处罚案件一百二十件。'
const C = '三、存在的不足和原因。一是法治宣传教育的针对性不强，二是执法人员专业素质有待提高，原因在于培训投入不足。'
const TITLE = '某镇2024年法治政府建设年度报告'

async function read(bytes: Uint8Array) {
  return readReport(bytes, 'test.pdf')
}

async function readError(bytes: Uint8Array): Promise<AppError> {
  try {
    await read(bytes)
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected the PDF to be refused')
}

const paragraphs = (text: string) => text.split('\n').filter(Boolean)

describe('reading order', () => {
  it('reads a two-column page column by column, the title across both first', async () => {
    const runs: TextRun[] = [{ x: 150, y: 780, size: 16, text: TITLE }]
    const left = paragraphRuns(A, 50, 740, { chars: 19, indent: true })
    runs.push(...left.runs, ...paragraphRuns(C, 50, left.y, { chars: 19, indent: true }).runs)
    runs.push(...paragraphRuns(B, 310, 740, { chars: 19, indent: true }).runs)
    const doc = await read(makePdf([{ runs }]))
    expect(paragraphs(doc.text)).toEqual([TITLE, A, C, B])
  })

  it('goes on with a paragraph from the foot of the left column at the head of the right one', async () => {
    const long = A + B.slice(3) // one paragraph of about 130 characters
    const runs = paragraphRuns(long, 50, 200, { chars: 19, indent: true }).runs
    const onLeft = runs.filter((r) => r.y > 100)
    const rest = long.slice(onLeft.reduce((n, r) => n + r.text.length, 0))
    runs.splice(0, runs.length, ...onLeft, ...paragraphRuns(rest, 310, 200, { chars: 19 }).runs)
    runs.push(...paragraphRuns(C, 310, 200 - 18 * Math.ceil(rest.length / 19), { chars: 19, indent: true }).runs)
    const doc = await read(makePdf([{ runs }]))
    expect(paragraphs(doc.text)).toEqual([long, C])
  })

  it('keeps a single-column page with a two-part metadata table in rows', async () => {
    const runs: TextRun[] = [
      { x: 50, y: 800, text: '索引号：QZ11916-0100-2025-00011' },
      { x: 320, y: 800, text: '发布机构：葛坑镇人民政府' },
      { x: 50, y: 780, text: '文号：葛政〔2025〕11号' },
      { x: 320, y: 780, text: '发布日期：2025-02-28' }
    ]
    runs.push(...paragraphRuns(A + B + C, 50, 740, { chars: 40, indent: true }).runs)
    const doc = await read(makePdf([{ runs }]))
    expect(paragraphs(doc.text)).toEqual(['索引号：QZ11916-0100-2025-00011 发布机构：葛坑镇人民政府', '文号：葛政〔2025〕11号 发布日期：2025-02-28', A + B + C])
  })

  it.each([90, 270])('reads a page whose text is turned %i° along its own lines', async (angle) => {
    const lines = paragraphRuns(A + B, 0, 0, { chars: 40, indent: true }).runs
    // Turned counter-clockwise the first line is the leftmost; clockwise, the rightmost.
    const runs = lines.map((r, i) => (angle === 90 ? { ...r, x: 100 + i * 18, y: 60 + r.x, angle } : { ...r, x: 500 - i * 18, y: 780 - r.x, angle }))
    const doc = await read(makePdf([{ runs }]))
    expect(paragraphs(doc.text)).toEqual([A + B])
  })

  it('reads a page rotated by /Rotate like any other', async () => {
    const doc = await read(makePdf([{ runs: paragraphRuns(A + B, 50, 540, { chars: 40, indent: true }).runs, width: 842, height: 595, rotate: 90 }]))
    expect(paragraphs(doc.text)).toEqual([A + B])
  })

  it('keeps a vertical stamp beside the text out of its lines, as a paragraph after them', async () => {
    const { runs } = paragraphRuns(A + B, 50, 740, { chars: 40, indent: true })
    runs.push({ x: 560, y: 500, text: '此件公开发布', angle: 90 })
    const doc = await read(makePdf([{ runs }]))
    expect(paragraphs(doc.text)).toEqual([A + B, '此件公开发布'])
  })

  it('places quote marks drawn in another font, after the line, by their position', async () => {
    // “ and ” (WinAnsi 0x93, 0x94) in Helvetica, drawn once the Chinese run is done, into gaps left for them.
    const text = '实现一站式服务，让群众办小事不出村。'
    const size = 12
    const before = '实现'
    const inner = '一站式服务'
    const content = [
      runsToContent([
        { x: 50, y: 700, text: before },
        { x: 50 + size * 3, y: 700, text: inner },
        { x: 50 + size * 9, y: 700, text: text.slice(before.length + inner.length) }
      ]),
      'BT /F2 12 Tf 1 0 0 1 78 700 Tm <93> Tj ET',
      'BT /F2 12 Tf 1 0 0 1 148 700 Tm <94> Tj ET'
    ].join('\n')
    const doc = await read(makePdf([{ content: content + '\n' + runsToContent(paragraphRuns(A, 50, 660, { chars: 40, indent: true }).runs) }]))
    expect(paragraphs(doc.text)[0]).toBe('实现“一站式服务”，让群众办小事不出村。')
  })

  it('counts a character drawn twice on itself (fake bold) once', async () => {
    const runs = paragraphRuns(A, 50, 740, { chars: 40, indent: true }).runs
    const bold = runs.map((r) => ({ ...r, x: r.x + 0.3 }))
    const doc = await read(makePdf([{ runs: [...runs, ...bold] }]))
    expect(paragraphs(doc.text)).toEqual([A])
  })

  it('drops running headers, page numbers and a watermark repeated on every page', async () => {
    const pages = [A, B, C].map((t, i) => ({
      runs: [
        { x: 200, y: 800, text: '葛坑镇人民政府文件' },
        ...paragraphRuns(t, 50, 740, { chars: 40, indent: true }).runs,
        { x: 150, y: 400, size: 40, text: '内部资料', angle: 45 },
        { x: 290, y: 40, text: `- ${i + 1} -`, latin: true }
      ]
    }))
    const doc = await read(makePdf(pages))
    expect(paragraphs(doc.text)).toEqual([A, B, C])
    expect(doc.blocks.map((b) => b.page)).toEqual([1, 2, 3])
  })
})

describe('fonts', () => {
  /** A Chinese font that is not embedded, its codes read through one of Adobe's predefined CMaps. */
  function predefined(encoding: string, codes: Uint8Array): Uint8Array {
    const w = new PdfWriter()
    const desc = w.add('<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>')
    const cid = w.add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${desc} 0 R /DW 1000 >>`)
    const font = w.add(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun-${encoding} /Encoding /${encoding} /DescendantFonts [${cid} 0 R] >>`)
    const content = w.add({ body: '<< >>', stream: Buffer.from(`BT /F1 12 Tf 1 0 0 1 50 740 Tm <${Buffer.from(codes).toString('hex')}> Tj ET`, 'latin1'), deflate: true })
    const root = w.reserve()
    const pages = w.reserve()
    const page = w.add(`<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`)
    w.set(pages, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`)
    w.set(root, `<< /Type /Catalog /Pages ${pages} 0 R >>`)
    return w.build({ root })
  }

  it.each([
    ['GBK-EUC-H', () => gbk(A)],
    ['UniGB-UCS2-H', () => new Uint8Array(Buffer.from(A, 'utf16le').swap16())]
  ])('reads a font that is not embedded through the predefined CMap %s', async (encoding, codes) => {
    expect((await read(predefined(encoding, codes()))).text).toBe(`${A}\n`)
  })
})

describe('encryption that does not lock the document', () => {
  const pages = [{ runs: paragraphRuns(A, 50, 740, { chars: 40, indent: true }).runs }]

  it('reads a document whose only encrypted part is its attachment', async () => {
    const bytes = makePdf(pages, { encrypt: { userPassword: 'secret', attachmentsOnly: true }, attachment: new TextEncoder().encode('附件内容') })
    expect((await read(bytes)).text).toBe(`${A}\n`)
  })

  it.each([
    ['RC4', false],
    ['AES', true]
  ])('reads a document encrypted (%s) with an empty user password', async (_n, aes) => {
    const doc = await read(makePdf(pages, { encrypt: { userPassword: '', aes }, title: TITLE }))
    expect(doc.text).toBe(`${A}\n`)
    expect(doc.declaredTitle).toBe(TITLE)
  })

  it.each([
    ['RC4', false],
    ['AES', true]
  ])('refuses a document (%s) that needs its password to open', async (_n, aes) => {
    const e = await readError(makePdf(pages, { encrypt: { userPassword: 'secret', aes } }))
    expect(e.code).toBe('encrypted')
    expect(e.message).toMatch(/密码/)
  })

  it('tells an attachments-only encryption dictionary from one that covers the document', () => {
    expect(encryptsOnlyAttachments('<< /Filter /Standard /V 4 /R 4 /StmF /Identity /StrF /Identity /EFF /StdCF >>')).toBe(true)
    expect(encryptsOnlyAttachments('<< /Filter /Standard /V 4 /R 4 /EFF /StdCF >>')).toBe(true) // both default to /Identity
    expect(encryptsOnlyAttachments('<< /Filter /Standard /V 4 /R 4 /StmF /StdCF /StrF /Identity >>')).toBe(false)
    expect(encryptsOnlyAttachments('<< /Filter /Standard /V 2 /R 3 >>')).toBe(false)
  })
})

/** A document of one normal page plus whatever `extra` adds; `extra` returns the page tree's root. */
function tree(build: (w: PdfWriter, page: (parent: number) => number) => number): Uint8Array {
  const w = new PdfWriter()
  const res = addFonts(w)
  const content = w.add({ body: '<< >>', stream: Buffer.from(runsToContent(paragraphRuns(A, 50, 740, { chars: 40, indent: true }).runs), 'latin1') })
  const page = (parent: number) => w.add(`<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595 842] /Resources ${res} /Contents ${content} 0 R >>`)
  const root = w.reserve()
  w.set(root, `<< /Type /Catalog /Pages ${build(w, page)} 0 R >>`)
  return w.build({ root })
}

function onePage(): Uint8Array {
  return makePdf([{ runs: paragraphRuns(A + B + C, 50, 740, { chars: 40, indent: true }).runs }])
}

describe('malformed PDFs are corrupt (or read, when PDFium can repair them), never an internal error', () => {
  it.each([
    ['cut off after its header', () => onePage().slice(0, 40)],
    ['cut off in the middle of its objects', () => onePage().slice(0, 700)],
    ['no catalog', () => new TextEncoder().encode(new TextDecoder('latin1').decode(onePage()).replace('/Type /Catalog', '/Type /Nothing').replace(/\/Root \d+ 0 R/, ''))],
    ['a page tree that is a number', () => tree((w) => w.add('42'))],
    ['a page tree whose only kid is itself', () => tree((w) => {
      const n = w.reserve()
      w.set(n, `<< /Type /Pages /Kids [${n} 0 R] /Count 1 >>`)
      return n
    })],
    ['a page tree 200,000 levels deep', () => tree((w, page) => {
      const depth = 200_000
      const first = w.reserve()
      let node = first
      for (let i = 1; i < depth; i++) {
        const next = w.reserve()
        w.set(node, `<< /Type /Pages /Kids [${next} 0 R] /Count 1 >>`)
        node = next
      }
      w.set(node, `<< /Type /Pages /Kids [${page(node)} 0 R] /Count 1 >>`)
      return first
    })]
  ])('%s: corrupt', async (_n, make) => {
    const e = await readError(make())
    expect(e.code).toBe('corrupt')
    expect(e.message).toMatch(/PDF/)
  }, 30_000)

  it.each([
    ['a wrong cross-reference offset', () => {
      const w = new PdfWriter()
      const res = addFonts(w)
      const c = w.add({ body: '<< >>', stream: Buffer.from(runsToContent(paragraphRuns(A, 50, 740, { chars: 40, indent: true }).runs), 'latin1') })
      const root = w.reserve()
      const pages = w.reserve()
      const page = w.add(`<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 595 842] /Resources ${res} /Contents ${c} 0 R >>`)
      w.set(pages, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`)
      w.set(root, `<< /Type /Catalog /Pages ${pages} 0 R >>`)
      return w.build({ root, xrefOffsetDelta: 17 })
    }],
    ['a page tree that lists itself beside a page', () => tree((w, page) => {
      const n = w.reserve()
      w.set(n, `<< /Type /Pages /Kids [${n} 0 R ${page(n)} 0 R] /Count 2 >>`)
      return n
    })],
    ['an array nested 200,000 deep in a page', () => tree((w, page) => {
      const n = w.reserve()
      const p = page(n)
      w.set(n, `<< /Type /Pages /Kids [${p} 0 R] /Count 1 /Deep ${'['.repeat(200_000)}${']'.repeat(200_000)} >>`)
      return n
    })],
    ['content nested 200,000 deep after its text', () => makePdf([{ content: `${runsToContent(paragraphRuns(A, 50, 740, { chars: 40, indent: true }).runs)}\n${'q '.repeat(200_000)}${'['.repeat(200_000)}` }])]
  ])('%s: the readable text', async (_n, make) => {
    const doc = await read(make())
    expect(paragraphs(doc.text)).toEqual([A])
  }, 30_000)
})

/** `mb` megabytes of `unit` repeated, Flate-compressed into about 1 KB per megabyte. */
function bombStream(unit: string, mb: number): Buffer {
  const chunk = deflateRawSync(Buffer.from(unit.repeat((1 << 20) / unit.length), 'latin1'), { level: 9, finishFlush: constants.Z_FULL_FLUSH })
  // Full flushes make each chunk stand alone, so it can be repeated; the checksum is left wrong.
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: mb }, () => chunk), Buffer.from([0x03, 0x00, 0, 0, 0, 0])])
}

function withStream(data: Buffer, pages = 1): Uint8Array {
  const w = new PdfWriter()
  const res = addFonts(w)
  const text = w.add({ body: '<< >>', stream: Buffer.from(runsToContent(paragraphRuns(A, 50, 740, { chars: 40, indent: true }).runs), 'latin1') })
  const bomb = w.add({ body: '<< /Filter /FlateDecode >>', stream: data })
  const root = w.reserve()
  const tree = w.reserve()
  const kids = Array.from({ length: pages }, () => w.add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 595 842] /Resources ${res} /Contents [${text} 0 R ${bomb} 0 R] >>`))
  w.set(tree, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages} >>`)
  w.set(root, `<< /Type /Catalog /Pages ${tree} 0 R >>`)
  return w.build({ root })
}

describe('hostile PDFs: bounded time and memory, too-large with the reason', () => {
  const saved = { ...LIMITS }
  afterEach(() => Object.assign(LIMITS, saved))

  it('a Flate bomb (512 MB of zeros in half a megabyte) stops at the engine heap', async () => {
    const bytes = withStream(bombStream('\0', 512))
    expect(bytes.length).toBeLessThan(1 << 20)
    const before = process.memoryUsage().rss
    const e = await readError(bytes)
    expect(e.code).toBe('too-large')
    expect(e.message).toMatch(/内存/)
    // The heap is capped at LIMITS.pdfHeapBytes (256 MB); pdf.js took 3.3 GB for a 1 MB bomb.
    expect(process.memoryUsage().rss - before).toBeLessThan(LIMITS.pdfHeapBytes + 128 * 1024 * 1024)
  }, 30_000)

  it('a page of a million text operators in 12 KB stops at the engine heap', async () => {
    const bytes = makePdf([{ content: `BT /F2 1 Tf ${'(a) Tj '.repeat(1_000_000)} ET` }])
    expect(bytes.length).toBeLessThan(32 * 1024)
    const e = await readError(bytes)
    expect(e.code).toBe('too-large')
  }, 30_000)

  it('a page with more characters than any real page is refused', async () => {
    const e = await readError(makePdf([{ content: `BT /F2 1 Tf ${'(abcdefghij) Tj '.repeat(10_000)} ET` }]))
    expect(e.code).toBe('too-large')
    expect(e.message).toMatch(/第 1 页.*100000 个字符/)
  })

  it('stops between pages once the time budget is spent', async () => {
    // Content that costs time without memory: operators that draw nothing, shared by every page.
    LIMITS.pdfMaxSeconds = 0
    const e = await readError(withStream(bombStream('q Q ', 4), 3))
    expect(e.code).toBe('too-large')
    expect(e.message).toMatch(/0 秒.*第 1 页/)
  })

  it('reads only the first pages of a document with too many', async () => {
    LIMITS.maxPdfPages = 2
    const doc = await read(makePdf([A, B, C].map((t) => ({ runs: paragraphRuns(t, 50, 740, { chars: 40, indent: true }).runs }))))
    expect(paragraphs(doc.text)).toEqual([A, B])
    expect(doc.warnings.join('')).toMatch(/共 3 页，只读取了前 2 页/)
  })

  /** A page that draws form XObject `X`: one drawing itself, or nine levels each drawing the one below ten times. */
  function forms(kind: 'self' | 'laughs'): Uint8Array {
    const w = new PdfWriter()
    const fonts = addFonts(w).slice(2, -2)
    const form = (resources: string, ops: string) => ({ body: `<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << ${resources} >> >>`, stream: Buffer.from(ops, 'latin1') })
    let x: number
    if (kind === 'self') {
      x = w.reserve()
      w.set(x, form(`${fonts} /XObject << /X ${x} 0 R >>`, 'BT /F2 10 Tf 1 0 0 1 50 50 Tm (a) Tj ET /X Do'))
    } else {
      x = w.add(form(fonts, 'BT /F2 1 Tf 1 0 0 1 50 50 Tm (a) Tj ET'))
      for (let i = 0; i < 9; i++) x = w.add(form(`/XObject << /X ${x} 0 R >>`, '/X Do '.repeat(10)))
    }
    const content = w.add({ body: '<< >>', stream: Buffer.from(`${runsToContent(paragraphRuns(A, 50, 740, { chars: 40, indent: true }).runs)}\n/X Do`, 'latin1') })
    const root = w.reserve()
    const pages = w.reserve()
    const page = w.add(`<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 595 842] /Resources << ${fonts} /XObject << /X ${x} 0 R >> >> /Contents ${content} 0 R >>`)
    w.set(pages, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`)
    w.set(root, `<< /Type /Catalog /Pages ${pages} 0 R >>`)
    return w.build({ root })
  }

  it('a form that draws itself ends', async () => {
    expect(paragraphs((await read(forms('self'))).text)[0]).toBe(A)
  })

  it('forms nested nine deep, each drawing the one below ten times (a billion characters), stop at the engine heap', async () => {
    expect((await readError(forms('laughs'))).code).toBe('too-large')
  }, 30_000)

  it('reads the next file normally after a hostile one', async () => {
    await readError(withStream(bombStream('\0', 300)))
    expect(paragraphs((await read(onePage())).text)).toEqual([A + B + C])
  }, 30_000)
})

// The readers of Word 97–2003 / WPS, OFD and saved single-file pages on the corpus reports in those formats
// (made by tests/helpers/make-format-fixtures.ts), their structure, and the hostile and damaged files each
// must refuse with a code and a reason in Chinese.
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { fixture, gbk, makeDocx } from '../../../tests/helpers/fixtures'
import { makeOfd } from '../../../tests/helpers/ofd'
import { AppError } from '../../shared/errors'
import { readReport } from './index'

async function readError(bytes: Uint8Array, name: string): Promise<AppError> {
  try {
    await readReport(bytes, name)
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error(`expected ${name} to fail`)
}

const formats = (file: string) => fixture('corpus', 'formats', file)
const REPORTS = ['gekeng-2024', 'xiaduopu-2020', 'xincheng-2020']
const WORD97 = { 'gekeng-2024': '.doc', 'xiaduopu-2020': '.doc', 'xincheng-2020': '.wps' } as Record<string, string>
/** Chinese text without the spaces a fixed layout cannot keep. */
const squeeze = (t: string) => t.split('\n').map((l) => l.replace(/\s/g, ''))

describe('Word 97–2003 and WPS', () => {
  it.each(REPORTS)('%s: the same paragraphs as the Word original', async (name) => {
    const file = name + WORD97[name]
    const doc = await readReport(formats(file), file)
    const docx = await readReport(formats(`${name}.docx`), `${name}.docx`)
    expect(doc.format).toBe(WORD97[name]!.slice(1))
    expect(doc.text).toBe(docx.text)
    expect(doc.blocks.map((b) => b.kind)).toEqual(docx.blocks.map((b) => b.kind))
    expect(doc.warnings).toEqual([])
  })

  it('takes the title from the document properties', async () => {
    expect((await readReport(formats('xiaduopu-2020.doc'), 'x.doc')).declaredTitle).toBe('宁乡市夏铎铺镇2020年度法治政府建设工作情况的报告')
    expect((await readReport(formats('gekeng-2024.doc'), 'x.doc')).declaredTitle).toBeUndefined()
  })

  it('drops field codes and keeps what they show, puts a table row on one line', async () => {
    const doc = await readReport(fixture('word97-structure.doc'), 'structure.doc')
    expect(doc.text.split('\n').filter(Boolean)).toEqual([
      '某镇2024年法治政府建设年度报告',
      '一、主要举措和成效',
      '全文详见镇政府门户网站。',
      '第一行 第二行',
      '索引号 QZ-001',
      '文号 某政〔2025〕1号 （主动公开）',
      '二、存在的不足和原因',
      '第1页'
    ])
    expect(doc.text).not.toMatch(/HYPERLINK|PAGE|example/)
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'table', 'table', 'paragraph', 'paragraph'])
  })

  it('reads a Word 97 file saved as .docx by its content and says so', async () => {
    const doc = await readReport(formats('gekeng-2024.doc'), '葛坑镇.docx')
    expect(doc.format).toBe('doc')
    expect(doc.warnings.join('')).toMatch(/扩展名为 \.docx.*Word 97–2003/)
  })
})

describe('OFD', () => {
  it.each(REPORTS)('%s: the same paragraphs as the Word original, in page order', async (name) => {
    const doc = await readReport(formats(`${name}.ofd`), `${name}.ofd`)
    const docx = await readReport(formats(`${name}.docx`), `${name}.docx`)
    expect(doc.format).toBe('ofd')
    expect(squeeze(doc.text)).toEqual(squeeze(docx.text))
    expect(doc.pages).toBeGreaterThanOrEqual(2)
    expect(doc.blocks.every((b, i) => b.page! >= 1 && (i === 0 || b.page! >= doc.blocks[i - 1]!.page!))).toBe(true)
    // page numbers, the template's running head, the stamp annotation and the seal are not text
    expect(doc.text).not.toMatch(/— \d+ —|模板页眉|印章注释/)
  })

  it('takes the title from DocInfo', async () => {
    expect((await readReport(formats('xincheng-2020.ofd'), 'x.ofd')).declaredTitle).toBe('新城镇2020年法治政府建设情况报告')
  })

  it('joins the lines of a paragraph and keeps half-width text apart from Chinese', async () => {
    const para = '2024年，全镇共办理行政执法案件368件，其中简易程序120件，普通程序248件，案卷合格率达到100%，同比提高5个百分点。'
    const doc = await readReport(makeOfd(['一、推进法治政府建设的主要举措', para, '（一）加强组织领导']), 'x.ofd')
    expect(doc.text.split('\n').filter(Boolean)).toEqual(['一、推进法治政府建设的主要举措', para, '（一）加强组织领导'])
  })

  it('calls an OFD of page images no-text-layer', async () => {
    const e = await readError(makeOfd(['一、主要举措'.repeat(40)], { imagesOnly: true }), 'scan.ofd')
    expect(e.code).toBe('no-text-layer')
    expect(e.message).toMatch(/OFD.*文字层/)
  })
})

describe('saved single-file pages (.mht)', () => {
  it.each(REPORTS)('%s: Chromium’s MHTML of the GBK page reads as the page itself', async (name) => {
    const doc = await readReport(formats(`${name}.mht`), `${name}.mht`)
    const html = await readReport(formats(`${name}.gbk.html`), `${name}.gbk.html`)
    expect(doc.format).toBe('mht')
    expect(doc.encoding).toBe('gb18030')
    expect(doc.text).toBe(html.text)
    expect(doc.declaredTitle).toBe(html.declaredTitle)
    expect(doc.warnings).toEqual([])
  })

  /** A page as Internet Explorer saves it: the HTML part quoted-printable in its own charset, an image in base64. */
  function ieMht(html: Uint8Array, charset: string, encoding: 'quoted-printable' | 'base64' = 'quoted-printable'): Uint8Array {
    const body =
      encoding === 'base64'
        ? Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\r\n')
        : Array.from(html, (b) => (b >= 0x21 && b <= 0x7e && b !== 0x3d ? String.fromCharCode(b) : b === 0x0a ? '\r\n' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`))
            .join('')
            .replace(/[^\r\n]{72}(?=[^\r\n])/g, '$&=\r\n')
    return strToU8(
      [
        'From: <由 Windows Internet Explorer 8 保存>',
        'Subject: =?gb2312?B?xM+/08Xk?=',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related;',
        '\ttype="text/html";',
        '\tboundary="----=_NextPart_000_0000_01D6DE5B.2A9C3E10"',
        '',
        'This is a multi-part message in MIME format.',
        '',
        '------=_NextPart_000_0000_01D6DE5B.2A9C3E10',
        `Content-Type: text/html; charset="${charset}"`,
        `Content-Transfer-Encoding: ${encoding}`,
        'Content-Location: http://www.example.gov.cn/xxgk/report.html',
        '',
        body,
        '',
        '------=_NextPart_000_0000_01D6DE5B.2A9C3E10',
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        'Content-Location: http://www.example.gov.cn/images/logo.png',
        '',
        'iVBORw0KGgo=',
        '',
        '------=_NextPart_000_0000_01D6DE5B.2A9C3E10--',
        ''
      ].join('\r\n')
    )
  }

  const page = (meta: string) =>
    `<html><head>${meta}<title>某镇2024年法治政府建设年度报告</title></head><body><div class="nav">首页 &gt; 政务公开</div><div class="content"><p>一、主要举措和成效</p><p>2024年，我镇深入推进依法行政，全面加强法治政府建设，各项工作取得明显成效。</p><p>二、存在的不足和原因</p><p>法治宣传的针对性还不够强。</p></div></body></html>`

  it('reads a GBK page saved by Internet Explorer (quoted-printable, charset in the part)', async () => {
    const doc = await readReport(ieMht(gbk(page('')), 'gb2312'), 'ie.mht')
    expect(doc.encoding).toBe('gb18030')
    expect(doc.text).toContain('2024年，我镇深入推进依法行政')
    expect(doc.warnings).toEqual([])
  })

  it('a part declared UTF-8 that is GBK is read as GBK, with a warning', async () => {
    const doc = await readReport(ieMht(gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')), 'utf-8'), 'lie.mht')
    expect(doc.encoding).toBe('gb18030')
    expect(doc.text).toContain('二、存在的不足和原因')
    expect(doc.text).not.toContain('\ufffd')
    expect(doc.warnings.join('')).toMatch(/声明的字符编码是 utf-8.*GBK/)
  })

  it('a base64 part declared GB2312 that is UTF-8 is read as UTF-8, with a warning', async () => {
    const doc = await readReport(ieMht(strToU8(page('')), 'gb2312', 'base64'), 'lie2.mht')
    expect(doc.encoding).toBe('utf-8')
    expect(doc.text).toContain('法治宣传的针对性还不够强。')
    expect(doc.warnings.join('')).toMatch(/声明的字符编码是 gb2312.*UTF-8/)
  })
})

describe('damaged and hostile files in the new formats', () => {
  const real = formats('gekeng-2024.doc')

  /** Where the WordDocument stream (its FIB) starts: a sector beginning with wIdent 0xA5EC. */
  function fib(b: Buffer): number {
    for (let o = 512; o < b.length; o += 512) if (b[o] === 0xec && b[o + 1] === 0xa5) return o
    throw new Error('no FIB')
  }

  /** The real .doc with the WordDocument stream's second sector pointing back to its first. */
  function fatCycle(): Uint8Array {
    const b = Buffer.from(real)
    const fatOffset = (b.readUInt32LE(0x4c) + 1) * 512
    const entry = b.indexOf(Buffer.from('WordDocument', 'utf16le'))
    const start = b.readUInt32LE(entry + 0x74)
    const next = b.readUInt32LE(fatOffset + start * 4)
    b.writeUInt32LE(start, fatOffset + next * 4)
    return new Uint8Array(b)
  }

  it.each([
    ['truncated .doc', () => real.slice(0, Math.floor(real.length / 2)), 'cut.doc', 'corrupt', /另存为.*\.docx/],
    ['.doc cut inside its header', () => real.slice(0, 300), 'cut.doc', 'corrupt', /另存为.*\.docx/],
    ['.doc whose sector chain loops', fatCycle, 'loop.doc', 'corrupt', /扇区链成环.*另存为/],
    [
      '.doc with the encrypted flag',
      () => {
        const b = Buffer.from(real)
        b.writeUInt16LE(b.readUInt16LE(fib(b) + 0x0a) | 0x0100, fib(b) + 0x0a)
        return new Uint8Array(b)
      },
      'secret.doc',
      'encrypted',
      /密码/
    ],
    [
      'Word 95 file',
      () => {
        const b = Buffer.from(real)
        b.writeUInt16LE(0x65, fib(b) + 2)
        return new Uint8Array(b)
      },
      'old.doc',
      'unsupported-format',
      /Word 95.*另存为.*\.docx/
    ],
    [
      '.wps in a compound file that holds no Word text',
      () => {
        const b = Buffer.from(real)
        b.write('WpsContents1', b.indexOf(Buffer.from('WordDocument', 'utf16le')), 'utf16le')
        return new Uint8Array(b)
      },
      'kingsoft.wps',
      'unsupported-format',
      /WPS.*另存为.*\.docx/
    ],
    ['.wps in an old binary format', () => Uint8Array.from([0xff, 0x57, 0x50, 0x43, 0, 0, 1, 2, 3, 0, 9, 9]), 'wps2000.wps', 'unsupported-format', /另存为.*\.docx/],
    [
      'zip-bomb .ofd (a page inflating to 60 MB)',
      () => zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>'), 'Doc_0/Pages/Page_0/Content.xml': new Uint8Array(60 * 1024 * 1024).fill(0x20) }, { level: 9 }),
      'bomb.ofd',
      'too-large',
      /解压后超过/
    ],
    [
      '.ofd with 30,000 entries',
      () => zipSync(Object.fromEntries([['OFD.xml', strToU8('<ofd:OFD/>')], ...Array.from({ length: 30_000 }, (_, i) => [`Doc_0/Res/r${i}.xml`, new Uint8Array(0)])]), { level: 0 }),
      'many.ofd',
      'too-large',
      /30001 个文件，超过上限/
    ],
    [
      '.ofd whose 500 pages all point at one 4 MB page',
      () => {
        const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
        const pages = Array.from({ length: 500 }, (_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/P/Content.xml"/>`).join('')
        return zipSync({
          'OFD.xml': strToU8(`<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
          'Doc_0/Document.xml': strToU8(`<ofd:Document ${NS}><ofd:Pages>${pages}</ofd:Pages></ofd:Document>`),
          'Doc_0/Pages/P/Content.xml': strToU8(`<ofd:Page ${NS}>${' '.repeat(4 * 1024 * 1024)}</ofd:Page>`)
        })
      },
      'pages.ofd',
      'too-large',
      /页面内容超过/
    ],
    ['.ofd without a document root', () => zipSync({ 'OFD.xml': strToU8('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody/></ofd:OFD>') }), 'odd.ofd', 'corrupt', /DocRoot/],
    ['encrypted .ofd', () => makeOfd(['一、主要举措'], { extra: { 'Encryptions.xml': strToU8('<Encryptions/>') } }), 'secret.ofd', 'encrypted', /加密/],
    ['.mht without an HTML part', () => strToU8('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n'), 'img.mht', 'corrupt', /没有网页正文/],
    [
      '.mht nested 10,000 multiparts deep',
      () => strToU8('MIME-Version: 1.0\r\n' + Array.from({ length: 10_000 }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`).join('')),
      'deep.mht',
      'corrupt',
      /嵌套层数过多/
    ]
  ])('%s', async (_n, make, name, code, reason) => {
    const e = await readError(make(), name)
    expect(e.code).toBe(code)
    expect(e.message).toMatch(reason)
    expect(e.message).toMatch(/[\u4e00-\u9fff]/)
    expect(e.message).not.toMatch(/invalid|error|unexpected|failed|cannot|undefined|offset|range|\bnot\b/i)
  })

  it('reads an OFD whose DeltaX claims a billion advances per character', async () => {
    const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    const codes = Array.from({ length: 2000 }, (_, i) => `<ofd:TextObject ID="${i}" Boundary="${20 + (i % 20) * 8} ${20 + Math.floor(i / 20) * 8} 8 8" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 999999999 5">法治</ofd:TextCode></ofd:TextObject>`).join('')
    const ofd = zipSync({
      'OFD.xml': strToU8(`<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
      'Doc_0/Document.xml': strToU8(`<ofd:Document ${NS}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/P/Content.xml"/></ofd:Pages></ofd:Document>`),
      'Doc_0/Pages/P/Content.xml': strToU8(`<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="1">${codes}</ofd:Layer></ofd:Content></ofd:Page>`)
    })
    const doc = await readReport(ofd, 'delta.ofd')
    expect(doc.text.replace(/\s/g, '')).toBe('法治'.repeat(2000))
  })

  it('stops a zip-bomb OFD without inflating it all', async () => {
    const bomb = zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>'), 'Doc_0/Pages/Page_0/Content.xml': new Uint8Array(120 * 1024 * 1024).fill(0x20) }, { level: 9 })
    expect(bomb.length).toBeLessThan(200 * 1024)
    const before = process.memoryUsage().rss
    expect((await readError(bomb, 'bomb.ofd')).code).toBe('too-large')
    expect(process.memoryUsage().rss - before).toBeLessThan(80 * 1024 * 1024)
  })
})

describe('mislabelled and fake files (issue 9)', () => {
  it.each([
    ['a text file named .pdf', strToU8('This is not a PDF file, just some words.\n'), 'fake.pdf', /扩展名为 \.pdf.*不是PDF/],
    ['binary junk named .pdf', Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251), 'junk.pdf', /扩展名为 \.pdf.*不是PDF/],
    ['a .docx that is not a zip', strToU8('plain words, not a Word file at all'), 'report.docx', /扩展名为 \.docx.*不是Word 文档/],
    ['an .ofd that is not a zip', strToU8('OFD? no.'), 'report.ofd', /扩展名为 \.ofd.*不是OFD/]
  ])('%s is damaged, not “not a report”', async (_n, bytes, name, reason) => {
    const e = await readError(bytes, name)
    expect(e.code).toBe('corrupt')
    expect(e.message).toMatch(reason)
  })

  it('a Chinese report saved as text but named .pdf is read as text, with a warning', async () => {
    const doc = await readReport(formats('xincheng-2020.gbk.txt'), '新城镇.pdf')
    expect(doc.format).toBe('txt')
    expect(doc.warnings.join('')).toMatch(/扩展名为 \.pdf.*文本/)
  })

  it('a damaged zip says what is wrong in Chinese, never in the library’s English', async () => {
    for (const [bytes, name] of [
      [strToU8('PK\u0003\u0004garbage'), 'broken.docx'],
      // cut inside the first entry: fflate says 'invalid zip data'
      [makeDocx([{ text: '法治' }]).slice(0, 120), 'cut.docx']
    ] as Array<[Uint8Array, string]>) {
      const e = await readError(bytes, name)
      expect(e.code).toBe('corrupt')
      expect(e.message).not.toMatch(/invalid|zip data|unexpected|unknown/i)
      expect(e.message).toMatch(/[\u4e00-\u9fff]{4}/)
    }
  })
})

import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { big5, CORPUS, corpusJson, fixture, gbk, makeDocx } from '../../../tests/helpers/fixtures'
import { AppError } from '../../shared/errors'
import { decodeText } from './encoding'
import { readReport } from './index'
import { tidyCjkSpaces } from './pdf'

async function readError(bytes: Uint8Array, name: string): Promise<AppError> {
  try {
    await readReport(bytes, name)
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error(`expected ${name} to fail`)
}

const formats = corpusJson<Array<{ file: string; format: string }>>('formats', 'labels.json')

describe('readers on the real corpus formats', () => {
  it.each(formats.map((f) => [f.file, f.format]))('%s (%s) reads to report text', async (file) => {
    const doc = await readReport(fixture('corpus', 'formats', file), file)
    expect(doc.text.length).toBeGreaterThan(2000)
    expect(doc.text).toMatch(/存在|不足/)
    expect(doc.text).toMatch(/下一步|20\d\d年主要工作安排/)
    // every block points inside the text
    for (const b of doc.blocks) expect(doc.text.slice(b.start, b.end).trim().length).toBeGreaterThan(0)
  })

  it('takes only the main content of a saved portal page and never its scripts or link boxes', async () => {
    for (const file of ['xiaduopu-2020.gbk.html', 'xiaduopu-2020.utf8.html']) {
      const doc = await readReport(fixture('corpus', 'formats', file), file)
      expect(doc.text).not.toContain('hacked')
      expect(doc.text).not.toContain('_hmt')
      expect(doc.text).not.toContain('关于开展2024年普法宣传活动的通知') // related-links box
      expect(doc.text).not.toContain('下一步工作计划征求意见')
      expect(doc.text).not.toContain('ICP备')
      expect(doc.text).toContain('三、下一步工作计划')
      expect(doc.encoding).toBe(file.includes('gbk') ? 'gb18030' : 'utf-8')
    }
  })

  it('joins hard line breaks in PDF paragraphs, drops page numbers and CJK–digit spaces', async () => {
    const pdf = await readReport(fixture('corpus', 'formats', 'gekeng-2024.pdf'), 'gekeng-2024.pdf')
    const docx = await readReport(fixture('corpus', 'formats', 'gekeng-2024.docx'), 'gekeng-2024.docx')
    expect(pdf.text).toContain('葛政〔2025〕11号')
    expect(pdf.text).not.toMatch(/\d 年|年 \d|\d 号/)
    expect(pdf.text).toContain('扎实推进“放管服”改革')
    expect(pdf.text.split('\n').filter((l) => /^\s*\d{1,3}\s*$/.test(l))).toEqual([])
    // the same paragraphs as the Word original
    const paras = (t: string) => t.split('\n').filter((l) => l.length > 40).map((l) => l.replace(/\s/g, '').slice(0, 30))
    expect(paras(pdf.text)).toEqual(paras(docx.text))
    expect(pdf.blocks.every((b) => b.page! >= 1)).toBe(true)
  })

  it('reads GB18030 and UTF-16 text files to the same text as UTF-8', async () => {
    const gb = await readReport(fixture('corpus', 'formats', 'xincheng-2020.gbk.txt'), 'x.txt')
    const u16 = await readReport(fixture('corpus', 'formats', 'xincheng-2020.utf16.txt'), 'x.txt')
    expect(gb.encoding).toBe('gb18030')
    expect(u16.encoding).toBe('utf-16le')
    expect(gb.text).toBe(u16.text)
    expect(CORPUS).toBeTruthy()
  })
})

describe('encoding detection', () => {
  it.each([
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...strToU8('法治政府建设年度报告')]), 'utf-8-bom'],
    ['UTF-8', strToU8('法治政府建设年度报告'), 'utf-8'],
    ['UTF-16 BE with BOM', Uint8Array.from([0xfe, 0xff, ...Buffer.from('法治政府建设年度报告', 'utf16le').swap16()]), 'utf-16be'],
    ['UTF-16 LE without BOM', Uint8Array.from(Buffer.from('2020年法治政府建设年度报告', 'utf16le')), 'utf-16le'],
    // short GBK text that chardet takes for Shift_JIS
    ['short GBK', gbk('法治报告'), 'gb18030'],
    ['GBK sentence', gbk('一、存在的不足和原因'), 'gb18030']
  ])('%s', (_name, bytes, encoding) => {
    const d = decodeText(bytes)
    expect(d.encoding).toBe(encoding)
    expect(d.text).toMatch(/法治|不足/)
  })

  it('tells Big5 from GBK by which reads as plausible Chinese', () => {
    const d = decodeText(big5('二、法治政府建設存在的問題和不足。我們將繼續推進依法行政，這是重點工作。'))
    expect(d.encoding).toBe('big5')
    expect(d.text).toContain('法治政府建設')
  })
})

describe('Word structure', () => {
  it('renders automatic numbering and keeps heading styles and tables', async () => {
    const bytes = makeDocx(
      [
        { text: '某镇2024年法治政府建设年度报告', style: 'Title' },
        { text: '主要举措和成效', style: '1', numId: 1, ilvl: 0 },
        { text: '加强组织领导', style: 'MyHeading', numId: 1, ilvl: 1 },
        { text: '镇党委书记切实履行第一责任人职责。' },
        { text: '存在的不足和原因', style: '1', numId: 1, ilvl: 0 }
      ],
      { table: [['索引号', 'QZ-001'], ['文号', '某政〔2025〕1号']] }
    )
    const doc = await readReport(bytes, 'x.docx')
    expect(doc.text.split('\n').slice(0, 5)).toEqual(['某镇2024年法治政府建设年度报告', '一、主要举措和成效', '（一）加强组织领导', '镇党委书记切实履行第一责任人职责。', '二、存在的不足和原因'])
    expect(doc.blocks.map((b) => [b.kind, b.level])).toEqual([['title', undefined], ['heading', 1], ['heading', 2], ['paragraph', undefined], ['heading', 1], ['table', undefined], ['table', undefined]])
    expect(doc.text).toContain('文号 某政〔2025〕1号')
  })
})

describe('bad input gets a stable code and a reason', () => {
  it.each([
    ['empty file', new Uint8Array(0), 'empty.txt', 'empty'],
    ['whitespace only', strToU8('   \n\n  '), 'blank.txt', 'empty'],
    // a compound-file signature with nothing behind it: damaged (the reader adds the 另存为 .docx advice)
    ['damaged .doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]), 'old.doc', 'corrupt'],
    ['damaged WPS file', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]), 'old.wps', 'corrupt'],
    [
      'password-protected Word',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(100), ...Buffer.from('EncryptedPackage', 'utf16le')]),
      'secret.docx',
      'encrypted'
    ],
    ['truncated docx', makeDocx([{ text: '法治' }]).slice(0, 120), 'cut.docx', 'corrupt'],
    ['docx without document.xml', zipSync({ 'word/other.xml': strToU8('<x/>') }), 'odd.docx', 'corrupt'],
    ['PNG scan', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'scan.png', 'unsupported-format'],
    ['corrupt PDF', strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage'), 'broken.pdf', 'corrupt']
  ])('%s', async (_n, bytes, name, code) => {
    const e = await readError(bytes, name)
    expect(e.code).toBe(code)
    expect(e.message.length).toBeGreaterThan(4)
  })

  it('says a scanned PDF has no text layer', async () => {
    expect((await readError(fixture('scanned-blank.pdf'), 'scan.pdf')).code).toBe('no-text-layer')
  })

  it('says a password-protected PDF is encrypted', async () => {
    expect((await readError(fixture('encrypted.pdf'), 'secret.pdf')).code).toBe('encrypted')
  })

  it('stops a Word file whose XML inflates past the limit without inflating it all', async () => {
    const huge = new Uint8Array(60 * 1024 * 1024).fill(0x20)
    const bomb = zipSync({ 'word/document.xml': huge }, { level: 9 })
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const before = process.memoryUsage().rss
    const e = await readError(bomb, 'bomb.docx')
    expect(e.code).toBe('too-large')
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  })

  it('refuses an 80 MB text file', async () => {
    const e = await readError(new Uint8Array(80 * 1024 * 1024).fill(0x41), 'huge.txt')
    expect(e.code).toBe('too-large')
  })

  it('reads HTML nested 100,000 levels deep', async () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}<p>2020年法治政府建设年度报告正文。</p>${'</div>'.repeat(100_000)}</body></html>`
    const doc = await readReport(strToU8(html), 'deep.html')
    expect(doc.text).toContain('2020年法治政府建设年度报告正文。')
  })

  it('reads a mislabelled file by its content and says so', async () => {
    const doc = await readReport(fixture('corpus', 'formats', 'xincheng-2020.utf8.html'), 'report.pdf')
    expect(doc.format).toBe('html')
    expect(doc.warnings.join('')).toMatch(/扩展名.*网页/)
  })
})

describe('tidyCjkSpaces', () => {
  it.each([
    ['2024 年', '2024年'],
    ['共 368 件', '共368件'],
    ['葛政〔2025〕11 号', '葛政〔2025〕11号'],
    ['Word 文档', 'Word文档'],
    ['plain English words', 'plain English words']
  ])('%s → %s', (a, b) => expect(tidyCjkSpaces(a)).toBe(b))
})

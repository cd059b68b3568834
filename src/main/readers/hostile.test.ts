// Hostile files against the HTML, text and Word readers: every step that touches file content runs in
// linear time (each case below grows an adversarial input 8× and the work may grow about 8×, not 64×),
// oversized content gets a clear code or is read within the limits, and the batch goes on.
// Inputs are generated here, at sizes that keep the suite fast.

import { strToU8, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { growth8x as growth, LINEAR } from '../../../tests/helpers/growth'
import { gbk, makeDocx } from '../../../tests/helpers/fixtures'
import { checkBytes } from '../pipeline/check-file'
import { loadChecklist } from '../store/checklist-files'
import { readReport } from './index'
import { LIMITS } from './limits'

const P = '<p>某县2023年法治政府建设年度报告。一、主要工作和成效，全面推进依法行政，严格规范公正文明执法。</p>'
const LINE = '某县2023年法治政府建设年度报告。一、主要工作和成效，全面推进依法行政，严格规范公正文明执法。\n'
const html = (s: string) => strToU8(`<html><body>${P}${s}${P}</body></html>`)
const text = (s: string) => strToU8(`${LINE}${s}\n${LINE}`)
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const wp = '<w:p><w:r><w:t>某县2023年法治政府建设年度报告，全面推进依法行政。</w:t></w:r></w:p>'
const docx = (inner: string) => makeDocx([], { documentXml: `<w:document ${W}><w:body>${wp}${inner}${wp}</w:body></w:document>` })

type Case = [name: string, make: (n: number) => { bytes: Uint8Array; name: string }, n: number]
const asHtml = (f: (n: number) => string): Case[1] => (n) => ({ bytes: html(f(n)), name: 'x.html' })
const asText = (f: (n: number) => string, name = 'x.txt'): Case[1] => (n) => ({ bytes: text(f(n)), name })
const asDocx = (f: (n: number) => string): Case[1] => (n) => ({ bytes: docx(f(n)), name: 'x.docx' })

const cases: Case[] = [
  // HTML: the tokenizer, the tree builder, furniture detection, text blocks, the main-content run.
  ['HTML nested deep, closed in order', asHtml((n) => `${'<div>'.repeat(n)}${P}${'</div>'.repeat(n)}`), 20_000],
  ['HTML nested deep, closed by tags never opened', asHtml((n) => `${'<div>'.repeat(n)}${P}${'</span>'.repeat(n)}`), 20_000],
  ['HTML nested deep inline elements and table rows', asHtml((n) => `<table>${'<tr><td><span>'.repeat(n)}<br>${P}</table>`), 10_000],
  ['HTML unclosed tags', asHtml((n) => '<a href=x '.repeat(n)), 20_000],
  ['HTML unterminated comment', asHtml((n) => `<!--${'-'.repeat(n)}`), 100_000],
  ['HTML entities without end', asHtml((n) => '&amp'.repeat(n) + '&#'.repeat(n)), 30_000],
  ['HTML huge class and style attributes', asHtml((n) => `<div class="${'nav-'.repeat(n)}x" style="display${' '.repeat(n)}x">${P}</div>`), 50_000],
  ['HTML many class names', (n) => ({ bytes: html(`<div class="${'a '.repeat(n)}">${P}</div>`.repeat(20)), name: 'x.html' }), 5_000],
  ['HTML whitespace runs in a paragraph', asHtml((n) => `<p>法治${' '.repeat(n)}x${'\u3000'.repeat(n)}</p>`), 100_000],
  ['HTML furniture boxes inside furniture boxes', asHtml((n) => '<div><h3>相关链接</h3><p>链接，内容，说明，文字。</p>'.repeat(n)), 3_000],
  ['HTML many short blocks', asHtml((n) => '<p>发布时间：2024年</p><p><a href="#">首页</a></p>'.repeat(n)), 2_000],
  ['HTML charset sniffing', (n) => ({ bytes: strToU8(`<meta${' charset'.repeat(n)}<html><body>${P}</body></html>`), name: 'x.html' }), 10_000],
  // Plain text and Markdown: line splitting, the Markdown scanners, trailing-space trimming.
  ['text trailing spaces', asText((n) => `法治${' '.repeat(n)}x${'\u3000'.repeat(n)}`), 100_000],
  ['text empty lines', asText((n) => '\r'.repeat(n) + '\n'.repeat(n)), 30_000],
  ['Markdown heading with spaces', asText((n) => `# ${' '.repeat(n)}法治x`, 'x.md'), 100_000],
  ['Markdown heading with closing hashes', asText((n) => `# 法治 ${'#'.repeat(n)}x`, 'x.md'), 100_000],
  ['Markdown bold heading with spaces', asText((n) => `**法治报告**${' '.repeat(n)}x`, 'x.md'), 100_000],
  ['Markdown rule-like line', asText((n) => `-${' -'.repeat(n)}x`, 'x.md'), 50_000],
  ['Markdown unclosed links and images', asText((n) => '['.repeat(n) + '!['.repeat(n) + '[法治]('.repeat(n), 'x.md'), 20_000],
  ['Markdown unclosed emphasis and code', asText((n) => '**法治'.repeat(n) + '__'.repeat(n) + '`法'.repeat(n), 'x.md'), 20_000],
  ['Markdown list marker with spaces', asText((n) => `1.${' '.repeat(n)}`, 'x.md'), 100_000],
  // Encodings: damaged UTF-8, legacy candidates, zero-byte patterns.
  ['UTF-8 damaged everywhere', (n) => ({ bytes: Uint8Array.from({ length: n }, (_, i) => (i % 3 ? 0xef : 0xbf)), name: 'x.txt' }), 100_000],
  ['GBK text', (n) => ({ bytes: gbk(LINE.repeat(n)), name: 'x.txt' }), 1_000],
  // Word: the XML walker, style and numbering lookups, nesting, text boxes.
  ['Word XML nested deep', asDocx((n) => `${'<w:sdt><w:sdtContent>'.repeat(n)}${wp}${'</w:sdtContent></w:sdt>'.repeat(n)}`), 8_000],
  ['Word XML closed by tags never opened', asDocx((n) => `${'<w:sdt>'.repeat(n)}${wp}${'</w:x>'.repeat(n)}`), 20_000],
  ['Word paragraphs nested in paragraphs', asDocx((n) => `${'<w:p><w:r><w:t>法治</w:t></w:r>'.repeat(n)}${'</w:p>'.repeat(n)}`), 4_000],
  ['Word text boxes nested in alternates', asDocx((n) => `${'<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>法</w:t></w:r>'.repeat(n)}${'</w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>治</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>'.repeat(n)}`), 2_000],
  [
    'Word style name and numbering text of any length, used by many paragraphs',
    (n) => {
      const styles = `<w:styles ${W}><w:style w:styleId="S"><w:name w:val="heading${' '.repeat(n)}x"/></w:style></w:styles>`
      const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="${'%1'.repeat(n)}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
      const p = '<w:p><w:pPr><w:pStyle w:val="S"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>法治政府建设</w:t></w:r></w:p>'
      const doc = `<w:document ${W}><w:body>${wp}${p.repeat(n / 10)}</w:body></w:document>`
      return { bytes: zipSync({ 'word/document.xml': strToU8(doc), 'word/styles.xml': strToU8(styles), 'word/numbering.xml': strToU8(numbering) }), name: 'x.docx' }
    },
    20_000
  ],
  ['Word file with many zip entries', (n) => ({ bytes: zipSync(Object.fromEntries([['word/document.xml', strToU8(`<w:document ${W}><w:body>${wp}</w:body></w:document>`)], ...Array.from({ length: n }, (_, i) => [`word/media/i${i}.png`, new Uint8Array(1)])])), name: 'x.docx' }), 1_000]
]

describe('every step that touches file content runs in linear time', () => {
  it.each(cases)('%s', async (_name, make, n) => {
    const ratio = await growth(make, ({ bytes, name }) => readReport(bytes, name), n)
    expect(ratio).toBeLessThan(LINEAR)
  }, 60_000)
})

describe('oversized content: a clear code, or read within the limits', () => {
  const saved = { ...LIMITS }
  afterEach(() => Object.assign(LIMITS, saved))

  it('one text node longer than the text limit is read up to the limit, with a warning (it was `empty`)', async () => {
    LIMITS.maxTextChars = 5_000
    const doc = await readReport(strToU8(`<html><body><div>${'法治政府建设年度报告，'.repeat(2_000)}</div></body></html>`), 'one-node.html')
    expect(doc.text.length).toBeGreaterThan(4_000)
    expect(doc.text.length).toBeLessThanOrEqual(5_000)
    expect(doc.warnings.join('')).toMatch(/其余部分未读取/)
  })

  it('a text file over the size limit is too-large with its size and the limit', async () => {
    LIMITS.maxTextBytes = 1_000
    const e = await readReport(strToU8(LINE.repeat(100)), 'big.txt').catch((x: AppError) => x)
    expect(e).toBeInstanceOf(AppError)
    expect((e as AppError).code).toBe('too-large')
    expect((e as AppError).message).toMatch(/上限/)
  })
})

describe('a batch of hostile files goes on', () => {
  it('each hostile file gets its own code and the report after them is read', async () => {
    const checklist = loadChecklist('default')
    const report = makeDocx([
      { text: '某镇2023年法治政府建设年度报告', style: 'Title' },
      { text: '一、主要工作和成效' },
      { text: '镇党委书记切实履行推进法治建设第一责任人职责，全年开展普法宣传活动二十场，行政执法公示制度全面落实。' },
      { text: '二、存在的不足和原因' },
      { text: '执法力量不足，法治宣传形式单一。' },
      { text: '三、下一步工作安排' },
      { text: '继续加强执法队伍建设，推进普法宣传。' }
    ])
    const big = new Uint8Array(60 * 1024 * 1024).fill(0x20)
    const batch: Array<[string, Uint8Array]> = [
      ['bomb.docx', zipSync({ 'word/document.xml': big }, { level: 9 })],
      ['deep.html', html(`${'<div>'.repeat(200_000)}${'</span>'.repeat(200_000)}`)],
      ['japanese.txt', Buffer.from('法治政府の建設について、本年度は行政手続の透明性を高めるため、さまざまな取り組みを進めてきました。市民の皆さまからの意見を広く聞いています。')],
      ['form.html', strToU8(`<html><body><form id="Form1">${P.repeat(3)}</form></body></html>`)],
      ['report.docx', report]
    ]
    const results = []
    // What is judged here is the reading; whether each reads as an annual report is not the question.
    for (const [name, bytes] of batch) results.push((await checkBytes(bytes, name, checklist, { acceptNotReport: true })).report)
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['too-large', 'ok', 'not-chinese', 'ok', 'ok'])
    expect(results.every((r) => r.ok || r.error.message.length > 8)).toBe(true)
  })
})

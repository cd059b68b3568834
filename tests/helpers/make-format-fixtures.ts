// Makes the corpus fixtures in the formats no script of ours reads back blindly: `.doc` and `.wps` saved by
// LibreOffice from the Word originals, `.ofd` written by tests/helpers/ofd.ts from each report's text, and
// `.mht` saved by Chromium (its 「网页，单个文件」 serializer) from the GBK portal pages. Adds their labels
// (those of the report they were made from) to labels.json. Run once: `npx tsx tests/helpers/make-format-fixtures.ts`
// (needs `soffice` and Debian's `chromium`). LibreOffice cannot write WPS Office's own format; WPS Office
// saves `.wps` as the same Word 97 compound file, so the `.wps` fixture is LibreOffice's Word 97 output.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { chromium } from 'playwright-core'
import { readReport } from '../../src/main/readers'
import { CORPUS, FIXTURES, makeDocx } from './fixtures'
import { makeOfd } from './ofd'

const DIR = path.join(CORPUS, 'formats')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-fixtures-'))

interface Label {
  file: string
  seed: string
  kind: string
  expected: Record<string, string[]>
  format: string
  from: string
}
const labels = JSON.parse(fs.readFileSync(path.join(DIR, 'labels.json'), 'utf8')) as Label[]
const made: Label[] = []
const labelFrom = (source: string, file: string, format: string) => {
  const l = labels.find((x) => x.file === source)!
  made.push({ ...l, file, format })
}

/** The report's Word original with a title in its document properties, as a reviewer's copy has. */
function withTitle(docx: Uint8Array, title: string | null): Uint8Array {
  if (!title) return docx
  const parts = unzipSync(docx)
  const core = new TextDecoder().decode(parts['docProps/core.xml'])
  parts['docProps/core.xml'] = strToU8(core.replace('<dc:title></dc:title>', `<dc:title>${title}</dc:title>`))
  return zipSync(parts, { mtime: new Date('2025-03-01T00:00:00Z') })
}

// Word 97–2003 and WPS: LibreOffice's "MS Word 97" filter.
const word: Array<[string, string, string | null]> = [
  ['gekeng-2024', '.doc', null],
  ['xiaduopu-2020', '.doc', '宁乡市夏铎铺镇2020年度法治政府建设工作情况的报告'],
  ['xincheng-2020', '.wps', null]
]
for (const [name, ext, title] of word) {
  const src = path.join(tmp, `${name}.docx`)
  fs.writeFileSync(src, withTitle(new Uint8Array(fs.readFileSync(path.join(DIR, `${name}.docx`))), title))
  execFileSync('soffice', ['--headless', '--convert-to', 'doc:MS Word 97', '--outdir', tmp, src], { stdio: 'ignore' })
  fs.copyFileSync(path.join(tmp, `${name}.doc`), path.join(DIR, `${name}${ext}`))
  labelFrom(`${name}.docx`, `${name}${ext}`, ext.slice(1))
}

// A Word 97 file with what the text stream marks specially: a hyperlink field, a page-number field,
// a table whose cell holds two paragraphs, a line break inside a paragraph.
{
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
  const p = (inner: string) => `<w:p>${inner}</w:p>`
  const t = (s: string) => `<w:r><w:t xml:space="preserve">${s}</w:t></w:r>`
  const field = (instr: string, shown: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${t(shown)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
  const cell = (...paras: string[]) => `<w:tc>${paras.map((x) => p(t(x))).join('')}</w:tc>`
  const body = [
    p(t('某镇2024年法治政府建设年度报告')),
    p(t('一、主要举措和成效')),
    p(t('全文详见') + field('HYPERLINK "http://www.example.gov.cn/xxgk/"', '镇政府门户网站') + t('。')),
    p(t('第一行') + '<w:r><w:br/></w:r>' + t('第二行')),
    `<w:tbl><w:tr>${cell('索引号')}${cell('QZ-001')}</w:tr><w:tr>${cell('文号')}${cell('某政〔2025〕1号', '（主动公开）')}</w:tr></w:tbl>`,
    p(t('二、存在的不足和原因')),
    p(t('第') + field('PAGE', '1') + t('页'))
  ].join('')
  const src = path.join(tmp, 'word97-structure.docx')
  // A package LibreOffice accepts: content types and the package relationship to the main part.
  const parts = unzipSync(makeDocx([], { documentXml: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>` }))
  parts['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  )
  parts['_rels/.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  )
  fs.writeFileSync(src, zipSync(parts))
  execFileSync('soffice', ['--headless', '--convert-to', 'doc:MS Word 97', '--outdir', tmp, src], { stdio: 'ignore' })
  fs.copyFileSync(path.join(tmp, 'word97-structure.doc'), path.join(FIXTURES, 'word97-structure.doc'))
}

// OFD: the report's paragraphs set in pages by the test generator.
const ofdMeta: Record<string, { title?: string; author: string; creationDate: string }> = {
  'gekeng-2024': { author: '葛坑镇人民政府', creationDate: '2025-02-28' },
  'xiaduopu-2020': { title: '宁乡市夏铎铺镇2020年度法治政府建设工作情况的报告', author: '夏铎铺镇人民政府', creationDate: '2020-12-25' },
  'xincheng-2020': { title: '新城镇2020年法治政府建设情况报告', author: '新城镇人民政府', creationDate: '2021-05-14' }
}
for (const [name, meta] of Object.entries(ofdMeta)) {
  const doc = await readReport(new Uint8Array(fs.readFileSync(path.join(DIR, `${name}.docx`))), `${name}.docx`)
  fs.writeFileSync(path.join(DIR, `${name}.ofd`), makeOfd(doc.text.split('\n').filter(Boolean), meta))
  labelFrom(`${name}.docx`, `${name}.ofd`, 'ofd')
}

// MHT: Chromium's own MHTML of the GBK page (scripts off), served at a portal-like address by a route
// that answers from the file, so nothing leaves the machine.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
for (const name of ['gekeng-2024', 'xiaduopu-2020', 'xincheng-2020']) {
  const ctx = await browser.newContext({ javaScriptEnabled: false })
  const page = await ctx.newPage()
  const url = `http://www.example.gov.cn/xxgk/${name}.html`
  await page.route('**/*', (route) =>
    route.request().url() === url ? route.fulfill({ status: 200, contentType: 'text/html', body: fs.readFileSync(path.join(DIR, `${name}.gbk.html`)) }) : route.abort()
  )
  await page.goto(url)
  const cdp = await ctx.newCDPSession(page)
  const { data } = (await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string }
  // The capture date is the only thing that changes between runs.
  fs.writeFileSync(path.join(DIR, `${name}.mht`), data.replace(/^Date: .*$/m, 'Date: Sat, 01 Mar 2025 00:00:00 +0000').replace(/MultipartBoundary--[A-Za-z0-9]+----/g, 'MultipartBoundary--fixture----'))
  labelFrom(`${name}.gbk.html`, `${name}.mht`, 'mht-gbk')
  await ctx.close()
}
await browser.close()

const names = new Set(made.map((m) => m.file))
fs.writeFileSync(path.join(DIR, 'labels.json'), JSON.stringify([...labels.filter((l) => !names.has(l.file)), ...made], null, 1) + '\n')
fs.rmSync(tmp, { recursive: true, force: true })
console.log(`wrote ${made.map((m) => m.file).join(', ')}`)

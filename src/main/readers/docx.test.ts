// Word files: text boxes read once, the paragraph anchoring a text box keeps its own text, and the zip
// container is bounded per entry, in total and in entry count (a part repeated hundreds of times is
// inflated once).

import { strToU8, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { makeDocx } from '../../../tests/helpers/fixtures'
import { readReport } from './index'
import { LIMITS } from './limits'
import { readZipEntries } from './zip'

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`
const body = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${inner}</w:body></w:document>`
const txbx = (t: string) => `<w:txbxContent>${para(t)}</w:txbxContent>`
/** A text box as Word 2010+ writes it: DrawingML in mc:Choice, the same box again as VML in mc:Fallback. */
const alternate = (choice: string, fallback: string) =>
  `<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp>${choice}</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:shape><v:textbox>${fallback}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>`
const anchoring = (box: string) => `<w:p><w:r><w:t>锚定段落的前半句，</w:t></w:r><w:r>${box}</w:r><w:r><w:t>以及后半句。</w:t></w:r></w:p>`

async function text(documentXml: string): Promise<string> {
  return (await readReport(makeDocx([], { documentXml }), 'box.docx')).text
}
const count = (s: string, needle: string) => s.split(needle).length - 1

describe('Word text boxes', () => {
  it('reads a text box once from its mc:AlternateContent pair and keeps the anchoring paragraph whole', async () => {
    const t = await text(body(para('第一段：法治政府建设年度报告。') + anchoring(alternate(`<wps:txbx>${txbx('文本框里的文字')}</wps:txbx>`, txbx('文本框里的文字')))))
    expect(count(t, '文本框里的文字')).toBe(1)
    expect(t).toContain('锚定段落的前半句，以及后半句。')
    expect(t).toContain('第一段：法治政府建设年度报告。')
  })

  it('reads the Fallback when the Choice holds no text', async () => {
    const t = await text(body(anchoring(alternate('<wps:spPr/>', txbx('只在后备内容中的文字')))))
    expect(count(t, '只在后备内容中的文字')).toBe(1)
  })

  it('reads a VML text box without an alternate once', async () => {
    const t = await text(body(anchoring(`<w:pict><v:shape><v:textbox>${txbx('旧式文本框')}</v:textbox></v:shape></w:pict>`)))
    expect(count(t, '旧式文本框')).toBe(1)
    expect(t).toContain('锚定段落的前半句，以及后半句。')
  })

  it('reads nested alternates (a text box inside a text box) once each', async () => {
    const inner = alternate(`<wps:txbx>${txbx('内层文字')}</wps:txbx>`, txbx('内层文字'))
    const outerBox = `<w:txbxContent><w:p><w:r>${inner}</w:r></w:p></w:txbxContent>`
    const t = await text(body(anchoring(alternate(`<wps:txbx>${outerBox}</wps:txbx>`, outerBox))))
    expect(count(t, '内层文字')).toBe(1)
  })
})

describe('zip bounds', () => {
  const saved = { ...LIMITS }
  afterEach(() => Object.assign(LIMITS, saved))

  async function readError(bytes: Uint8Array): Promise<AppError> {
    try {
      await readReport(bytes, 'x.docx')
    } catch (e) {
      if (e instanceof AppError) return e
      throw e
    }
    throw new Error('expected a refusal')
  }

  /** A zip whose directory lists `copies` entries of the same name and bytes (zipSync cannot repeat names). */
  function repeated(name: string, data: Uint8Array, copies: number): Uint8Array {
    const one = zipSync({ [name]: data }, { level: 9 })
    const end = one.length - 22
    const cd = new DataView(one.buffer, one.byteOffset).getUint32(end + 16, true)
    const local = one.subarray(0, cd)
    const central = one.subarray(cd, end)
    const out = new Uint8Array(copies * (local.length + central.length) + 22)
    const dv = new DataView(out.buffer)
    for (let i = 0; i < copies; i++) {
      out.set(local, i * local.length)
      const at = copies * local.length + i * central.length
      out.set(central, at)
      dv.setUint32(at + 42, i * local.length, true) // where this copy's local record starts
    }
    const e = copies * (local.length + central.length)
    out.set(one.subarray(end), e)
    dv.setUint16(e + 8, copies, true)
    dv.setUint16(e + 10, copies, true)
    dv.setUint32(e + 12, copies * central.length, true)
    dv.setUint32(e + 16, copies * local.length, true)
    return out
  }

  const bigXml = (mb: number) => strToU8(body(para('法治政府建设年度报告正文。') + `<w:p><w:r><w:t>${'法'.repeat((mb * 1048576) / 3)}</w:t></w:r></w:p>`))

  it('inflates a part repeated hundreds of times once', async () => {
    const bytes = repeated('word/document.xml', bigXml(2), 300)
    // The total cap is below two copies: only one may be inflated.
    const parts = readZipEntries(bytes, (n) => n === 'word/document.xml', 4 * 1048576, { maxTotalBytes: 3 * 1048576 })
    expect(parts.get('word/document.xml')!.length).toBeGreaterThan(2 * 1048576)
    LIMITS.maxZipInflatedBytes = 3 * 1048576
    const doc = await readReport(bytes, 'copies.docx')
    expect(doc.text).toContain('法治政府建设年度报告正文。')
  })

  it('stops at the total inflated size of a file, with a reason', async () => {
    const bytes = zipSync({ 'word/document.xml': bigXml(2), 'word/styles.xml': bigXml(2), 'word/numbering.xml': bigXml(2) }, { level: 9 })
    LIMITS.maxZipInflatedBytes = 5 * 1048576
    const e = await readError(bytes)
    expect(e.code).toBe('too-large')
    expect(e.message).toMatch(/合计超过 5 MB/)
  })

  it('stops at the number of entries, with a reason, before reading any', async () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(body(para('法治政府建设年度报告。'))) }
    for (let i = 0; i < 60; i++) files[`word/media/image${i}.png`] = new Uint8Array(8)
    LIMITS.maxZipEntries = 50
    const e = await readError(zipSync(files))
    expect(e.code).toBe('too-large')
    expect(e.message).toMatch(/61 个文件，超过上限 50 个/)
  })

  it('a truncated archive is corrupt, an encrypted entry encrypted', async () => {
    const ok = makeDocx([{ text: '法治政府建设年度报告。' }])
    expect((await readError(ok.subarray(0, ok.length - 30))).code).toBe('corrupt')
    const enc = Uint8Array.from(ok)
    // Set the "encrypted" flag on every directory record.
    for (let i = 0; i + 4 <= enc.length; i++) if (enc[i] === 0x50 && enc[i + 1] === 0x4b && enc[i + 2] === 1 && enc[i + 3] === 2) enc[i + 8]! |= 1
    expect((await readError(enc)).code).toBe('encrypted')
  })
})

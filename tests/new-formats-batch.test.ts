// A folder of reports in the formats of issue 14 (Word 97–2003, WPS, OFD, .mht) with a damaged file of
// each, imported as the app does: the damaged ones fail with a code and a reason in Chinese naming what is
// wrong, every other report is imported.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importPaths } from '../src/main/pipeline/import-files'
import { createParsePool } from '../src/main/pipeline/parse-pool'
import { loadChecklist } from '../src/main/store/checklist-files'
import { Project } from '../src/main/store/project'
import { CORPUS, gbk } from './helpers/fixtures'

let dir: string
let project: Project
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-formats-'))
  project = Project.open(path.join(dir, 'p.raudit'))
})
afterEach(() => {
  project.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('importing the new formats', () => {
  it('imports the readable reports and names each damaged file with its reason', async () => {
    const root = path.join(dir, '报告')
    fs.mkdirSync(root)
    const src = (f: string) => fs.readFileSync(path.join(CORPUS, 'formats', f))
    fs.writeFileSync(path.join(root, '葛坑镇.doc'), src('gekeng-2024.doc'))
    fs.writeFileSync(path.join(root, '新城镇.wps'), src('xincheng-2020.wps'))
    fs.writeFileSync(path.join(root, '夏铎铺镇.ofd'), src('xiaduopu-2020.ofd'))
    fs.writeFileSync(path.join(root, '葛坑镇（网页）.mht'), src('gekeng-2024.mht'))
    // the saved page of another report, its HTML part declared UTF-8 but written in GBK
    const page = src('xincheng-2020.gbk.html').toString('latin1').replace(/charset=gb2312|charset=gbk/gi, 'charset=utf-8')
    const lying = ['MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="b"', '', '--b', 'Content-Type: text/html; charset="utf-8"', 'Content-Transfer-Encoding: base64', '', Buffer.from(page, 'latin1').toString('base64'), '--b--', ''].join('\r\n')
    fs.writeFileSync(path.join(root, '新城镇（声明编码不符）.mht'), lying)
    const doc = src('gekeng-2024.doc')
    fs.writeFileSync(path.join(root, '截断.doc'), doc.subarray(0, doc.length >> 1))
    fs.writeFileSync(path.join(root, '炸弹.ofd'), zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>'), 'Doc_0/Pages/Page_0/Content.xml': new Uint8Array(40 * 1024 * 1024).fill(0x20) }, { level: 9 }))
    fs.writeFileSync(path.join(root, '假的.pdf'), 'This is not a PDF.')
    fs.writeFileSync(path.join(root, '不是压缩包.docx'), gbk('这不是压缩包'))

    const pool = createParsePool(loadChecklist('default'), { workerUrl: null, threads: 2 })
    const summary = await importPaths(project, [root], { pool })
    await pool.close()
    const byName = Object.fromEntries(summary.outcomes.map((o) => [path.basename(o.file), o]))
    expect(summary).toMatchObject({ state: 'done', total: 9, imported: 5, failed: 4 })
    expect(byName['截断.doc']).toMatchObject({ kind: 'failed', code: 'corrupt' })
    expect(byName['截断.doc']!.message).toMatch(/另存为.*\.docx/)
    expect(byName['炸弹.ofd']).toMatchObject({ kind: 'failed', code: 'too-large' })
    expect(byName['假的.pdf']).toMatchObject({ kind: 'failed', code: 'corrupt' })
    expect(byName['不是压缩包.docx']).toMatchObject({ kind: 'failed', code: 'corrupt' })
    for (const o of summary.outcomes) expect(o.message).toMatch(/[\u4e00-\u9fff]{4}/)
    const rows = project.reports.list()
    expect(rows.map((r) => r.format).sort()).toEqual(['doc', 'mht', 'mht', 'ofd', 'wps'])
    expect(rows.map((r) => r.issuer).sort()).toEqual(['夏铎铺镇人民政府', '新城镇', '新城镇', '葛坑镇人民政府', '葛坑镇人民政府'].sort())
    const lied = rows.find((r) => r.fileName === '新城镇（声明编码不符）.mht')!
    expect(project.reports.doc(lied.id)!.warnings.join('')).toMatch(/声明的字符编码是 utf-8/)
  })
})

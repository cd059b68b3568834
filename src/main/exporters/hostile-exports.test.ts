// Exports of report text written by someone else: file names Windows accepts, Markdown that shows text
// rather than running HTML, CSV fields a spreadsheet will not take for formulas, workbook cells within
// Excel's limit. The hostile text is generated here.
import readXlsxFile from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import { loadChecklist } from '../store/checklist-files'
import { toCsv } from './csv'
import { reviewMarkdown } from './markdown'
import { documentFileName, safeFileStem, type ReviewDocument } from './model'
import { EXCEL_CELL_MAX, summaryWorkbook } from './xlsx'

const checklist = loadChecklist('default')

function doc(patch: Partial<ReviewDocument>): ReviewDocument {
  return {
    reportId: 1,
    fileName: 'r.docx',
    sha256: 'c'.repeat(64),
    copiedShare: null,
    similar: [],
    title: '关于2024年度法治政府建设情况的报告',
    issuer: '某镇人民政府',
    level: 'township',
    year: 2024,
    published: '2025-03-01',
    checklistName: '默认清单',
    completeness: 80,
    items: checklist.items.map((i) => ({ id: i.id, name: i.name.zh, detected: 'present' as const, verdict: null, reason: '', evidence: '开展普法活动' })),
    findings: [],
    annotations: [],
    overall: null,
    opinion: '',
    reviewer: '审核人',
    date: '2025年3月5日',
    audit: [],
    auditCheck: { intact: true, entries: 0, head: '', brokenAt: null, message: '' },
    ...patch
  }
}

describe('hostile text in exports', () => {
  it.each([
    ['control characters', '某镇\u0007人民\t政府\r\n\u001b[31m'],
    ['reserved characters and a trailing dot', '某镇<政府>:"a"/b\\c|d?*.'],
    ['a line separator', '某镇\u2028政府']
  ])('file names keep none of what Windows refuses: %s', (_label, issuer) => {
    const name = documentFileName(doc({ issuer, year: null }), 'docx')
    // eslint-disable-next-line no-control-regex
    expect(name).not.toMatch(/[\u0000-\u001f\u007f<>:"/\\|?*\u2028]/)
    expect(name).not.toMatch(/[. ]\.docx$/)
    expect(name.endsWith('.docx')).toBe(true)
  })

  it('a name that is a Windows device name gets a prefix', () => {
    expect(['CON', 'nul.txt', 'com1', 'LPT9.docx', 'console'].map(safeFileStem)).toEqual(['_CON', '_nul.txt', '_com1', '_LPT9.docx', 'console'])
  })

  it('Markdown shows report text as text: no HTML, no link, no image', () => {
    const evil = '<img/src=x/onerror=alert(1)> [点我](javascript:alert(1)) ![x](http://evil/x.png) **粗体**'
    const md = reviewMarkdown(
      doc({
        title: evil,
        opinion: `第一行\n${evil}`,
        reviewer: '<b>甲</b>',
        annotations: [{ itemId: 'leadership', itemName: '组织领导', quote: evil, comment: evil, createdAt: '2025-03-01' }],
        items: checklist.items.map((i) => ({ id: i.id, name: i.name.zh, detected: 'present' as const, verdict: 'meets' as const, reason: evil, evidence: evil }))
      })
    )
    expect(md).not.toMatch(/<img|<b>/i)
    // every bracket is escaped, so no viewer makes a link or an image of it
    expect(md).not.toMatch(/(^|[^\\])[[\]]/m)
    expect(md).toContain('&lt;img/src=x/onerror=alert(1)&gt;')
    expect(md).toContain('\\[点我\\](javascript:alert(1))')
  })

  it.each([['=1+1'], ['+1'], ['-1'], ['@SUM(A1)'], ['\t=1+1'], ['\r=1+1']])('a CSV field starting %j is not a formula', (v) => {
    const csv = toCsv([['a', v]])
    const field = csv.slice(1).split(',')[1]!
    expect(field.startsWith(`"'`)).toBe(true)
    expect(field.replace(/\r\n$/, '')).toBe(`"'${v.replace(/"/g, '""')}"`)
  })

  it('a workbook cell longer than Excel allows is clipped, and says so', async () => {
    const long = '依法行政'.repeat(12000) // 48,000 characters
    const wb = await summaryWorkbook([doc({ opinion: long, annotations: [{ itemId: 'leadership', itemName: '组织领导', quote: long, comment: '', createdAt: '2025-03-01' }] })], checklist, { project: 'p', reviewer: 'r', date: 'd' })
    const sheets = await readXlsxFile(Buffer.from(wb))
    const cells = sheets.flatMap((s) => s.data.flat()).filter((c): c is string => typeof c === 'string')
    const clipped = cells.filter((c) => c.startsWith('依法行政依法行政'))
    expect(clipped).toHaveLength(2)
    for (const c of clipped) {
      expect(c.length).toBeLessThanOrEqual(EXCEL_CELL_MAX)
      expect(c).toMatch(/超出 Excel 单元格 32767 字的上限/)
    }
  })
})

// Exports of report text written by someone else: file names Windows accepts, Markdown that shows text
// rather than running HTML, CSV fields a spreadsheet will not take for formulas, workbook cells within
// Excel's limit. The hostile text is generated here.
import { describe, expect, it } from 'vitest'
import { toCsv } from './csv'
import { letterMarkdown } from './markdown'
import { letterFileName, safeFileName, type OpinionLetter } from './model'
import { clip, EXCEL_CELL_MAX } from './xlsx'

function letter(patch: Partial<OpinionLetter>): OpinionLetter {
  return {
    reportId: 1,
    unit: '某镇',
    addressee: '某镇人民政府',
    year: 2024,
    title: '关于某镇2024年度法治政府建设情况报告的审核意见',
    titleParts: ['关于某镇2024年度法治政府建设情况报告的审核意见'],
    reportTitle: '某镇2024年度法治政府建设情况报告',
    body: '某县司法局',
    docNumber: null,
    basis: ['《法治政府建设与责任落实督察工作规定》'],
    conclusion: '经审核，报告需修改。',
    opinion: ['请补充原因分析。'],
    opinionMade: false,
    contact: '审核人',
    date: '2025年3月5日',
    draft: false,
    appendix: null,
    ...patch
  }
}

describe('hostile text in exports', () => {
  it.each([
    ['control characters', '某镇\u0007人民\t政府\r\n\u001b[31m'],
    ['reserved characters and a trailing dot', '某镇<政府>:"a"/b\\c|d?*.'],
    ['a line separator', '某镇\u2028政府']
  ])('file names keep none of what Windows refuses: %s', (_label, unit) => {
    const name = letterFileName({ unit, year: null, draft: false }, 'docx')
    // eslint-disable-next-line no-control-regex
    expect(name).not.toMatch(/[\u0000-\u001f\u007f<>:"/\\|?*\u2028]/)
    expect(name).not.toMatch(/[. ]\.docx$/)
    expect(name.endsWith('.docx')).toBe(true)
  })

  it('a name that is a Windows device name gets a prefix', () => {
    expect(['CON', 'nul.txt', 'com1', 'LPT9.docx', 'console'].map(safeFileName)).toEqual(['_CON', '_nul.txt', '_com1', '_LPT9.docx', 'console'])
  })

  it('Markdown shows report text as text: no HTML, no link, no image', () => {
    const evil = '<img/src=x/onerror=alert(1)> [点我](javascript:alert(1)) ![x](http://evil/x.png) **粗体**'
    const md = letterMarkdown(letter({ reportTitle: evil, title: evil, titleParts: [evil], opinion: ['第一行', evil, `# ${evil}`], contact: '<b>甲</b>' }))
    expect(md).not.toMatch(/<img|<b>/i)
    // every bracket is escaped, so no viewer makes a link or an image of it
    expect(md).not.toMatch(/(^|[^\\])[[\]]/m)
    expect(md).toContain('&lt;img/src=x/onerror=alert(1)&gt;')
    expect(md).toContain('\\[点我\\](javascript:alert(1))')
    // a line of report text that starts like a heading stays a paragraph
    expect(md).toContain('\\# &lt;img')
  })

  it.each([['=1+1'], ['+1'], ['-1'], ['@SUM(A1)'], ['\t=1+1'], ['\r=1+1']])('a CSV field starting %j is not a formula', (v) => {
    const csv = toCsv([['a', v]])
    const field = csv.slice(1).split(',')[1]!
    expect(field.startsWith(`"'`)).toBe(true)
    expect(field.replace(/\r\n$/, '')).toBe(`"'${v.replace(/"/g, '""')}"`)
  })

  it('a workbook cell longer than Excel allows is clipped, and says so, never inside a character pair', () => {
    const long = '依法行政'.repeat(12000) // 48,000 characters
    const c = clip(long) as string
    expect(c.length).toBeLessThanOrEqual(EXCEL_CELL_MAX)
    expect(c).toMatch(/超出 Excel 单元格 32767 字的上限/)
    const emoji = `${'甲'.repeat(EXCEL_CELL_MAX - 25)}${'😀'.repeat(100)}`
    const e = clip(emoji) as string
    expect(e.length).toBeLessThanOrEqual(EXCEL_CELL_MAX)
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(e)).toBe(false)
    expect(clip('短')).toBe('短')
  })
})

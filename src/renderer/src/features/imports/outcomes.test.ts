// The list of files an import did not take, as copied to the clipboard.
import { describe, expect, it } from 'vitest'
import type { ImportOutcome } from '../../../../shared/models/library'
import { outcomesText } from './outcomes'

const outcome = (file: string, kind: ImportOutcome['kind'], message: string): ImportOutcome => ({ file, kind, code: kind === 'failed' ? 'corrupt' : 'duplicate', message })

describe('outcomesText', () => {
  it('puts one file per line with its outcome and reason after tabs, under a header', () => {
    const text = outcomesText([outcome('/报告/空白.txt', 'failed', '文件是空的。'), outcome('D:\\报告\\葛坑镇.docx', 'duplicate', '与已导入的《葛坑镇》内容完全相同。')])
    expect(text.split('\n')).toEqual(['文件\t结果\t原因', '/报告/空白.txt\t失败\t文件是空的。', 'D:\\报告\\葛坑镇.docx\t重复\t与已导入的《葛坑镇》内容完全相同。', ''])
  })

  it('keeps a reason on its own line and cell when it holds tabs or line breaks', () => {
    const lines = outcomesText([outcome('a.docx', 'failed', '第一行\r\n第二行\t第三段')]).trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]!.split('\t')).toEqual(['a.docx', '失败', '第一行 第二行 第三段'])
  })

  it('uses the words it is given (the English interface)', () => {
    const text = outcomesText([outcome('a.txt', 'failed', 'Empty')], { header: ['File', 'Outcome', 'Reason'], failed: 'Failed', duplicate: 'Duplicate' })
    expect(text).toBe('File\tOutcome\tReason\na.txt\tFailed\tEmpty\n')
  })

  it('is only the header when there is nothing to list', () => {
    expect(outcomesText([])).toBe('文件\t结果\t原因\n')
  })
})

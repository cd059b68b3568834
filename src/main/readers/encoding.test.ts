// Text encodings: UTF-16/32 without a BOM, damaged UTF-8 read leniently, and files in other languages'
// legacy encodings refused as 「不是中文文本」 instead of being decoded as Chinese-looking noise.
// The non-Chinese sample texts are written for these tests; the thresholds were set on them and on the
// corpus, and measured on third-party test files (scripts/measure-readers.ts, docs/benchmarks.md).

import { describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { big5, encodeAs, gbk } from '../../../tests/helpers/fixtures'
import { decodeText } from './encoding'
import { readReport } from './index'

const REPORT =
  '某县2023年法治政府建设年度报告\n一、主要工作和成效\n县政府坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政，严格规范公正文明执法。' +
  '全年组织领导干部学法四次，开展普法宣传活动三十余场，办理行政复议案件十二件。\n二、存在的不足和原因\n执法队伍力量不足，部分工作人员法治意识有待提高。\n三、下一步工作安排\n持续加强法治宣传教育，推进严格规范公正文明执法。\n'

const JAPANESE =
  '法治政府の建設について、本年度は行政手続の透明性を高めるため、さまざまな取り組みを進めてきました。市民の皆さまからの意見を広く聞き、条例の改正にも反映しています。今後も引き続き、わかりやすい行政サービスの提供に努めてまいります。'
const KOREAN =
  '올해 우리 시는 법치 행정을 강화하기 위하여 여러 가지 노력을 기울였습니다. 시민들의 의견을 듣고 조례를 개정하였으며, 행정 절차의 투명성을 높이기 위한 제도를 마련하였습니다. 앞으로도 시민이 신뢰할 수 있는 행정을 위하여 최선을 다하겠습니다.'
const RUSSIAN =
  'В этом году администрация города продолжила работу по укреплению законности. Мы обновили порядок рассмотрения обращений граждан, провели обучение сотрудников и опубликовали отчёт о проделанной работе на официальном сайте. В следующем году мы планируем расширить эту работу.'

async function outcome(bytes: Uint8Array, name: string): Promise<{ code: string; message: string } | { encoding: string; text: string; warnings: string[] }> {
  try {
    const d = await readReport(bytes, name)
    return { encoding: d.encoding, text: d.text, warnings: d.warnings }
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message }
    throw e
  }
}

describe('UTF-16 and UTF-32 without a BOM', () => {
  it.each([
    ['UTF-16LE, Chinese with ASCII digits and line breaks', 'utf-16le', Buffer.from(REPORT, 'utf16le')],
    ['UTF-16BE, Chinese with ASCII digits and line breaks', 'utf-16be', Buffer.from(REPORT, 'utf16le').swap16()],
    ['UTF-16LE, Chinese only (no zero bytes but 一)', 'utf-16le', Buffer.from([...REPORT].filter((c) => c.charCodeAt(0) > 0x7f).join(''), 'utf16le')],
    ['UTF-16LE, English text with ASCII zeros', 'utf-16le', Buffer.from(`${REPORT}Rule of law annual report, version 2.\n`, 'utf16le')]
  ])('%s is read as %s, not as UTF-8 with NULs', async (_n, encoding, bytes) => {
    const r = await outcome(new Uint8Array(bytes), 'report.txt')
    expect(r).toMatchObject({ encoding })
    expect('text' in r && r.text).toContain('存在的不足和原因')
    expect('text' in r && r.text).not.toContain('\u0000')
  })

  it('reads UTF-32 with and without a BOM', async () => {
    const le = new Uint8Array(new Uint32Array([...REPORT].map((c) => c.codePointAt(0)!)).buffer)
    const be = new Uint8Array(le.length)
    for (let i = 0; i < le.length; i += 4) be.set([le[i + 3]!, le[i + 2]!, le[i + 1]!, le[i]!], i)
    for (const [bytes, encoding] of [[le, 'utf-32le'], [be, 'utf-32be'], [Uint8Array.from([0xff, 0xfe, 0, 0, ...le]), 'utf-32le']] as const) {
      const d = decodeText(bytes)
      expect(d.encoding).toBe(encoding)
      expect(d.text).toBe(REPORT)
    }
  })
})

describe('damaged UTF-8 is read leniently, with a warning', () => {
  const utf8 = Buffer.from(REPORT, 'utf8')

  it('one bad byte in the middle', async () => {
    const bytes = new Uint8Array(utf8)
    bytes[Math.floor(bytes.length / 2)] = 0xff
    const r = await outcome(bytes, 'report.txt')
    expect(r).toMatchObject({ encoding: 'utf-8' })
    expect('warnings' in r && r.warnings.join('')).toMatch(/UTF-8/)
    expect('text' in r && r.text).toContain('下一步工作安排')
  })

  it('a file cut inside its last character', async () => {
    const r = await outcome(new Uint8Array(utf8.subarray(0, utf8.length - 2)), 'report.html')
    expect(r).toMatchObject({ encoding: 'utf-8' })
    expect('warnings' in r && r.warnings.join('')).toMatch(/UTF-8/)
  })

  it('GBK is still GBK, not UTF-8 with damage', () => {
    expect(decodeText(gbk(REPORT)).encoding).toBe('gb18030')
    expect(decodeText(big5('二、法治政府建設存在的問題和不足。我們將繼續推進依法行政，這是重點工作。')).encoding).toBe('big5')
  })
})

describe('other languages are refused as 「不是中文文本」', () => {
  it.each([
    ['Japanese, Shift_JIS', encodeAs(JAPANESE, 'shift_jis'), /日文/],
    ['Japanese, EUC-JP', encodeAs(JAPANESE, 'euc-jp'), /日文/],
    ['Korean, EUC-KR', encodeAs(KOREAN, 'euc-kr'), /韩文/],
    ['Russian, windows-1251', encodeAs(RUSSIAN, 'windows-1251'), /西里尔/],
    ['Russian, KOI8-R', encodeAs(RUSSIAN, 'koi8-r'), /西里尔/],
    ['Russian, IBM866', encodeAs(RUSSIAN, 'ibm866'), /西里尔/],
    ['Japanese, UTF-8', Buffer.from(JAPANESE, 'utf8'), /日文/],
    ['Korean, UTF-8', Buffer.from(KOREAN, 'utf8'), /韩文/],
    ['English, ASCII', Buffer.from('This annual report describes the work of the city government on the rule of law in the past year. '.repeat(3)), /拉丁/]
  ])('%s', async (_n, bytes, language) => {
    for (const name of ['report.txt', 'report.html']) {
      const body = name.endsWith('.html') ? Buffer.concat([Buffer.from('<html><body><p>'), Buffer.from(bytes), Buffer.from('</p></body></html>')]) : Buffer.from(bytes)
      const r = await outcome(new Uint8Array(body), name)
      expect(r).toMatchObject({ code: 'not-chinese' })
      expect('message' in r && r.message).toMatch(/^不是中文文本/)
      expect('message' in r && r.message).toMatch(language)
    }
  })

  it('a Chinese report with English names and a Japanese quotation is still Chinese', async () => {
    const text = `${REPORT}引用：Rule of Law Index (World Justice Project)。${'行政执法公示制度全面落实。'.repeat(5)}「法の支配」。`
    for (const bytes of [Buffer.from(text, 'utf8'), gbk(text)]) {
      const r = await outcome(new Uint8Array(bytes), 'report.txt')
      expect('text' in r && r.text).toContain('法治政府建设年度报告')
    }
  })

  it('short Chinese texts that chardet takes for Shift_JIS stay Chinese', () => {
    expect(decodeText(gbk('法治报告')).encoding).toBe('gb18030')
    expect(decodeText(gbk('一、存在的不足和原因')).encoding).toBe('gb18030')
  })
})

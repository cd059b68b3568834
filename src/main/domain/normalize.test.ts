import { describe, expect, it } from 'vitest'
import { normalize, toOriginal } from './normalize'
import { countTraditional, toSimplified } from './t2s'
import fs from 'node:fs'
import path from 'node:path'
import { CORPUS } from '../../../tests/helpers/fixtures'

describe('normalize', () => {
  it.each([
    ['（一）加强组织领导，切实履行职责：', '(一)加强组织领导,切实履行职责:'],
    ['２０２４年　调解纠纷３６８件', '2024年调解纠纷368件'],
    ['法治政府建設報告', '法治政府建设报告'],
    ['應(yīng)急管理部堅持', '应急管理部坚持'],
    ['葛政〔2025〕11 号', '葛政〔2025〕11号'],
    ['Word document', 'Word document'],
    ['2023-06-12 09:27', '2023-06-12 09:27'],
    ['调解纠纷 368 件', '调解纠纷368件']
  ])('%s → %s', (input, expected) => expect(normalize(input).text).toBe(expected))

  it('maps every normalized range back onto the same characters of the original', () => {
    const src = '（一）加强　组织领导。應(yīng)急管理部２０２４年'
    const n = normalize(src)
    const i = n.text.indexOf('组织领导')
    const r = toOriginal(n, i, i + 4)
    expect(src.slice(r.start, r.end)).toBe('组织领导')
    const j = n.text.indexOf('应急管理部')
    const r2 = toOriginal(n, j, j + 5)
    expect(src.slice(r2.start, r2.end)).toBe('應(yīng)急管理部')
  })

  it('leaves simplified report text unchanged by the traditional table', () => {
    for (const f of fs.readdirSync(path.join(CORPUS, 'reports')).filter((x) => x.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(CORPUS, 'reports', f), 'utf8')
      expect(countTraditional(text)).toBe(0)
      expect(toSimplified(text)).toBe(text)
    }
  })
})

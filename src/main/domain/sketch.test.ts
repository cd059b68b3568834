import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { sketchSimilarity, textSketch } from './sketch'

const read = (f: string) => fs.readFileSync(path.join(CORPUS, 'reports', f), 'utf8')

describe('textSketch', () => {
  const gekeng = read('gekeng-2024.txt')
  it('sees a corrected version as the same report and another report as different', () => {
    const corrected = `按照审核意见修改。\n${gekeng.replace('二是强化制度保证', '二是健全制度体系').slice(0, -400)}`
    expect(sketchSimilarity(textSketch(gekeng), textSketch(corrected))).toBeGreaterThan(0.8)
    expect(sketchSimilarity(textSketch(gekeng), textSketch(read('xincheng-2020.txt')))).toBeLessThan(0.2)
    expect(sketchSimilarity(textSketch(gekeng), textSketch(gekeng.replace(/\n/g, '\n\n')))).toBe(1)
  })
  it('is small and fixed in size', () => {
    expect(textSketch(gekeng)).toHaveLength(128)
    expect(textSketch('短')).toHaveLength(0)
  })
})

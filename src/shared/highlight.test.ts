import { describe, expect, it } from 'vitest'
import { paragraphs, segmentRange, type Mark } from './highlight'

describe('segmentRange', () => {
  const marks: Mark[] = [
    { start: 2, end: 6, kind: 'evidence', itemId: 'a' },
    { start: 4, end: 9, kind: 'annotation', itemId: 'b', id: 1 },
    { start: 12, end: 30, kind: 'clutter' }
  ]
  it('splits at every mark edge and lists the marks over each piece', () => {
    const { segments } = segmentRange(0, 10, marks)
    expect(segments.map((s) => [s.start, s.end, s.marks.map((m) => m.kind).join('+')])).toEqual([
      [0, 2, ''],
      [2, 4, 'evidence'],
      [4, 6, 'evidence+annotation'],
      [6, 9, 'annotation'],
      [9, 10, '']
    ])
  })
  it('clips marks that run past the range, and covers the range exactly', () => {
    const { segments } = segmentRange(10, 20, marks)
    expect(segments.map((s) => [s.start, s.end, s.marks.length])).toEqual([
      [10, 12, 0],
      [12, 20, 1]
    ])
  })
})

describe('paragraphs', () => {
  it('uses lines when the reader gave no blocks', () => {
    expect(paragraphs('甲乙\n\n丙丁戊\n己', [])).toEqual([
      { start: 0, end: 2, kind: 'paragraph' },
      { start: 4, end: 7, kind: 'paragraph' },
      { start: 8, end: 9, kind: 'paragraph' }
    ])
  })
})

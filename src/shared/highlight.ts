// Cuts a stretch of report text into segments at the edges of highlighted ranges (evidence,
// annotations, clutter), so the reader can show overlapping highlights as plain text spans.

export interface Mark {
  start: number
  end: number
  /** 'passage', 'common' and 'stale': text shared with another report, standard wording, a year left from last year's. */
  kind: 'evidence' | 'annotation' | 'clutter' | 'finding' | 'passage' | 'common' | 'stale'
  /** Checklist item the mark belongs to (colour), if any. */
  itemId?: string
  /** Annotation id, or the passage's index, for clicks. */
  id?: number
}

export interface Segment {
  start: number
  end: number
  marks: Mark[]
}

/**
 * Segments of [from, to) with the marks covering each. `marks` must be sorted by start; the caller
 * passes the index of the first mark that may reach this range, and gets back where to resume.
 */
export function segmentRange(from: number, to: number, marks: readonly Mark[], firstMark = 0): { segments: Segment[]; next: number } {
  let i = firstMark
  while (i < marks.length && marks[i]!.end <= from && marks[i]!.start < from) i++
  const cuts = new Set<number>([from, to])
  const relevant: Mark[] = []
  for (let j = i; j < marks.length && marks[j]!.start < to; j++) {
    const m = marks[j]!
    if (m.end <= from) continue
    relevant.push(m)
    if (m.start > from) cuts.add(m.start)
    if (m.end < to) cuts.add(m.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k]!
    const e = points[k + 1]!
    segments.push({ start: s, end: e, marks: relevant.filter((m) => m.start < e && m.end > s) })
  }
  return { segments, next: i }
}

/** Paragraph ranges of the text: the reader's blocks when they cover it, else its lines. */
export function paragraphs(text: string, blocks: ReadonlyArray<{ start: number; end: number; kind: string }>): Array<{ start: number; end: number; kind: string }> {
  if (blocks.length) return blocks.filter((b) => b.end > b.start)
  const out: Array<{ start: number; end: number; kind: string }> = []
  let s = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (i > s) out.push({ start: s, end: i, kind: 'paragraph' })
      s = i + 1
    }
  }
  return out
}

// Reading order of a PDF page from its characters' positions: characters grouped by the direction
// of their baseline (so rotated text reads along its own lines), rows from baselines, and the rows of
// a page set in columns read column by column.

import type { PdfChar, PdfPageChars } from './pdf-engine'

/** A character in its text direction's frame: `u` along the baseline, `v` across it (up). */
interface Glyph {
  ch: string
  u0: number
  u1: number
  v: number
  size: number
}

/** Characters on one baseline, cut where a gap wider than a character separates them. */
interface Segment {
  glyphs: Glyph[]
  left: number
  right: number
}

export interface Row {
  segments: Segment[]
  v: number
  size: number
  /** The row's text, for running-header detection. */
  text: string
}

/** A page's rows, per direction of text; the direction with the most characters first. */
export interface PageRows {
  /** Rows of the main direction, top to bottom. */
  main: Row[]
  /** Rows of other directions (a stamp, a rotated table, a diagonal watermark), each block top to bottom. */
  other: Row[][]
}

/** A line of the reading order. Lines of one `flow` (a column, or a block of other-direction text) share margins. */
export interface Line {
  text: string
  left: number
  right: number
  v: number
  size: number
  flow: number
  /** Set for a column of a page set in columns. */
  column: boolean
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff'
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef“”‘’'
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}${CJK_PUNCT}])[ \\u00a0]+(?=[${CJK}${CJK_PUNCT}0-9A-Za-z%(])`, 'g')
const SPACE_BEFORE_CJK = new RegExp(`(?<=[0-9A-Za-z%)])[ \\u00a0]+(?=[${CJK}${CJK_PUNCT}])`, 'g')
const WIDE = /[\u2e80-\uffef“”‘’]/

export function tidyCjkSpaces(s: string): string {
  return s.replace(SPACE_AFTER_CJK, '').replace(SPACE_BEFORE_CJK, '')
}

/** The baseline's direction in degrees counter-clockwise (PDFium measures clockwise): near-axis angles snap to the axis, others to 15° steps. */
function direction(angle: number): number {
  let deg = ((-angle * 180) / Math.PI) % 360
  if (deg < 0) deg += 360
  const axis = Math.round(deg / 90) * 90
  const snapped = Math.abs(deg - axis) <= 10 ? axis : Math.round(deg / 15) * 15
  return snapped % 360
}

function toGlyph(c: PdfChar, deg: number): Glyph {
  const a = (deg * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const u = (x: number, y: number) => x * cos + y * sin
  const a0 = u(c.left, c.bottom)
  const a1 = u(c.right, c.bottom)
  const a2 = u(c.left, c.top)
  const a3 = u(c.right, c.top)
  let u0 = Math.min(a0, a1, a2, a3)
  let u1 = Math.max(a0, a1, a2, a3)
  const size = c.size > 0 ? c.size : Math.abs(c.top - c.bottom) || 10
  const ch = String.fromCodePoint(c.code)
  if (!(u1 > u0) || u1 - u0 > size * 4) {
    // No usable box: start at the origin, a character's usual advance.
    u0 = u(c.x, c.y)
    u1 = u0 + size * (WIDE.test(ch) ? 1 : 0.5)
  }
  return { ch, u0, u1, v: -c.x * sin + c.y * cos, size }
}

/** Glyphs in rows by baseline, each row cut into segments at wide gaps. */
function rowsOf(glyphs: Glyph[]): Row[] {
  glyphs.sort((a, b) => b.v - a.v || a.u0 - b.u0)
  const groups: Glyph[][] = []
  for (const g of glyphs) {
    const last = groups[groups.length - 1]
    if (last && Math.abs(last[0]!.v - g.v) <= Math.max(2, g.size * 0.4)) last.push(g)
    else groups.push([g])
  }
  return groups.map((gs) => {
    gs.sort((a, b) => a.u0 - b.u0)
    const size = median(gs.map((g) => g.size))
    const segments: Segment[] = []
    let prev: Glyph | null = null
    for (const g of gs) {
      // The same character drawn twice on itself (fake bold) counts once.
      if (prev && g.ch === prev.ch && g.u0 < prev.u0 + (prev.u1 - prev.u0) * 0.5) continue
      const seg = segments[segments.length - 1]
      if (seg && g.u0 - seg.right <= size) {
        seg.glyphs.push(g)
        seg.right = Math.max(seg.right, g.u1)
      } else segments.push({ glyphs: [g], left: g.u0, right: g.u1 })
      prev = g
    }
    const row: Row = { segments, v: gs[0]!.v, size, text: '' }
    row.text = lineText(segments, size)
    return row
  })
}

function lineText(segments: Segment[], size: number): string {
  // Parts of a line far apart (cells of a table) stay apart; inside a part only real word spaces count.
  return segments.map((seg) => segmentText(seg, size)).filter(Boolean).join(' ')
}

function segmentText(seg: Segment, size: number): string {
  let text = ''
  let prevEnd = -Infinity
  let prevCh = ''
  for (const g of seg.glyphs) {
    const gap = g.u0 - prevEnd
    // Word spaces in Latin text are narrower than the gaps that matter between Chinese characters.
    const need = /[A-Za-z0-9]/.test(prevCh) && /[A-Za-z0-9]/.test(g.ch) ? size * 0.15 : size * 0.6
    if (text && gap > need && !/\s$/.test(text)) text += ' '
    text += g.ch
    prevEnd = Math.max(prevEnd, g.u1)
    prevCh = g.ch
  }
  return tidyCjkSpaces(text.replace(/\s+/g, ' ').trim())
}

/** The page's characters as rows, per text direction. */
export function pageRows(page: PdfPageChars): PageRows {
  const byDir = new Map<number, Glyph[]>()
  for (const c of page.chars) {
    const deg = direction(c.angle)
    let list = byDir.get(deg)
    if (!list) byDir.set(deg, (list = []))
    list.push(toGlyph(c, deg))
  }
  const dirs = [...byDir.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
  const rows = dirs.map(([, gs]) => rowsOf(gs).filter((r) => r.text))
  return { main: rows[0] ?? [], other: rows.slice(1).filter((r) => r.length) }
}

function median(xs: number[]): number {
  if (!xs.length) return 0
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1]!
}

function rowLine(row: Row, segments: Segment[], flow: number, column = false): Line {
  return {
    column,
    text: segments === row.segments ? row.text : lineText(segments, row.size),
    left: segments[0]!.left,
    right: segments[segments.length - 1]!.right,
    v: row.v,
    size: row.size,
    flow
  }
}

/**
 * The gutter between two columns, if the rows are set in columns: a vertical band in the middle of
 * the text that almost no row crosses, with rows of running text on both sides whose left edges
 * line up. Returns the band's centre.
 */
export function findGutter(rows: Row[]): number | null {
  if (rows.length < 6) return null
  let xmin = Infinity
  let xmax = -Infinity
  for (const r of rows) {
    xmin = Math.min(xmin, r.segments[0]!.left)
    xmax = Math.max(xmax, r.segments[r.segments.length - 1]!.right)
  }
  const width = xmax - xmin
  const size = median(rows.map((r) => r.size))
  if (!(width > size * 10)) return null
  // How many rows cover each point across the text (one-point steps).
  const n = Math.ceil(width) + 2
  const diff = new Int32Array(n + 1)
  for (const r of rows)
    for (const s of r.segments) {
      const a = Math.max(0, Math.floor(s.left - xmin) + 1)
      const b = Math.min(n, Math.ceil(s.right - xmin))
      if (b > a) {
        diff[a]!++
        diff[b]!--
      }
    }
  // A few rows may cross it: a title or a table across both columns.
  const allowed = Math.max(2, Math.floor(rows.length * 0.15))
  let best: [number, number] | null = null
  let run = -1
  let cover = 0
  const lo = Math.floor(width * 0.2)
  const hi = Math.ceil(width * 0.8)
  for (let i = 0; i <= n; i++) {
    cover += diff[i]!
    const open = i >= lo && i <= hi && cover <= allowed
    if (open && run < 0) run = i
    if ((!open || i === hi) && run >= 0) {
      const end = open ? i : i - 1
      if (!best || end - run > best[1] - best[0]) best = [run, end]
      run = -1
    }
  }
  if (!best || best[1] - best[0] < size * 0.8) return null
  const g0 = xmin + best[0]
  const g1 = xmin + best[1]
  const leftSegs = rows.flatMap((r) => r.segments.filter((s) => s.right <= g0 + 1))
  const rightSegs = rows.flatMap((r) => r.segments.filter((s) => s.left >= g1 - 1))
  const side = (segs: Segment[]) => {
    if (segs.length < 4) return false
    // Running text, not labels: long lines whose left edges line up.
    if (median(segs.map((s) => s.right - s.left)) < size * 5) return false
    const edge = median(segs.map((s) => s.left))
    return segs.filter((s) => Math.abs(s.left - edge) <= size * 2.5).length >= segs.length * 0.6
  }
  return side(leftSegs) && side(rightSegs) ? (g0 + g1) / 2 : null
}

/** The main rows of a page as lines in reading order: columns one after the other. */
export function readingOrder(rows: Row[], nextFlow: () => number, depth = 0): Line[] {
  const gutter = depth < 2 ? findGutter(rows) : null
  const flow = nextFlow()
  if (gutter === null) return rows.map((r) => rowLine(r, r.segments, flow, depth > 0))
  const out: Line[] = []
  let region: Row[] = []
  const flush = () => {
    if (!region.length) return
    const left: Row[] = []
    const right: Row[] = []
    for (const r of region) {
      const l = r.segments.filter((s) => s.right <= gutter)
      const rt = r.segments.filter((s) => s.left >= gutter)
      if (l.length) left.push(subRow(r, l))
      if (rt.length) right.push(subRow(r, rt))
    }
    for (const l of readingOrder(left, nextFlow, depth + 1)) out.push(l)
    for (const l of readingOrder(right, nextFlow, depth + 1)) out.push(l)
    region = []
  }
  for (const r of rows) {
    if (r.segments.some((s) => s.left < gutter && s.right > gutter)) {
      flush()
      out.push(rowLine(r, r.segments, flow, depth > 0))
    } else region.push(r)
  }
  flush()
  return out
}

function subRow(r: Row, segments: Segment[]): Row {
  return { segments, v: r.v, size: r.size, text: lineText(segments, r.size) }
}

/** Rows of other directions as lines, one flow per block. */
export function otherLines(blocks: Row[][], nextFlow: () => number): Line[] {
  return blocks.flatMap((rows) => {
    const flow = nextFlow()
    return rows.map((r) => rowLine(r, r.segments, flow))
  })
}

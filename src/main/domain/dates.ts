// Dates as they appear in reports and portal pages → YYYY-MM-DD.

const CN_NUM: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

function cnYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s)
  let y = 0
  for (const ch of s) {
    const v = CN_NUM[ch]
    if (v === undefined) return null
    y = y * 10 + v
  }
  return y
}

function cnSmall(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s)
  if (s === '十') return 10
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s)
  if (m) return (m[1] ? CN_NUM[m[1]]! : 1) * 10 + (m[2] ? CN_NUM[m[2]]! : 0)
  return s.length === 1 && CN_NUM[s] !== undefined ? CN_NUM[s]! : null
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null
  const dt = new Date(Date.UTC(y, m - 1, d))
  if (dt.getUTCMonth() !== m - 1) return null
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export const DATE_PATTERN =
  /(\d{4}|[〇零一二三四五六七八九]{4})\s*(?:年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日|[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2}))/

/** The first date in the string, or null. */
export function findDate(s: string): { iso: string; index: number; length: number } | null {
  const re = new RegExp(DATE_PATTERN.source, 'g')
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const y = cnYear(m[1]!)
    const mo = cnSmall(m[2] ?? m[4] ?? '')
    const d = cnSmall(m[3] ?? m[5] ?? '')
    if (y === null || mo === null || d === null) continue
    const iso = isoDate(y, mo, d)
    if (iso) return { iso, index: m.index, length: m[0].length }
  }
  return null
}

/** A year written in digits or Chinese numerals (二〇二〇). */
export function parseYear(s: string): number | null {
  return cnYear(s)
}

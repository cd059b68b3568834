// Whether a reviewer's pattern (a checklist's heading phrasing or vocabulary term) is safe to run on
// report text: it must run in linear time on any text, so no unbounded or very long repetition, no
// repetition of a repeated group, no back-reference. Bounded repetition (「压实.{0,4}责任」) is fine.

/** Longest bounded repetition allowed: 「.{0,50}」 costs at most 50 steps per position. */
export const MAX_REPEAT = 50

/** Why the pattern could take more than linear time, in Chinese for the checklist editor; null when safe. */
export function unsafePattern(source: string): string | null {
  // Per group: does it hold a repetition or an alternation (then repeating the group multiplies the paths)?
  const groups: Array<{ repeats: boolean }> = [{ repeats: false }]
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (c === '\\') {
      const n = source[i + 1] ?? ''
      if (/[1-9]/.test(n) || (n === 'k' && source[i + 2] === '<')) return '不能使用反向引用（\\1、\\k<名称>）。'
      i++
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      continue
    }
    if (c === '[') {
      inClass = true
      continue
    }
    if (c === '(') {
      groups.push({ repeats: false })
      // (?:  (?=  (?!  (?<=  (?<!  (?<name>: the group's kind, not a quantifier.
      const kind = /^\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(source.slice(i + 1))
      if (kind) i += kind[0].length
      continue
    }
    if (c === '|') {
      groups[groups.length - 1]!.repeats = true
      continue
    }
    const quantifier = quantifierAt(source, i)
    if (c === ')') {
      const g = groups.pop() ?? { repeats: false }
      const q = quantifierAt(source, i + 1)
      if (q) {
        if (q.unbounded || q.max > MAX_REPEAT) return `不能使用无上限的重复（${q.text}），请改用 {0,${MAX_REPEAT}} 以内的次数。`
        if (g.repeats && q.max > 1) return `不能对含有重复或“|”的分组再重复（${source.slice(0, i + 1 + q.text.length)}）。`
        i += q.text.length
        groups[groups.length - 1]!.repeats = true
      } else if (g.repeats) groups[groups.length - 1]!.repeats = true
      continue
    }
    if (quantifier) {
      if (quantifier.unbounded || quantifier.max > MAX_REPEAT) return `不能使用无上限的重复（${quantifier.text}），请改用 {0,${MAX_REPEAT}} 以内的次数。`
      groups[groups.length - 1]!.repeats = true
      i += quantifier.text.length - 1
    }
  }
  return null
}

function quantifierAt(s: string, i: number): { text: string; max: number; unbounded: boolean } | null {
  const c = s[i]
  const lazy = s[i + 1] === '?' ? '?' : ''
  if (c === '*' || c === '+') return { text: c + lazy, max: Infinity, unbounded: true }
  if (c === '?') return { text: '?', max: 1, unbounded: false }
  if (c === '{') {
    const m = /^\{(\d+)(?:(,)(\d*))?\}\??/.exec(s.slice(i))
    if (!m) return null
    const max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1])
    return { text: m[0], max, unbounded: max === Infinity }
  }
  return null
}

// Whether a text is an annual rule-of-law report at all: a commentary on one (解读), a news item about
// one, a work plan (工作要点) or a notice issuing it, a template with placeholders (某县, XX镇), or another
// kind of annual report (政府信息公开, 述法) is refused with the reason, and can still be imported on purpose.

import {
  COMMENTARY_RE,
  NEWS_STRONG,
  NEWS_WEAK,
  NOTICE_VERBS,
  NOTICE_WORDS,
  OTHER_REPORT_RE,
  PLACEHOLDER,
  PLAN_DOC_RE,
  REPORT_WORDS,
  TELLING_VERBS,
  alternation
} from './lexicon'

export interface KindInput {
  /** Normalized text. */
  text: string
  /** The title found (or null) and the first lines that are report text, clutter set aside. */
  title: string | null
  opening: string[]
}

const count = (re: RegExp, s: string): number => {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')
  let n = 0
  while (g.exec(s)) n++
  return n
}

/** A title that calls itself an account of a year (报告, 总结, 情况), outside any title it cites. */
const SELF_KIND = /报告|总结|情况/
const outsideCited = (t: string) => t.replace(/《[^》\n]{0,80}》|“[^”\n]{0,80}”/g, '')

/** How a news item tells of a report. */
const TELLS_OF_REPORT = new RegExp(`(?:${alternation(TELLING_VERBS)})了?[^。]{0,24}法治政府(?:部门)?建设(?:年度|情况|工作)?(?:情况)?报告`)
/** A reporter's name in brackets at the end of a news item: 「……保障。(付媛)」 */
const BYLINE_END = /[(（][\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})?[)）]\s*$/

const NOTICE_TITLE = new RegExp(`^(?:.{0,40})关于(?:${alternation(NOTICE_VERBS)})[^。]{0,60}(?:${alternation(NOTICE_WORDS)})$`)

/** Why the text is clearly not an annual rule-of-law report, or null. */
export function notAReportReason(inp: KindInput): string | null {
  const { text } = inp
  const head = [inp.title ?? '', ...inp.opening.slice(0, 3)].join('\n')
  // The title, or the first line when it reads like one (short, not a sentence): a notice's title lacks 法治.
  const first = inp.opening[0] ?? ''
  const titleLike = inp.title ?? (first.length <= 60 && !/[。]/.test(first) ? first : '')
  const quoteOf = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s)

  // Another kind of annual report (政府信息公开工作年度报告, 述法报告).
  for (const line of [inp.title ?? '', ...inp.opening.slice(0, 2)]) {
    const m = OTHER_REPORT_RE.exec(line)
    if (m && !/法治政府建设/.test(outsideCited(line).replace(m[0], ''))) return `这是“${quoteOf(line)}”（${m[0]}），不是法治政府建设年度报告。`
  }
  // A commentary on a report: 「关于《…的报告》的政策解读」.
  const commentary = COMMENTARY_RE.exec(outsideCited(titleLike)) ?? (inp.opening.slice(0, 3).some((l) => /现解读如下|解读如下|作如下解读/.test(l)) ? ['解读'] : null)
  if (commentary) return `这是对报告的${commentary[0]}（“${quoteOf(titleLike)}”），不是报告本身。`
  // A work plan or the notice issuing it: what will be done, not an account of the year. Its title may lack
  // 法治 (「…依法行政工作要点的通知」), so the short lines that open the page are read as titles too.
  const titleLines = [titleLike, ...inp.opening.slice(0, 4).filter((l) => l.length <= 60 && !/[。]/.test(l))]
  for (const line of titleLines) {
    const own = outsideCited(line)
    const plan = PLAN_DOC_RE.exec(own)
    if ((plan && !SELF_KIND.test(own.replace(plan[0], ''))) || (NOTICE_TITLE.test(own) && !/报告$/.test(own))) {
      return `这是${plan ? `工作计划（${plan[0]}）` : '通知'}（“${quoteOf(line)}”），不是对一年工作的报告。`
    }
  }
  // A template: placeholders where a real body or year stands.
  const placeholders = count(PLACEHOLDER, `${inp.title ?? ''}\n${text.slice(0, 3000)}`)
  const atTop = count(PLACEHOLDER, `${titleLike}\n${first.slice(0, 60)}`)
  if (placeholders >= 2 || atTop >= 1) {
    const m = new RegExp(PLACEHOLDER.source).exec(`${inp.title ?? ''}\n${text.slice(0, 3000)}`)
    return `文中用“${m?.[0] ?? '某县'}”等占位词代替真实的单位或年份，是范文或模板，不是某一单位的年度报告。`
  }
  // A news item about a report or about rule-of-law work.
  const lead = head + '\n' + text.slice(0, 600)
  const strong = count(NEWS_STRONG, lead)
  const weak = count(NEWS_WEAK, lead)
  const tells = TELLS_OF_REPORT.test(lead)
  const ownKind = SELF_KIND.test(outsideCited(inp.title ?? ''))
  // A headline whose only report is the one it cites: 「区政府常务会议审议《2023年度法治政府建设情况报告》」.
  const headline = inp.title !== null && !ownKind && TELLS_OF_REPORT.test(inp.title)
  if (headline || (strong >= 1 && (tells || !ownKind)) || (!ownKind && strong + weak >= 3) || (!ownKind && weak >= 2 && BYLINE_END.test(text.trim()))) {
    return `这是一则新闻报道（“${quoteOf(titleLike)}”），不是报告原文。`
  }
  const hits = count(REPORT_WORDS, text)
  if (hits < 3) return '文中几乎没有“法治”“依法行政”“普法”“执法”等内容，不像法治政府建设年度报告。'
  return null
}

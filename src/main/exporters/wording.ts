// The wording of what the reviewing body sends: the standard phrases per item and per finding (the
// checklist's own where it has them), the opinion draft made from the verdicts and findings, the
// conclusion sentences and the correction request. Plain text in, plain text out.

import type { ChecklistItem, ItemPhrases } from '../../shared/models/checklist'
import type { ItemStatus } from '../../shared/models/report'
import type { ItemVerdict, OverallVerdict } from '../../shared/models/review'

export const REGULATION = '《法治政府建设与责任落实督察工作规定》'

/** The app's own phrases, used where the checklist gives none. */
export const DEFAULT_ITEM_PHRASES: Required<ItemPhrases> = {
  missing: '报告缺少“{item}”方面的内容。',
  partial: '报告“{item}”方面的内容不够具体、充实。'
}

export const DEFAULT_FINDING_PHRASES: Record<string, string> = {
  'late-publication': '报告于{published}公开，晚于{deadline}的公开期限，逾期{days}天。',
  'no-causes': '“存在的不足”部分只列举了问题，没有分析产生问题的原因。',
  'few-figures': '主要举措和成效部分具体数据偏少，成效描述较为笼统。',
  'year-mismatch': '报告标题与正文所述年度不一致。'
}

/** 2021-05-14 → 2021年5月14日. */
export function chineseDay(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ''
}

/** How a body refers to itself in its own letter: 我局, 我办, 我委, else 我单位. */
export function selfName(body: string): string {
  const b = body.trim()
  if (/局$/.test(b)) return '我局'
  if (/(?:办公室|办)$/.test(b)) return '我办'
  if (/(?:委员会|委)$/.test(b)) return '我委'
  if (/厅$/.test(b)) return '我厅'
  return '我单位'
}

/** A notice's title in book-title marks, whatever the reviewer typed. */
export function titled(s: string): string {
  const t = s.trim().replace(/^《+/, '').replace(/》+$/, '')
  return t ? `《${t}》` : ''
}

export interface DraftItem {
  id: string
  name: string
  /** The part of the report the item covers (a finding about the same part is then not said twice). */
  scope?: string
  optional: boolean
  verdict: ItemVerdict | null
  detected: ItemStatus | null
  reason: string
  phrases?: ItemPhrases
}

export interface DraftInput {
  items: DraftItem[]
  findings: Array<{ code: string; name: string; message: string }>
  /** The checklist's phrases per finding code. */
  findingPhrases?: Record<string, string>
  published: string | null
  /** The publication deadline, YYYY-MM-DD. */
  deadline: string | null
  daysLate: number | null
  overall: OverallVerdict | null
  /** YYYY-MM-DD, or null for 「收到本意见之日起15个工作日内」. */
  correctBy: string | null
  /** The reviewing body, for 「报送我局」. */
  body: string
}

/** What falls short in an item: the reviewer's verdict, else the detected status; optional items never do. */
export function shortfall(i: Pick<DraftItem, 'verdict' | 'detected' | 'optional'>): 'missing' | 'partial' | null {
  if (i.verdict) return i.verdict === 'missing' || i.verdict === 'partial' ? i.verdict : null
  if (i.optional || !i.detected) return null
  return i.detected === 'missing' ? 'missing' : i.detected === 'partial' ? 'partial' : null
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)
}

const sentence = (s: string) => {
  const t = s.trim()
  return !t ? '' : /[。！？；.!?;）)”"]$/.test(t) ? t : `${t}。`
}

/** Findings about the same part of the report as an item: said once, with the item, when that item falls short. */
const FINDING_SCOPE: Record<string, string> = { 'no-causes': 'shortcomings' }

/** The finding is about a part of the report (scope) already said to fall short by an item. */
export function coveredByItem(code: string, shortScopes: ReadonlySet<string>): boolean {
  const scope = FINDING_SCOPE[code]
  return !!scope && shortScopes.has(scope)
}

/** The problems found, one plain sentence each: every item not met, then every finding. */
export function problemSentences(d: DraftInput): string[] {
  const out: string[] = []
  const shortScopes = new Set<string>()
  for (const i of d.items) {
    const kind = shortfall(i)
    if (!kind) continue
    if (i.scope) shortScopes.add(i.scope)
    const phrase = fill(i.phrases?.[kind] ?? DEFAULT_ITEM_PHRASES[kind], { item: i.name })
    const reason = i.verdict ? sentence(i.reason.replace(/\s+/g, ' ')) : ''
    out.push(`${sentence(phrase)}${reason && !phrase.includes(reason) ? reason : ''}`)
  }
  const values = { published: chineseDay(d.published), deadline: chineseDay(d.deadline), days: d.daysLate ? String(d.daysLate) : '', message: '' }
  for (const f of d.findings) {
    if (coveredByItem(f.code, shortScopes)) continue
    const template = d.findingPhrases?.[f.code] ?? DEFAULT_FINDING_PHRASES[f.code]
    // The detector's own message when no phrase fits (a finding this version does not know, a date it could not read).
    const usable = template && !(/\{(?:published|days)\}/.test(template) && (!d.published || !d.daysLate))
    out.push(sentence(usable ? fill(template, { ...values, message: f.message }) : f.message))
  }
  return out
}

/** 「于2025年5月31日前」 or 「于收到本意见之日起15个工作日内」 (a 通报 counts from 「本通报印发」). */
export function dueBy(correctBy: string | null, from = '收到本意见'): string {
  return correctBy ? `于${chineseDay(correctBy)}前` : `于${from}之日起15个工作日内`
}

/** What the unit must do, and by when. */
export function requirementSentences(d: DraftInput, problems: number): string[] {
  const out: string[] = []
  const late = d.findings.some((f) => f.code === 'late-publication') || (d.daysLate ?? 0) > 0
  if (d.overall === 'pass') out.push(problems ? '请在今后的年度报告编制工作中注意改进上述问题。' : '请继续做好法治政府建设年度报告的编制和公开工作。')
  else if (problems || d.overall) out.push(`请你单位对照上述问题认真修改完善报告，${dueBy(d.correctBy)}将修改后的报告报送${selfName(d.body)}，并按规定在本单位门户网站重新公开。`)
  if (late) out.push(`今后请严格按照${REGULATION}要求，于每年4月1日前通过报刊、网站等新闻媒体向社会公开年度报告。`)
  return out
}

const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十']
export const chineseNumber = (n: number) => NUMBERS[n - 1] ?? String(n)

/**
 * The opinion draft 「根据审核结果生成草稿」 makes: the problems found, then what to correct and by
 * when, in the numbering a 公文 uses. The reviewer edits it before anything is sent.
 */
export function draftOpinion(d: DraftInput): string {
  const problems = problemSentences(d)
  const req = requirementSentences(d, problems.length)
  // Nothing to correct: a paragraph, not empty numbered sections.
  if (!problems.length) return ['报告内容完整，未发现需要修改的问题。', ...req].join('\n')
  // A report that passed is asked to improve, not to correct.
  const [found, asked] = d.overall === 'pass' ? ['一、需要改进的问题', '二、改进要求'] : ['一、存在的问题', '二、整改要求']
  const lines = [found, ...problems.map((p, k) => `（${chineseNumber(k + 1)}）${p}`)]
  if (req.length) lines.push(asked, ...req)
  return lines.join('\n')
}

/** The sentence that states the result, after the basis. */
export function conclusionSentence(overall: OverallVerdict | null): string {
  switch (overall) {
    case 'pass':
      return `经审核，你单位报告内容基本完整，符合${REGULATION}的要求，审核通过。`
    case 'revise':
      return '经审核，你单位报告基本符合要求，但存在以下问题，需修改完善。'
    case 'fail':
      return `经审核，你单位报告未达到${REGULATION}的要求，审核不通过，请对照以下问题重新编制。`
    default:
      return '经初步审核，意见如下。'
  }
}

/** The item phrases a checklist item uses (its own, else the app's), for the settings editor. */
export function itemPhrases(i: Pick<ChecklistItem, 'phrases'>): Required<ItemPhrases> {
  return { missing: i.phrases?.missing ?? DEFAULT_ITEM_PHRASES.missing, partial: i.phrases?.partial ?? DEFAULT_ITEM_PHRASES.partial }
}

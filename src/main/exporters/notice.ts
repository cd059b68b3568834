// The 通报 of a year's batch (Word): the overall figures, the units praised, those that did not report,
// those that published late, the common problems with how many units have each, and what is required,
// in the order and wording a 通报 uses. A draft the reviewer edits before sending.

import { officialDocx, type Line } from './docx-kit'
import type { Batch, BatchRow } from './model'
import { ZH } from '../../shared/labels'
import { GRADES } from '../../shared/models/rubric'
import { batchFigures, percent, type BatchFigures } from './summary'
import { chineseDay, chineseNumber, dueBy, REGULATION, selfName, shortfall, titled } from './wording'

/** How a 通报 names a content problem. */
const NOTICE_PROBLEM: Record<string, string> = {
  'no-causes': '只列举存在的问题，未分析产生问题的原因',
  'few-figures': '主要举措和成效缺少具体数据，描述较为笼统',
  'year-mismatch': '报告标题与正文所述年度不一致'
}

/** 主送: the kinds of units on the roster. */
export function noticeAddressee(rows: Array<Pick<BatchRow, 'level' | 'unit' | 'state'>>): string {
  const on = rows.filter((r) => r.state !== 'unassigned')
  const has = (l: BatchRow['level']) => on.some((r) => r.level === l)
  const parts: string[] = []
  if (has('city')) parts.push('各市人民政府')
  if (has('county')) parts.push('各县（市、区）人民政府')
  if (has('township')) parts.push(on.some((r) => /街道/.test(r.unit)) ? '各乡镇人民政府、街道办事处' : '各乡镇人民政府')
  if (has('department')) parts.push('各有关部门')
  return parts.length ? parts.join('，') : '各有关单位'
}

/** Names joined as a 通报 lists them: 「甲、乙、丙等3家单位」, or 「甲、乙2家单位」. */
function units(names: string[], max = 20): string {
  if (names.length <= max) return `${names.join('、')}${names.length > 1 ? `${names.length}家单位` : ''}`
  return `${names.slice(0, max).join('、')}等${names.length}家单位`
}

/** Units whose report stands as an example: passed, nothing short, on time; graded 优秀 when graded by the reviewer. */
function goodExamples(b: Batch): string[] {
  const graded = b.rows.some((r) => r.grade && !r.scoreProposed)
  return b.rows
    .filter((r) => r.state === 'submitted' && r.overall === 'pass' && r.daysLate === 0 && !r.items.some((i) => shortfall(i)))
    .filter((r) => !graded || (r.grade === 'excellent' && !r.scoreProposed))
    .map((r) => r.unit)
}

export interface NoticeText {
  title: string
  titleParts: string[]
  addressee: string
  lines: Line[]
}

export function noticeText(b: Batch, opts: { correctBy: string | null; figures?: BatchFigures }): NoticeText {
  const f = opts.figures ?? batchFigures(b)
  const self = selfName(b.body)
  const lines: NoticeText['lines'] = []
  const p = (text: string) => lines.push({ kind: 'p', text })
  const basis = [REGULATION, titled(b.notice)].filter(Boolean).join('和')
  p(`根据${basis}要求，${self}对${f.units}家单位${b.year}年度法治政府建设年度报告的报送、公开情况进行了检查，并对报告内容进行了审核。现将有关情况通报如下：`)

  let section = 0
  const h1 = (text: string) => lines.push({ kind: 'h1', text: `${chineseNumber(++section)}、${text}` })

  h1('基本情况')
  const late = b.rows.filter((r) => r.state === 'submitted' && (r.daysLate ?? 0) > 0)
  const unknown = b.rows.filter((r) => r.state === 'submitted' && r.daysLate === null)
  const sent = f.submitted + f.unassigned
  const parts = (xs: Array<[string, number]>) => xs.filter(([, n]) => n).map(([w, n]) => `${w}${n}家`)
  const timely = parts([
    ['逾期公开', late.length],
    ['报告中未见公开日期的', unknown.length]
  ])
  const verdicts = parts([
    ['审核通过', f.overall.pass],
    ['需修改完善', f.overall.revise],
    ['审核不通过', f.overall.fail]
  ])
  p(
    `截至${b.date}，应报送年度报告的${f.units}家单位中，已报送${f.submitted}家，报送率${percent(f.submissionRate)}` +
      (f.submitted ? `；已报送的单位中，按时公开${f.onTime}家，按时公开率${percent(f.onTimeRate)}${timely.length ? `，${timely.join('，')}` : ''}` : '') +
      `。${f.reviewed ? `已审核${f.reviewed}家${verdicts.length ? `，其中${verdicts.join('、')}` : ''}` : '报告尚在审核中'}${f.reviewed && sent - f.reviewed ? `，另有${sent - f.reviewed}家正在审核` : ''}。`
  )
  const graded = b.rows.filter((r) => r.state !== 'missing' && r.grade && !r.scoreProposed)
  if (b.rubric && graded.length) {
    const counts = parts(GRADES.map((g) => [`评为${ZH.grade[g]}的`, graded.filter((r) => r.grade === g).length]))
    p(`经集中评议，${counts.join('、')}${sent - graded.length ? `，另有${sent - graded.length}家尚未评定` : ''}。`)
  }

  const good = goodExamples(b)
  if (good.length) {
    h1('表现较好的单位')
    p(`${units(good)}的年度报告要素齐全、内容翔实、数据具体，并按时向社会公开，予以通报表扬。`)
  }

  const missing = b.rows.filter((r) => r.state === 'missing').map((r) => r.unit)
  // A 通报 states what was found on review; detection alone stands in only when nothing is reviewed yet, and says so.
  const reviewed = b.rows.filter((r) => r.state !== 'missing' && r.overall)
  const basisRows = reviewed.length ? reviewed : b.rows.filter((r) => r.state !== 'missing')
  const content = batchFigures({ ...b, rows: basisRows }).problems.filter((x) => x.key !== 'finding:late-publication')
  if (missing.length || late.length || unknown.length || content.length) {
    h1('存在的问题')
    let sub = 0
    const h2 = (text: string) => lines.push({ kind: 'h2', text: `（${chineseNumber(++sub)}）${text}` })
    if (missing.length) {
      h2('未按要求报送')
      p(`截至${b.date}，${units(missing)}未报送年度报告。`)
    }
    if (late.length || unknown.length) {
      h2('未按时公开')
      if (late.length) p(`${units(late.map((r) => `${r.unit}（逾期${r.daysLate}天）`))}未在${chineseDay(b.deadline)}前向社会公开年度报告。`)
      if (unknown.length) p(`${units(unknown.map((r) => r.unit))}的报告中未见公开日期，请核实公开情况。`)
    }
    if (content.length) {
      h2('报告内容不够规范')
      // Before anything is reviewed the problems are the detector's: said to the reviewer, highlighted, not to the units.
      if (!reviewed.length) lines.push({ kind: 'note', text: '【发出前请删除：尚无审核完成的报告，以下问题为系统检测结果，请逐项核实。】' })
      p(reviewed.length ? `已审核的${reviewed.length}家单位报告中，存在的共性问题主要有：` : '已报送的报告中，存在的共性问题主要有：')
      content.forEach((x, k) => {
        const code = x.key.startsWith('finding:') ? x.key.slice(8) : null
        const what = code ? (NOTICE_PROBLEM[code] ?? x.name) : x.name
        p(`${k + 1}．${what}，涉及${x.count}家单位（${x.units.join('、')}）。`)
      })
    }
  }

  h1('工作要求')
  const asks: string[] = []
  // A 通报 has no 「本意见」: its deadlines run from its own issue.
  const due = dueBy(opts.correctBy, '本通报印发')
  if (missing.length) asks.push(`请未报送年度报告的单位${due}报送${self}，并按规定向社会公开。`)
  if (f.overall.revise || f.overall.fail) asks.push(`请审核意见为“需修改完善”“审核不通过”的单位对照审核意见认真修改，${due}将修改后的报告报送${self}，并在本单位门户网站重新公开。`)
  asks.push(`各单位要严格落实${REGULATION}要求，每年4月1日前通过报刊、网站等新闻媒体向社会公开上一年度法治政府建设情况报告，确保报告内容全面、真实、具体。`)
  asks.forEach((a, k) => p(asks.length > 1 ? `（${chineseNumber(k + 1)}）${a}` : a))

  return { title: `关于${b.year}年度法治政府建设年度报告报送和审核情况的通报`, titleParts: ['关于', `${b.year}年度`, '法治政府建设年度报告', '报送和审核情况', '的通报'], addressee: noticeAddressee(b.rows), lines }
}

export async function noticeDocx(b: Batch, opts: { correctBy: string | null }): Promise<Uint8Array> {
  const t = noticeText(b, opts)
  return officialDocx({
    title: t.titleParts,
    addressee: t.addressee,
    lines: t.lines,
    signature: { name: b.body || null, date: b.date },
    creator: b.body || '法治报告审核台'
  })
}

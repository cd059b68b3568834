// The library's rows as they cross to the window: one column per field, every repeated string (units,
// issuers, dates, codes, item tags) once in a table, ids as differences, a title as the part of the
// issuer it starts with and the rest (「德化县葛坑镇」 + 「2024年度法治政府建设情况报告」, the rest shared by
// the year's reports), made titles not sent (the window makes them as main does). A 10,000-row library
// is a few bytes per row besides its file names; the window decodes it into rows once per refresh.

import type { FindingCode, ItemStatus, ReportLevel } from './models/report'
import type { ItemVerdict, OverallVerdict } from './models/review'
import type { ItemTag, ReviewState, SubmissionRow } from './models/roster'
import type { Grade } from './models/rubric'
import { madeTitle } from './report-title'

/** A library row as the window gets it: what the table shows, filters and sorts on. */
export type LibraryRow = Omit<SubmissionRow, 'unitId' | 'format' | 'importedAt'>

export interface LibraryList {
  /** The strings the columns below refer to by index (-1 for none). */
  strings: string[]
  /** The checklist items the rows' tags follow, in this order. */
  items: string[]
  /** Ids as differences from the row before (the first from 0). */
  id: number[]
  submissionId: number[]
  /** How many characters the title takes from the start of the issuer; -1 where the title is made from the unit (or issuer) and year. */
  titleFrom: number[]
  /** The rest of the title. */
  titleRest: number[]
  fileName: string[]
  unit: number[]
  issuer: number[]
  level: number[]
  published: number[]
  checklistId: number[]
  review: number[]
  verdict: number[]
  reviewer: number[]
  grade: number[]
  year: Array<number | null>
  daysLate: Array<number | null>
  files: number[]
  versions: number[]
  completeness: number[]
  copiedShare: Array<number | null>
  score: Array<number | null>
  /** 1 when the score is the app's proposal. */
  scoreProposed: number[]
  /** Two letters per item of `items`: its status and the reviewer's verdict ('-' for none). */
  tags: number[]
  /** Finding codes by string index. */
  findings: number[][]
}

const STATUS: Record<ItemStatus, string> = { present: 'p', partial: 'a', missing: 'm', none: 'n' }
const VERDICT: Record<ItemVerdict, string> = { meets: 'M', partial: 'A', missing: 'X', 'not-applicable': 'N' }
const STATUS_OF = Object.fromEntries(Object.entries(STATUS).map(([k, v]) => [v, k])) as Record<string, ItemStatus>
const VERDICT_OF = Object.fromEntries(Object.entries(VERDICT).map(([k, v]) => [v, k])) as Record<string, ItemVerdict>

export function encodeLibraryList(rows: readonly SubmissionRow[]): LibraryList {
  const encoder = new LibraryEncoder()
  return encoder.list(rows.map((r) => encoder.row(r)))
}

/** One row encoded against an encoder's strings and items: the columns of `LibraryList` less the id differences. */
export interface EncodedRow {
  id: number
  submissionId: number
  titleFrom: number
  titleRest: number
  fileName: string
  unit: number
  issuer: number
  level: number
  published: number
  checklistId: number
  review: number
  verdict: number
  reviewer: number
  grade: number
  year: number | null
  daysLate: number | null
  files: number
  versions: number
  completeness: number
  copiedShare: number | null
  score: number | null
  scoreProposed: number
  tags: number
  findings: number[]
}

/**
 * Encodes rows one at a time against strings and items that only grow, so a list made again after a
 * change encodes the changed rows alone and puts the others' encodings back (main keeps them by
 * submission). A string no row uses any more stays until the encoder is made anew (the next whole list).
 */
export class LibraryEncoder {
  private readonly strings: string[] = []
  private readonly index = new Map<string, number>()
  private readonly items: string[] = []

  private str(s: string | null | undefined): number {
    if (s === null || s === undefined) return -1
    let i = this.index.get(s)
    if (i === undefined) this.index.set(s, (i = this.strings.push(s) - 1))
    return i
  }

  row(r: SubmissionRow): EncodedRow {
    for (const t of r.items) if (!this.items.includes(t.id)) this.items.push(t.id)
    const from = r.titleMade ? -1 : sharedStart(r.title, r.issuer ?? '')
    const byId = new Map(r.items.map((t) => [t.id, t]))
    // the items after the last this row has are left off: the window reads them as absent
    let last = -1
    this.items.forEach((id, j) => { if (byId.has(id)) last = j })
    return {
      id: r.id,
      submissionId: r.submissionId,
      titleFrom: from,
      titleRest: r.titleMade ? -1 : this.str(r.title.slice(from)),
      fileName: r.fileName,
      unit: this.str(r.unit),
      issuer: this.str(r.issuer),
      level: this.str(r.level),
      published: this.str(r.published),
      checklistId: this.str(r.checklistId),
      review: this.str(r.review),
      verdict: this.str(r.verdict),
      reviewer: this.str(r.reviewer),
      grade: this.str(r.grade),
      year: r.year,
      daysLate: r.daysLate,
      files: r.files,
      versions: r.versions,
      completeness: r.completeness,
      // four places: the table shows whole percents
      copiedShare: r.copiedShare === null ? null : Math.round(r.copiedShare * 1e4) / 1e4,
      score: r.score,
      scoreProposed: r.scoreProposed ? 1 : 0,
      tags: this.str(this.items.slice(0, last + 1).map((id) => { const t = byId.get(id); return t ? `${STATUS[t.status]}${t.verdict ? VERDICT[t.verdict] : '-'}` : '--' }).join('')),
      findings: r.findings.map((f) => this.str(f))
    }
  }

  /** The list of these rows (encoded by this encoder), in their order. */
  list(rows: readonly EncodedRow[]): LibraryList {
    const list: LibraryList = {
      strings: this.strings.slice(), items: this.items.slice(), id: [], submissionId: [], titleFrom: [], titleRest: [], fileName: [], unit: [], issuer: [], level: [], published: [], checklistId: [], review: [], verdict: [], reviewer: [], grade: [],
      year: [], daysLate: [], files: [], versions: [], completeness: [], copiedShare: [], score: [], scoreProposed: [], tags: [], findings: []
    }
    let lastId = 0
    let lastSubmission = 0
    for (const r of rows) {
      list.id.push(r.id - lastId)
      list.submissionId.push(r.submissionId - lastSubmission)
      lastId = r.id
      lastSubmission = r.submissionId
      list.titleFrom.push(r.titleFrom)
      list.titleRest.push(r.titleRest)
      list.fileName.push(r.fileName)
      list.unit.push(r.unit)
      list.issuer.push(r.issuer)
      list.level.push(r.level)
      list.published.push(r.published)
      list.checklistId.push(r.checklistId)
      list.review.push(r.review)
      list.verdict.push(r.verdict)
      list.reviewer.push(r.reviewer)
      list.grade.push(r.grade)
      list.year.push(r.year)
      list.daysLate.push(r.daysLate)
      list.files.push(r.files)
      list.versions.push(r.versions)
      list.completeness.push(r.completeness)
      list.copiedShare.push(r.copiedShare)
      list.score.push(r.score)
      list.scoreProposed.push(r.scoreProposed)
      list.tags.push(r.tags)
      list.findings.push(r.findings)
    }
    return list
  }
}

export function decodeLibraryList(list: LibraryList): LibraryRow[] {
  const s = (i: number | undefined) => (i === undefined || i < 0 ? null : (list.strings[i] ?? null))
  const rows: LibraryRow[] = []
  let id = 0
  let submissionId = 0
  for (let k = 0; k < list.id.length; k++) {
    id += list.id[k]!
    submissionId += list.submissionId[k]!
    const unit = s(list.unit[k])
    const issuer = s(list.issuer[k])
    const year = list.year[k] ?? null
    const from = list.titleFrom[k] ?? -1
    const title = from < 0 ? null : `${(issuer ?? '').slice(0, from)}${s(list.titleRest[k]) ?? ''}`
    const tags = s(list.tags[k]) ?? ''
    const items: ItemTag[] = []
    list.items.forEach((itemId, j) => {
      const st = STATUS_OF[tags[2 * j]!]
      if (st) items.push({ id: itemId, status: st, verdict: VERDICT_OF[tags[2 * j + 1]!] ?? null })
    })
    rows.push({
      id,
      submissionId,
      unit,
      title: title ?? madeTitle(unit ?? issuer, year),
      titleMade: title === null,
      issuer,
      level: s(list.level[k]) as ReportLevel | null,
      year,
      published: s(list.published[k]),
      daysLate: list.daysLate[k] ?? null,
      fileName: list.fileName[k]!,
      files: list.files[k]!,
      versions: list.versions[k]!,
      checklistId: s(list.checklistId[k]) ?? '',
      items,
      completeness: list.completeness[k]!,
      findings: (list.findings[k] ?? []).map((i) => s(i) as FindingCode),
      copiedShare: list.copiedShare[k] ?? null,
      review: s(list.review[k]) as ReviewState,
      verdict: s(list.verdict[k]) as OverallVerdict | null,
      reviewer: s(list.reviewer[k]),
      score: list.score[k] ?? null,
      grade: s(list.grade[k]) as Grade | null,
      scoreProposed: list.scoreProposed[k] === 1
    })
  }
  return rows
}

/** How many UTF-16 units two strings start with in common (never splitting a surrogate pair). */
function sharedStart(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++
  if (n > 0 && n < a.length && /[\uDC00-\uDFFF]/.test(a[n]!)) n--
  return n
}

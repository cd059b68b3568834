// The library table's columns, one row per submission: the title with its unit, the publication date
// and lateness, a tag per checklist item (the reviewer's verdict where set, else the detected status),
// completeness, score, the share copied from last year, findings, and the review's state. Sortable,
// filterable, narrow enough for a 1280-pixel screen.
import type { DataTableColumns } from 'naive-ui'
import { h } from 'vue'
import type { ChecklistSummary } from '../../../../shared/ipc/contract'
import type { SearchHit } from '../../../../shared/models/library'
import type { FindingCode, ItemStatus } from '../../../../shared/models/report'
import type { ItemVerdict } from '../../../../shared/models/review'
import type { ItemTag, ReviewState } from '../../../../shared/models/roster'
import type { LibraryRow } from '../../../../shared/library-list'
import type { Grade } from '../../../../shared/models/rubric'
import { cellTag } from '../../components/common/cell-tag'

type T = (key: string, named?: Record<string, unknown>) => string

const STATUS_TYPE: Record<ItemStatus, 'success' | 'warning' | 'error' | 'default'> = { present: 'success', partial: 'warning', missing: 'error', none: 'default' }
const VERDICT_TYPE: Record<ItemVerdict, 'success' | 'warning' | 'error' | 'default'> = { meets: 'success', partial: 'warning', missing: 'error', 'not-applicable': 'default' }
const REVIEW_TYPE: Record<ReviewState, 'default' | 'warning' | 'success'> = { unreviewed: 'default', 'in-progress': 'warning', reviewed: 'success' }
const GRADE_TYPE: Record<Grade, 'success' | 'info' | 'warning' | 'error'> = { excellent: 'success', good: 'info', fair: 'warning', poor: 'error' }
const FINDINGS: FindingCode[] = ['late-publication', 'no-causes', 'few-figures', 'year-mismatch', 'copied-from-last-year', 'shared-text', 'stale-year']
const LEVELS = ['township', 'county', 'city', 'province', 'department'] as const
const NONE = '__none__'
const ERRORS = new Set<FindingCode>(['late-publication', 'copied-from-last-year', 'year-mismatch'])

const byText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'zh-CN')
const byNumber = (a: number | null, b: number | null) => (a ?? -Infinity) - (b ?? -Infinity)

/**
 * The hit's passage, cut so the marked words are in view in a narrow column: a few characters before
 * the first hit, then the rest (the whole passage in the tooltip).
 */
export function snippetParts(hit: SearchHit | undefined, lead = 6): Array<{ text: string; hit: boolean }> | null {
  const first = hit?.snippets[0]
  if (!first) return null
  const at = first.findIndex((p) => p.hit)
  if (at <= 0) return first
  const before = first.slice(0, at).map((p) => p.text).join('')
  const kept = [...before].slice(-lead).join('')
  return [{ text: `${kept.length < [...before].length ? '…' : ''}${kept}`, hit: false }, ...first.slice(at)]
}

function snippetLine(hit: SearchHit | undefined) {
  const parts = snippetParts(hit)
  if (!parts) return null
  return h(
    'div',
    { class: 'snippet', 'data-testid': 'snippet', title: hit!.snippets.map((s) => s.map((p) => p.text).join('')).join('\n') },
    parts.map((p) => (p.hit ? h('mark', p.text) : p.text))
  )
}

/** A sortable header the keyboard reaches: a button (Enter sorts, as a click does). */
const header = (text: string, title?: string, attrs: Record<string, string> = {}) => () => h('button', { type: 'button', class: 'th-button', title: title ?? text, ...attrs }, text)

function itemTag(t: T, tag: ItemTag | undefined, id: string) {
  if (!tag) return '—'
  if (tag.verdict) {
    // The reviewer's verdict: outlined, with the word of the verdict, and said so on hover.
    return cellTag(t(`library.verdict.${tag.verdict}`), VERDICT_TYPE[tag.verdict], { attrs: { 'data-item': id, 'data-verdict': tag.verdict, title: t('library.byReviewer') } })
  }
  return cellTag(t(`library.status.${tag.status}`), STATUS_TYPE[tag.status], { bordered: false, attrs: { 'data-item': id, 'data-status': tag.status, title: t('library.detected') } })
}

/** The rows ticked for an export or a bulk verdict, kept by the view. */
export interface RowSelection {
  has(id: number): boolean
  toggle(id: number): void
  /** Ticks every row listed, or unticks them all when all are ticked. */
  toggleAll(): void
  state: 'none' | 'some' | 'all'
}

/**
 * The tick boxes as native inputs: naive-ui's selection column mounts an NCheckbox component per row,
 * which was half the cost of a scrolled frame at 1,000 submissions (docs/benchmarks.md).
 */
function selectionColumn(t: T, sel: RowSelection): DataTableColumns<LibraryRow>[number] {
  return {
    key: 'select',
    width: 36,
    className: 'select-cell',
    title: () => h('input', { type: 'checkbox', class: 'row-check', checked: sel.state === 'all', indeterminate: sel.state === 'some', 'aria-label': t('library.selectAll'), onClick: () => sel.toggleAll() }),
    render: (r) =>
      h('input', {
        type: 'checkbox',
        class: 'row-check',
        checked: sel.has(r.id),
        'aria-label': t('library.selectRow', { title: r.title }),
        onClick: (e: MouseEvent) => {
          e.stopPropagation()
          sel.toggle(r.id)
        },
        onKeydown: (e: KeyboardEvent) => e.stopPropagation()
      })
  }
}

export function libraryColumns(opts: { t: T; checklist: ChecklistSummary | null; rows: LibraryRow[]; hits: Map<number, SearchHit> | null; locale: string; ranks: Map<number, number>; showYear: boolean; selection: RowSelection }): DataTableColumns<LibraryRow> {
  const { checklist, hits, ranks } = opts
  // Labels without arguments looked up once per column set: vue-i18n's t() builds a message context
  // per call, and a scrolled frame asks for dozens of the same tag labels.
  const labels = new Map<string, string>()
  const t: T = (key, named) => {
    if (named) return opts.t(key, named)
    let s = labels.get(key)
    if (s === undefined) labels.set(key, (s = opts.t(key)))
    return s
  }
  const en = opts.locale === 'en'
  const cols: DataTableColumns<LibraryRow> = [
    selectionColumn(t, opts.selection),
    {
      key: 'title',
      title: header(t('library.title')),
      minWidth: 156,
      sorter: (a, b) => byText(a.title, b.title),
      // one line each (the whole in the tooltip), so rows keep one height and more of them fit on a laptop
      render: (r) => {
        const who = r.unit ?? r.issuer ?? t('library.noUnit')
        const sub = [opts.showYear && r.year ? `${r.year}` : null, who, r.files > 1 || r.versions > 1 ? t('library.filesVersions', { files: r.files, versions: r.versions }) : r.fileName].filter(Boolean).join(' · ')
        return h('div', { class: 'title-cell', title: `${r.title}\n${sub}` }, [
          h('div', { class: ['title', { made: r.titleMade }], 'data-testid': 'title' }, r.title),
          h('div', { class: 'file', 'data-testid': 'row-unit' }, sub),
          hits ? snippetLine(hits.get(r.submissionId)) : null
        ])
      }
    },
    {
      key: 'level',
      title: header(t('library.level')),
      width: 76,
      sorter: (a, b) => byText(a.level, b.level),
      filterOptions: [...LEVELS.map((l) => ({ label: t(`library.levels.${l}`), value: l })), { label: t('library.none'), value: NONE }],
      filter: (v, r) => (r.level ?? NONE) === v,
      // 乡镇（街道） shown as 乡镇 so the column keeps one line; the whole name in the tooltip
      render: (r) => (r.level ? h('span', { title: t(`library.levels.${r.level}`) }, t(`library.levels.${r.level}`).replace(/（.*）$/, '')) : '—')
    },
    {
      key: 'published',
      title: header(t('library.published')),
      width: 104,
      sorter: (a, b) => byText(a.published, b.published),
      filterOptions: [
        { label: t('library.lateOnly'), value: 'late' },
        { label: t('library.noDate'), value: NONE }
      ],
      filter: (v, r) => (v === 'late' ? (r.daysLate ?? 0) > 0 : r.published === null),
      render: (r) =>
        r.published
          ? h('span', { class: ['date', { late: (r.daysLate ?? 0) > 0 }], title: (r.daysLate ?? 0) > 0 ? t('library.daysLate', { n: r.daysLate }) : undefined, 'data-days-late': String(r.daysLate ?? '') }, r.published)
          : '—'
    }
  ]
  for (const item of checklist?.items ?? []) {
    const name = en ? item.name.en : item.name.zh
    const short = en ? item.short.en : item.short.zh
    cols.push({
      key: `item:${item.id}`,
      title: header(short, name, { 'data-column-item': item.id }),
      width: en ? 100 : 76,
      sorter: (a, b) => weight(a, item.id) - weight(b, item.id),
      filterOptions: (['present', 'partial', 'missing', 'none'] as const).map((s) => ({ label: t(`library.status.${s}`), value: s })),
      filter: (v, r) => r.items.find((i) => i.id === item.id)?.status === v,
      render: (r) => itemTag(t, r.items.find((i) => i.id === item.id), item.id)
    })
  }
  cols.push(
    {
      key: 'completeness',
      title: header(t('library.completeness')),
      width: 72,
      sorter: (a, b) => a.completeness - b.completeness,
      render: (r) => h('span', { class: ['completeness', r.completeness >= 80 ? 'good' : r.completeness >= 50 ? 'fair' : 'poor'], 'data-testid': 'completeness' }, `${r.completeness}%`)
    },
    {
      key: 'score',
      title: header(t('sending.score.column')),
      // score and grade on one line (「77.5 良好*」), so a proposed score does not make its row taller
      width: 96,
      sorter: (a, b) => byNumber(a.score, b.score),
      render: (r) => {
        if (r.score === null || !r.grade) return '—'
        return h('span', { class: ['score', { proposed: r.scoreProposed }], 'data-score': String(r.score), title: `${t('sending.score.rank', { n: ranks.get(r.submissionId) ?? '—' })}${r.scoreProposed ? ` ${t('sending.score.proposal')}` : ''}` }, [
          `${r.score} `,
          cellTag(`${t(`sending.score.grade.${r.grade}`)}${r.scoreProposed ? '*' : ''}`, GRADE_TYPE[r.grade], { bordered: false, attrs: { 'data-grade': r.grade } })
        ])
      }
    },
    {
      key: 'copied',
      title: header(t('library.copied'), t('library.copiedHint')),
      width: 76,
      sorter: (a, b) => byNumber(a.copiedShare, b.copiedShare),
      render: (r) => (r.copiedShare === null ? '—' : h('span', { class: { copied: r.copiedShare >= 0.3 }, 'data-copied': r.copiedShare.toFixed(2) }, `${Math.round(r.copiedShare * 100)}%`))
    },
    {
      key: 'findings',
      title: header(t('library.findings')),
      width: 110,
      sorter: (a, b) => a.findings.length - b.findings.length,
      filterOptions: [...FINDINGS.map((f) => ({ label: t(`library.finding.${f}`), value: f })), { label: t('library.noFindings'), value: NONE }],
      filter: (v, r) => (v === NONE ? r.findings.length === 0 : r.findings.includes(v as FindingCode)),
      render: (r) =>
        h(
          'div',
          { class: 'findings' },
          r.findings.map((f) =>
            cellTag(t(`library.finding.${f}`), ERRORS.has(f) ? 'error' : 'warning', { round: true, attrs: { 'data-finding': f, title: t('library.findingHint') } })
          )
        )
    },
    {
      key: 'review',
      title: header(t('library.review')),
      width: 92,
      sorter: (a, b) => reviewWeight(a) - reviewWeight(b),
      filterOptions: [
        ...(['unreviewed', 'in-progress', 'reviewed'] as const).map((s) => ({ label: t(`roster.review.${s}`), value: s })),
        { label: t('roster.filters.revise'), value: 'revise' }
      ],
      filter: (v, r) => (v === 'revise' ? r.verdict === 'revise' || r.verdict === 'fail' : r.review === v),
      render: (r) =>
        h('div', { class: 'review-cell', title: r.reviewer ? t('library.reviewedBy', { name: r.reviewer }) : undefined, 'data-review': r.review }, [
          cellTag(r.verdict ? t(`roster.verdict.${r.verdict}`) : t(`roster.review.${r.review}`), REVIEW_TYPE[r.review], { bordered: false }),
          r.reviewer ? h('span', { class: 'reviewer' }, r.reviewer) : null
        ])
    }
  )
  return cols
}

function weight(r: LibraryRow, id: string): number {
  const it = r.items.find((i) => i.id === id)
  if (it?.verdict) return it.verdict === 'meets' ? 3 : it.verdict === 'partial' ? 1.5 : it.verdict === 'not-applicable' ? 2 : 0
  return it?.status === 'present' ? 2.9 : it?.status === 'partial' ? 1.4 : 0
}

function reviewWeight(r: LibraryRow): number {
  return r.review === 'reviewed' ? (r.verdict === 'pass' ? 4 : 3) : r.review === 'in-progress' ? 2 : 1
}

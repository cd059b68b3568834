// The library table's columns: sortable and filterable, one tag column per checklist item.
import { NTag, NTooltip, type DataTableColumns } from 'naive-ui'
import { h } from 'vue'
import type { ChecklistSummary } from '../../../../shared/ipc/contract'
import type { ReportRow, SearchHit } from '../../../../shared/models/library'
import type { FindingCode, ItemStatus } from '../../../../shared/models/report'
import type { Grade } from '../../../../shared/models/rubric'

type T = (key: string, named?: Record<string, unknown>) => string

const STATUS_TYPE: Record<ItemStatus, 'success' | 'warning' | 'error' | 'default'> = { present: 'success', partial: 'warning', missing: 'error', none: 'default' }
const FINDINGS: FindingCode[] = ['late-publication', 'no-causes', 'few-figures', 'year-mismatch']
const LEVELS = ['township', 'county', 'city', 'province', 'department'] as const
const NONE = '__none__'

const byText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'zh-CN')
const byNumber = (a: number | null, b: number | null) => (a ?? -Infinity) - (b ?? -Infinity)

function snippetLine(hit: SearchHit | undefined) {
  const first = hit?.snippets[0]
  if (!first) return null
  return h(
    'div',
    { class: 'snippet', 'data-testid': 'snippet', title: hit!.snippets.map((s) => s.map((p) => p.text).join('')).join('\n') },
    first.map((p) => (p.hit ? h('mark', p.text) : p.text))
  )
}

const GRADE_TYPE: Record<Grade, 'success' | 'info' | 'warning' | 'error'> = { excellent: 'success', good: 'info', fair: 'warning', poor: 'error' }
type Scores = Map<number, { score: number; grade: Grade; proposed: boolean; rank: number }>

export function libraryColumns(opts: { t: T; checklist: ChecklistSummary | null; rows: ReportRow[]; hits: Map<number, SearchHit> | null; locale: string; scores?: Scores }): DataTableColumns<ReportRow> {
  const { t, checklist, rows, hits } = opts
  const scores: Scores = opts.scores ?? new Map()
  const en = opts.locale === 'en'
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (b ?? 0) - (a ?? 0))
  const cols: DataTableColumns<ReportRow> = [
    { type: 'selection', width: 40 },
    {
      key: 'title',
      title: t('library.title'),
      minWidth: 170,
      sorter: (a, b) => byText(a.title ?? a.fileName, b.title ?? b.fileName),
      // one line each (the whole in the tooltip), so rows keep one height and more of them fit on a laptop
      render: (r) =>
        h('div', { class: 'title-cell', title: r.title ? `${r.title}\n${r.fileName}` : r.fileName }, [
          h('div', { class: 'title', 'data-testid': 'title' }, r.title ?? r.fileName),
          r.title ? h('div', { class: 'file' }, r.fileName) : null,
          hits ? snippetLine(hits.get(r.id)) : null
        ])
    },
    { key: 'issuer', title: t('library.issuer'), width: 120, ellipsis: { tooltip: true }, sorter: (a, b) => byText(a.issuer, b.issuer), render: (r) => r.issuer ?? '—' },
    {
      key: 'level',
      title: t('library.level'),
      width: 96,
      sorter: (a, b) => byText(a.level, b.level),
      filterOptions: [...LEVELS.map((l) => ({ label: t(`library.levels.${l}`), value: l })), { label: t('library.none'), value: NONE }],
      filter: (v, r) => (r.level ?? NONE) === v,
      render: (r) => (r.level ? t(`library.levels.${r.level}`) : '—')
    },
    {
      key: 'year',
      title: t('library.year'),
      width: 66,
      sorter: (a, b) => byNumber(a.year, b.year),
      filterOptions: years.map((y) => ({ label: y === null ? t('library.none') : String(y), value: y === null ? NONE : String(y) })),
      filter: (v, r) => (r.year === null ? NONE : String(r.year)) === v,
      render: (r) => r.year ?? '—'
    },
    { key: 'published', title: t('library.published'), width: 98, sorter: (a, b) => byText(a.published, b.published), render: (r) => r.published ?? '—' }
  ]
  for (const item of checklist?.items ?? []) {
    const name = en ? item.name.en : item.name.zh
    const short = en ? item.short.en : item.short.zh
    cols.push({
      key: `item:${item.id}`,
      title: () => h('span', { title: name, 'data-column-item': item.id }, short),
      width: en ? 108 : 90,
      sorter: (a, b) => score(a, item.id) - score(b, item.id),
      filterOptions: (['present', 'partial', 'missing', 'none'] as const).map((s) => ({ label: t(`library.status.${s}`), value: s })),
      filter: (v, r) => r.items.find((i) => i.id === item.id)?.status === v,
      render: (r) => {
        const it = r.items.find((i) => i.id === item.id)
        if (!it) return '—'
        return h(NTag, { size: 'small', type: STATUS_TYPE[it.status], bordered: false, 'data-item': item.id, 'data-status': it.status }, () => t(`library.status.${it.status}`))
      }
    })
  }
  cols.push(
    {
      key: 'completeness',
      title: t('library.completeness'),
      width: 78,
      sorter: (a, b) => a.completeness - b.completeness,
      render: (r) => h('span', { class: ['completeness', r.completeness >= 80 ? 'good' : r.completeness >= 50 ? 'fair' : 'poor'], 'data-testid': 'completeness' }, `${r.completeness}%`)
    },
    {
      key: 'score',
      title: t('sending.score.column'),
      width: 112,
      sorter: (a, b) => (scores.get(a.id)?.score ?? -1) - (scores.get(b.id)?.score ?? -1),
      render: (r) => {
        const s = scores.get(r.id)
        if (!s) return '—'
        return h('span', { class: ['score', { proposed: s.proposed }], 'data-score': String(s.score), title: `${t('sending.score.rank', { n: s.rank })}${s.proposed ? ` ${t('sending.score.proposal')}` : ''}` }, [
          `${s.score} `,
          h(NTag, { size: 'small', bordered: false, type: GRADE_TYPE[s.grade], 'data-grade': s.grade }, () => `${t(`sending.score.grade.${s.grade}`)}${s.proposed ? '*' : ''}`)
        ])
      }
    },
    {
      key: 'findings',
      title: t('library.findings'),
      width: 112,
      sorter: (a, b) => a.findings.length - b.findings.length,
      filterOptions: [...FINDINGS.map((f) => ({ label: t(`library.finding.${f}`), value: f })), { label: t('library.noFindings'), value: NONE }],
      filter: (v, r) => (v === NONE ? r.findings.length === 0 : r.findings.some((f) => f.code === v)),
      render: (r) =>
        h(
          'div',
          { class: 'findings' },
          r.findings.map((f) =>
            h(NTooltip, { trigger: 'hover' }, { trigger: () => h(NTag, { size: 'small', type: f.severity === 'error' ? 'error' : 'warning', round: true, 'data-finding': f.code, title: f.message }, () => t(`library.finding.${f.code}`)), default: () => f.message })
          )
        )
    }
  )
  return cols
}

function score(r: ReportRow, id: string): number {
  const s = r.items.find((i) => i.id === id)?.status
  return s === 'present' ? 2 : s === 'partial' ? 1 : 0
}

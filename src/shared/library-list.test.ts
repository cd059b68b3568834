// The library's compact list: every row comes back as main made it, made titles made again, item tags
// and codes kept, and a large library costs a few bytes a row besides its titles and file names.
import { describe, expect, it } from 'vitest'
import { decodeLibraryList, encodeLibraryList, type LibraryRow } from './library-list'
import type { SubmissionRow } from './models/roster'
import { madeTitle } from './report-title'

function row(i: number, over: Partial<SubmissionRow> = {}): SubmissionRow {
  const unit = i % 3 ? `${['东关', '西岭', '南坑'][i % 3]}镇` : null
  const year = 2019 + (i % 7)
  return {
    id: 10 + i * 2, submissionId: 5 + i, unitId: unit ? i % 3 : null, unit, title: `${i % 2 ? '德化县' : ''}${unit ?? '某单位'}${year}年度法治政府建设情况报告`, titleMade: false,
    issuer: unit ? `德化县${unit}人民政府` : null, level: i % 4 ? 'township' : null, year, published: i % 5 ? `${year + 1}-03-0${1 + (i % 9)}` : null,
    daysLate: i % 5 ? i % 3 : null, format: 'docx', fileName: `${i}.docx`, importedAt: '2026-01-01T00:00:00.000Z', files: 1 + (i % 2), versions: 1, checklistId: i % 6 ? 'default' : 'statutory',
    items: [
      { id: 'leadership', status: 'present', verdict: i % 2 ? 'meets' : null },
      { id: 'shortcomings', status: i % 3 ? 'partial' : 'missing', verdict: i % 4 ? null : 'not-applicable' },
      ...(i % 6 ? [] : [{ id: 'statutory-1', status: 'none' as const, verdict: 'missing' as const }])
    ],
    completeness: (i * 7) % 101, findings: i % 2 ? ['no-causes', 'copied-from-last-year'] : [], copiedShare: i % 2 ? 0.123456 : null,
    review: (['unreviewed', 'in-progress', 'reviewed'] as const)[i % 3]!, verdict: i % 3 === 2 ? 'revise' : null, reviewer: i % 3 === 2 ? '赵审核' : null,
    score: i % 4 ? 60 + (i % 40) : null, grade: i % 4 ? 'good' : null, scoreProposed: i % 2 === 0, ...over
  }
}

/** UTF-8 bytes, as IPC and JSON carry them (no Node here: shared code also runs in the window). */
const size = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length

const shown = ({ unitId: _u, format: _f, importedAt: _i, ...r }: SubmissionRow): LibraryRow => r

describe('the library list as the window gets it', () => {
  it('decodes to the rows main made, less the fields the table does not use', () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i))
    const back = decodeLibraryList(JSON.parse(JSON.stringify(encodeLibraryList(rows))))
    expect(back).toEqual(rows.map(shown).map((r) => ({ ...r, copiedShare: r.copiedShare === null ? null : 0.1235 })))
  })

  it('sends a title as the part of the issuer it starts with and the rest, the rest once for all rows sharing it', () => {
    const rows = [row(1), row(7), row(13)].map((r) => ({ ...r, issuer: '德化县东关镇人民政府', title: '德化县东关镇2020年度法治政府建设情况报告' }))
    const list = encodeLibraryList(rows)
    expect(list.titleFrom).toEqual([6, 6, 6])
    expect(new Set(list.titleRest).size).toBe(1)
    expect(list.strings[list.titleRest[0]!]).toBe('2020年度法治政府建设情况报告')
    expect(decodeLibraryList(list).map((r) => r.title)).toEqual(rows.map((r) => r.title))
  })

  it('sends no made title and makes it again from the unit (or issuer) and year', () => {
    const made = row(3, { unit: null, issuer: '德化县西岭镇人民政府', title: madeTitle('德化县西岭镇人民政府', 2022), titleMade: true, year: 2022 })
    const list = encodeLibraryList([made])
    expect(list.titleFrom).toEqual([-1])
    expect(decodeLibraryList(list)[0]).toMatchObject({ title: '德化县西岭镇人民政府2022年度法治政府建设情况报告', titleMade: true })
  })

  it('a large library costs a few bytes a row besides its titles and file names', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(i))
    const bytes = size(encodeLibraryList(rows))
    const text = rows.reduce((n, r) => n + size(r.title) + size(r.fileName), 0)
    expect((bytes - text) / rows.length).toBeLessThan(80)
    expect(bytes).toBeLessThan(size(rows) / 4)
  })
})

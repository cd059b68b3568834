// The batch comparison on the real corpus: standard wording learnt from a batch of real report
// openings, different reports sharing nothing else, each year learning from its own reports only,
// files of one submission never paired, searches across two sides.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { analyze } from '../domain/analyze'
import { STANDARD_WORDING } from '../domain/standard-wording'
import { loadChecklist } from '../store/checklist-files'
import { compareBatch, type BatchReport } from './compare-batch'
import { createComparePool } from './compare-pool'

const checklist = loadChecklist('default')
const pool = createComparePool({ workerUrl: null })
afterAll(() => pool.close())

function real(file: string): { name: string; text: string; clutter: Array<{ start: number; end: number }> } {
  const text = fs.readFileSync(file, 'utf8')
  return { name: path.basename(file), text, clutter: analyze({ format: 'txt', encoding: 'utf-8', text, blocks: [], warnings: [] }, checklist).clutter }
}

const excerpts = fs
  .readdirSync(path.join(CORPUS, 'excerpts'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => real(path.join(CORPUS, 'excerpts', f)))
const full = ['gekeng-2024.txt', 'xiaduopu-2020.txt', 'xincheng-2020.txt'].map((f) => real(path.join(CORPUS, 'reports', f)))
const batch = [...full, ...excerpts]
const asReports = (list: typeof batch, group = 0, offset = 0): BatchReport[] => list.map((r, i) => ({ text: r.text, clutter: r.clutter, group, learn: true, family: offset + i }))

describe('compareBatch', () => {
  it('learns the standard formulas from the batch; different reports then share next to nothing', async () => {
    const reports = asReports(batch)
    const all = reports.map((_, i) => i)
    const learnt = await compareBatch({ reports, pairs: [], searches: [{ members: all }], wording: [], excluded: [] }, pool)
    const phrases = learnt.learned[0]!.map((w) => w.normalized)
    expect(phrases.some((p) => p.includes('习近平新时代中国特色社会主义'))).toBe(true)
    expect(phrases.some((p) => p.includes('推进法治政府建设'))).toBe(true)
    // every phrase learnt is in many reports
    for (const w of learnt.learned[0]!) expect(w.reports).toBeGreaterThanOrEqual(4)

    const withList = await compareBatch({ reports, pairs: [], searches: [{ members: all }], wording: [...STANDARD_WORDING], excluded: [] }, pool)
    for (const p of withList.pairs.filter((x) => x.a < 3 && x.b < 3)) {
      expect(p.share).toBeLessThan(0.01)
      expect(p.otherShare).toBeLessThan(0.01)
    }
    // a learnt phrase the reviewer took off is not learnt again
    const off = learnt.learned[0]![0]!.normalized
    const without = await compareBatch({ reports, pairs: [], searches: [], wording: [], excluded: [off] }, pool)
    expect(without.learned[0]!.map((w) => w.normalized)).not.toContain(off)
  })

  it('learns each year from its own reports: adding another year changes nothing of this one', async () => {
    const thisYear = asReports(batch.slice(0, 20), 0)
    const shifted = (t: string) => t.replace(/20(\d\d)/g, (_, y: string) => `20${String(Number(y) - 1).padStart(2, '0')}`)
    const lastYear: BatchReport[] = batch.slice(0, 12).map((r, i) => ({ text: shifted(r.text), clutter: r.clutter, group: 1, learn: true, family: i }))
    const alone = await compareBatch({ reports: thisYear, pairs: [], searches: [{ members: thisYear.map((_, i) => i) }], wording: [...STANDARD_WORDING], excluded: [] }, pool)
    const reports = [...thisYear, ...lastYear]
    const together = await compareBatch(
      {
        reports,
        // each of this year's first twelve against its own report of last year
        pairs: lastYear.map((_, i) => ({ a: i, b: thisYear.length + i, otherYear: 2000 })),
        searches: [{ members: thisYear.map((_, i) => i) }, { members: lastYear.map((_, i) => thisYear.length + i) }],
        wording: [...STANDARD_WORDING],
        excluded: []
      },
      pool
    )
    expect(together.learned[0]).toEqual(alone.learned[0])
    const sameYear = (r: typeof alone) => r.pairs.filter((p) => !p.explicit && p.a < thisYear.length).map(({ a, b, share, otherShare, passages }) => ({ a, b, share, otherShare, passages }))
    expect(sameYear(together)).toEqual(sameYear(alone))
    expect(together.common.slice(0, thisYear.length)).toEqual(alone.common)
    // and last year's reports are what this year's carried over: all of it, the years aside
    const explicit = together.pairs.filter((p) => p.explicit)
    expect(explicit).toHaveLength(12)
    for (const p of explicit) expect(p.share).toBeGreaterThan(0.95)
  })

  it('never pairs the files of one submission, and searches across two sides only across', async () => {
    const g = full[0]!
    const reports: BatchReport[] = [
      { text: g.text, clutter: g.clutter, group: 0, learn: true, family: 0 },
      { text: g.text, clutter: g.clutter, group: 0, learn: false, family: 0 },
      { text: g.text.replace(/2024/g, '2025'), clutter: g.clutter, group: 0, learn: true, family: 1 },
      { text: g.text, clutter: g.clutter, group: 0, learn: true, family: 2 }
    ]
    const r = await compareBatch({ reports, pairs: [], searches: [{ members: [0, 1, 2, 3] }], wording: [], excluded: [] }, pool)
    const found = r.pairs.map((p) => [p.a, p.b].join('-')).sort()
    expect(found).toEqual(['0-2', '0-3', '1-2', '1-3', '2-3'])
    for (const p of r.pairs) expect(p.share).toBeGreaterThan(0.99)
    const across = await compareBatch({ reports, pairs: [], searches: [{ members: [0], across: [2, 3] }], wording: [], excluded: [] }, pool)
    expect(across.pairs.map((p) => [p.a, p.b].join('-')).sort()).toEqual(['0-2', '0-3'])
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(compareBatch({ reports: asReports(batch), pairs: [], searches: [], wording: [], excluded: [] }, pool, { signal: controller.signal })).rejects.toThrow(/cancelled/)
  })
})

// 「仍然导入」 through the services the window calls: documents refused as not annual reports (a 解读, a news
// item, a 工作要点 notice; real openings from tests/fixtures/corpus/excerpts2) are imported on purpose, one
// or all of a batch, each keeping the reason as a warning; nothing outside that batch's refusals is taken.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JobSnapshotOf } from '../../shared/models/job'
import { createParsePool } from '../pipeline/parse-pool'
import { createDispatcher } from '../ipc/dispatch'
import { createServices, type Services } from './create-services'

const EXCERPTS = path.resolve(import.meta.dirname, '../../../tests/fixtures/corpus/excerpts2')
const NOT_REPORTS = { '解读.txt': '009.txt', '新闻.txt': '047.txt', '工作要点.txt': '060.txt' }

let dir: string
let services: Services
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-anyway-'))
  fs.mkdirSync(path.join(dir, 'in'))
  for (const [name, src] of Object.entries(NOT_REPORTS)) fs.copyFileSync(path.join(EXCERPTS, src), path.join(dir, 'in', name))
  services = createServices({ projectFile: path.join(dir, 'p.raudit'), pool: (c) => createParsePool(c, { workerUrl: null }), grantedPaths: [path.join(dir, 'in')] })
})
afterEach(async () => {
  await services.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function finished(id: string): Promise<JobSnapshotOf<'import'>> {
  for (;;) {
    const j = (await services.api.jobs.list()).find((x) => x.id === id)!
    if (j.state !== 'running') return j as JobSnapshotOf<'import'>
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('imports.startNotReports', () => {
  it('imports one refused document, then the rest, each with the reason kept as a warning', async () => {
    const { api } = services
    const first = await finished((await api.imports.start([path.join(dir, 'in')])).id)
    const batch = first.result!.importId
    const refused = (await api.imports.summary(batch))!.outcomes
    expect(refused.map((o) => [path.basename(o.file), o.code]).sort()).toEqual([
      ['工作要点.txt', 'not-a-report'],
      ['新闻.txt', 'not-a-report'],
      ['解读.txt', 'not-a-report']
    ])

    const news = refused.find((o) => o.file.endsWith('新闻.txt'))!.file
    const one = await finished((await api.imports.startNotReports(batch, [news])).id)
    expect(one).toMatchObject({ state: 'done', total: 1, counts: { imported: 1, failed: 0 } })
    const [row] = await api.library.list()
    expect(row!.fileName).toBe('新闻.txt')
    expect((await api.review.open(row!.id)).warnings.join('')).toMatch(/不像法治政府建设年度报告：.*已按要求照常分析/)

    // all of the first batch's refusals: the one already in is a duplicate, the other two come in
    const all = await finished((await api.imports.startNotReports(batch, null)).id)
    expect(all).toMatchObject({ state: 'done', total: 3, counts: { imported: 2, duplicates: 1, failed: 0 } })
    expect((await api.library.list()).map((r) => r.fileName).sort()).toEqual(['工作要点.txt', '新闻.txt', '解读.txt'])
  })

  it('takes only what the batch refused, and says so in Chinese', async () => {
    const { api } = services
    const batch = (await finished((await api.imports.start([path.join(dir, 'in')])).id)).result!.importId
    await expect(api.imports.startNotReports(batch, [path.join(dir, 'p.raudit')])).rejects.toThrow(/不在这次导入被判为/)
    await expect(api.imports.startNotReports(batch + 1, null)).rejects.toThrow(/没有编号为/)
    const dispatch = createDispatcher(services.api)
    expect(await dispatch('imports:startNotReports', [batch, []])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('asks for a file chosen before the app started to be chosen again', async () => {
    const { api } = services
    const batch = (await finished((await api.imports.start([path.join(dir, 'in')])).id)).result!.importId
    await services.close()
    // the app started again: the project is the same, the reviewer's choice of the folder is gone
    services = createServices({ projectFile: path.join(dir, 'p.raudit'), pool: (c) => createParsePool(c, { workerUrl: null }) })
    await expect(services.api.imports.startNotReports(batch, null)).rejects.toThrow(/重新拖放或用“导入文件…”选择/)
  })
})

// 「从网址导入」 through the services the window calls: the roster units' report addresses fetched as one
// import job, each page going to its unit, the roster row and the workspace showing the page; no address
// on the roster is refused with the reason.
import fs from 'node:fs'
import type { JobSnapshotOf } from '../../shared/models/job'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createServices, type Services } from './create-services'
import { createParsePool } from '../pipeline/parse-pool'
import { createDispatcher } from '../ipc/dispatch'
import { startPageServer, type PageServer } from '../../../tests/helpers/page-server'

let dir: string
let services: Services
let server: PageServer

beforeAll(async () => {
  server = await startPageServer()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-urls-svc-'))
  services = createServices({
    projectFile: path.join(dir, 'p.raudit'),
    pool: (c) => createParsePool(c, { workerUrl: null }),
    fetch: { allowPrivateNetworks: true, hostDelayMs: 0, headersTimeoutMs: 500 }
  })
})
afterEach(async () => {
  await services.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function finished(id: string) {
  for (;;) {
    const j = (await services.api.jobs.list()).find((x) => x.id === id)!
    if (j.state !== 'running') return j
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('imports.startUnitPages', () => {
  it('fetches every roster unit\'s report address as one import job; the roster and the workspace show the page', async () => {
    const { api } = services
    await api.roster.saveUnit({ name: '葛坑镇', level: 'township', url: server.url('/gekeng.gbk.html') })
    await api.roster.saveUnit({ name: '新城镇', level: 'township', url: server.url('/missing.html') })
    await api.roster.saveUnit({ name: '夏铎铺镇', level: 'township' })
    await api.roster.updateSettings({ reviewYear: 2024 })
    const job = await finished((await api.imports.startUnitPages()).id)
    expect(job).toMatchObject({ kind: 'import', state: 'done', total: 2, counts: { fetched: 1, imported: 1, failed: 1 } })
    const summary = (await api.imports.summary((job as JobSnapshotOf<'import'>).result!.importId))!
    expect(summary.outcomes).toEqual([expect.objectContaining({ file: server.url('/missing.html'), code: 'http-error' })])

    const row = (await api.roster.get()).units.find((u) => u.unit === '葛坑镇')!
    expect(row).toMatchObject({ submitted: true, pageUrl: server.url('/gekeng.gbk.html'), pagePublished: '2025-02-28' })
    const detail = await api.review.open(row.reportId!)
    expect(detail.pages).toEqual([expect.objectContaining({ url: server.url('/gekeng.gbk.html'), lastModified: '2025-02-28T08:00:00.000Z', published: '2025-02-28' })])
  })

  it('says in Chinese when no unit has an address, and the window\'s call checks its arguments', async () => {
    await expect(services.api.imports.startUnitPages()).rejects.toThrow(/报告网址/)
    const dispatch = createDispatcher(services.api)
    const none = await dispatch('imports:startUrls', [[]])
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect((none as { error: { message: string } }).error.message).toMatch(/网址/)
  })
})

// The library list made again after a change from the rows the change touched (migration 13's stamps)
// equals the list made from scratch, after each of a mix of changes: imports, verdicts, notes, points,
// a unit picked for a waiting submission, a unit renamed, the deadline moved, a report removed.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { createServices, type Services } from './create-services'
import { createParsePool } from '../pipeline/parse-pool'
import type { Api } from '../../shared/ipc/contract'
import { NO_DIALOGS } from './workspace'
import { decodeLibraryList } from '../../shared/library-list'
import { LibraryService } from './library-service'

let dir: string
let services: Services
let api: Api
const F = (name: string) => path.join(CORPUS, 'formats', name)

async function importAndWait(paths: string[]) {
  const job = await api.imports.start(paths)
  for (;;) {
    const j = (await api.jobs.list()).find((x) => x.id === job.id)!
    if (j.state !== 'running') return j
    await new Promise((r) => setTimeout(r, 20))
  }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-libinc-'))
  services = createServices({ projectFile: path.join(dir, 'p.raudit'), dialogs: NO_DIALOGS, pool: (c) => createParsePool(c, { workerUrl: null }), grantedPaths: [CORPUS, dir] })
  api = services.api
})
afterEach(async () => {
  await services.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the library list after a change', () => {
  it('is the same made from the touched rows as made from scratch', async () => {
    const project = () => services.workspace.project
    /** The list the app serves (kept, then made again in part) against one made whole by a new service. */
    const same = async (what: string) => {
      const served = decodeLibraryList(await api.library.submissions())
      const whole = decodeLibraryList(await new LibraryService(services.workspace).submissions())
      expect(served, what).toEqual(whole)
      return served
    }
    await api.roster.importUnitsText('新城镇\t乡镇\n夏铎铺镇\t乡镇\t夏铎铺')
    await importAndWait([F('xincheng-2020.docx'), F('xiaduopu-2020.docx')])
    const first = await same('after the first import')
    expect(first).toHaveLength(2)
    const changes = () => project().db.prepare<[], { n: number }>('SELECT count(*) AS n FROM library_changes').get()!.n
    expect(changes()).toBeGreaterThan(0)

    await importAndWait([F('xincheng-2020.pdf'), F('gekeng-2024.docx')])
    const second = await same('after a second import: another format of one, a new submission')
    expect(second).toHaveLength(3)
    expect(second.find((r) => r.unit === '新城镇')).toMatchObject({ files: 2 })

    const xincheng = second.find((r) => r.unit === '新城镇')!.id
    await api.review.setItemVerdict(xincheng, 'leadership', 'missing', '未写明主要负责人职责')
    const afterVerdict = await same('after an item verdict')
    expect(afterVerdict.find((r) => r.id === xincheng)!.review).toBe('in-progress')

    const { text } = await api.review.open(xincheng)
    const start = text.indexOf('一是加强组织领导')
    const note = await api.review.addAnnotation(xincheng, { itemId: 'leadership', start: Math.max(0, start), end: Math.max(0, start) + 4 })
    await same('after a note')
    await api.review.deleteAnnotation(note.id)
    await same('after the note was deleted')
    await api.review.setOpinion(xincheng, '请补充法治督察情况。')
    await api.review.setOverall(xincheng, 'revise')
    const reviewed = await same('after the overall verdict')
    expect(reviewed.find((r) => r.id === xincheng)).toMatchObject({ review: 'reviewed', verdict: 'revise' })
    await api.grading.setPoints(xincheng, 'substance', 12, '数据不少，但多为投入')
    await same('after points set by the reviewer')

    const gekeng = reviewed.find((r) => r.issuer === '葛坑镇人民政府')!
    const unit = await api.roster.saveUnit({ name: '葛坑镇', level: 'township' })
    await api.roster.assign(gekeng.submissionId, unit.id)
    expect((await same('after a waiting submission got its unit')).find((r) => r.submissionId === gekeng.submissionId)?.unit).toBe('葛坑镇')
    await api.roster.saveUnit({ id: unit.id, name: '葛坑乡', level: 'township' })
    expect((await same('after the unit was renamed')).find((r) => r.submissionId === gekeng.submissionId)?.unit).toBe('葛坑乡')
    await api.roster.updateSettings({ publishBy: '02-01' })
    await same('after the deadline moved')

    // a report removed outright (as a crash's leftovers are): its submission's row goes or falls back
    project().db.prepare('DELETE FROM reports WHERE id = ?').run(gekeng.id)
    const removed = await same('after a report was removed')
    expect(removed.find((r) => r.submissionId === gekeng.submissionId)).toBeUndefined()
    expect(removed).toHaveLength(2)
  })

  it('is kept when nothing the rows show changed', async () => {
    await importAndWait([F('xincheng-2020.docx')])
    const a = await api.library.submissions()
    services.workspace.project.settings.set('letter.body', '某县司法局')
    expect(await api.library.submissions()).toBe(a)
  })
})

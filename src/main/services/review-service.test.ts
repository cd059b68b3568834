// The review services on a real project: verdicts, opinion, annotations, the append-only audit trail,
// checklist edits, and re-analysis that leaves the reviewer's work in place.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { createServices, type Services } from '../services/create-services'
import { createParsePool } from '../pipeline/parse-pool'
import type { Api } from '../../shared/ipc/contract'
import { decodeLibraryList } from '../../shared/library-list'

let dir: string
let services: Services
let api: Api

async function importSamples(): Promise<number[]> {
  const job = await api.imports.start([path.join(CORPUS, 'formats', 'gekeng-2024.docx'), path.join(CORPUS, 'formats', 'xincheng-2020.pdf')])
  await waitJob(job.id)
  // In the order of the files above: workers finish them in any order.
  return (await api.library.list()).sort((a, b) => a.fileName.localeCompare(b.fileName)).map((r) => r.id)
}

async function waitJob(id: string) {
  for (;;) {
    const j = (await api.jobs.list()).find((x) => x.id === id)!
    if (j.state !== 'running') return j
    await new Promise((r) => setTimeout(r, 20))
  }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-review-'))
  // The reports and the test's folder as if named on the command line (calls may use only chosen paths).
  services = createServices({ projectFile: path.join(dir, 'p.raudit'), pool: (c) => createParsePool(c, { workerUrl: null }), grantedPaths: [CORPUS, dir] })
  services.grants.grantFolder(dir)
  api = services.api
})
afterEach(async () => {
  await services.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('review', () => {
  it('records verdicts, the overall verdict and the opinion, each change in the audit trail with the reviewer', async () => {
    const [id] = await importSamples()
    await api.settings.update({ reviewerName: '张审核' })
    await api.review.setItemVerdict(id!, 'shortcomings', 'partial', '只列问题，未分析原因')
    await api.review.setItemVerdict(id!, 'shortcomings', 'missing', '没有原因分析')
    await api.review.setItemVerdict(id!, 'plans', 'meets', '')
    await api.review.setOverall(id!, 'revise')
    await api.review.setOpinion(id!, '请补充问题原因分析。')
    await api.review.setOpinion(id!, '请补充问题原因分析。') // no change, no entry
    const detail = await api.review.open(id!)
    expect(detail.verdicts).toEqual([
      expect.objectContaining({ itemId: 'plans', verdict: 'meets' }),
      expect.objectContaining({ itemId: 'shortcomings', verdict: 'missing', reason: '没有原因分析' })
    ])
    expect(detail.review).toMatchObject({ overall: 'revise', opinion: '请补充问题原因分析。' })
    // the detected status stands beside the verdict, untouched
    expect(detail.analysis.items.find((i) => i.id === 'shortcomings')!.status).toBe('partial') // no causes given
    const trail = await api.review.auditTrail(id!)
    expect(trail.map((e) => [e.action, e.target])).toEqual([
      ['item-verdict', 'shortcomings'],
      ['item-verdict', 'shortcomings'],
      ['item-verdict', 'plans'],
      ['overall', 'report'],
      ['opinion', 'report']
    ])
    expect(trail[1]).toMatchObject({ reviewer: '张审核', oldValue: JSON.stringify({ verdict: 'partial', reason: '只列问题，未分析原因' }), newValue: JSON.stringify({ verdict: 'missing', reason: '没有原因分析' }) })
    // nothing is ever removed from the trail
    expect(() => services.workspace.project.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect(() => services.workspace.project.db.prepare("UPDATE audit_log SET reviewer = 'x'").run()).toThrow(/append-only/)
    // clearing a verdict is recorded too
    await api.review.setItemVerdict(id!, 'plans', null, '')
    expect((await api.review.open(id!)).verdicts.map((v) => v.itemId)).toEqual(['shortcomings'])
    expect((await api.review.auditTrail(id!)).at(-1)).toMatchObject({ action: 'item-verdict', target: 'plans', newValue: null })
  })

  it('annotations: add from offsets, edit, delete, restore with the same id; each in the trail', async () => {
    const [id] = await importSamples()
    const { text } = await api.review.open(id!)
    const start = text.indexOf('一是加强组织领导')
    const a = await api.review.addAnnotation(id!, { itemId: 'leadership', start, end: start + 8, comment: '有具体措施' })
    expect(a).toMatchObject({ quote: '一是加强组织领导', itemId: 'leadership', anchored: true })
    expect(a.prefix.length).toBeGreaterThan(0)
    const edited = await api.review.updateAnnotation(a.id, { comment: '措施具体，有数据' })
    expect(edited.comment).toBe('措施具体，有数据')
    const deleted = await api.review.deleteAnnotation(a.id)
    expect((await api.review.open(id!)).annotations).toEqual([])
    const back = await api.review.restoreAnnotation(deleted.id, 'undo')
    expect(back).toMatchObject({ id: a.id, quote: '一是加强组织领导', comment: '措施具体，有数据' })
    const trail = await api.review.auditTrail(id!)
    expect(trail.map((e) => e.action)).toEqual(['annotation-add', 'annotation-edit', 'annotation-delete', 'annotation-restore'])
    expect(trail.map((e) => e.via)).toEqual([null, null, null, 'undo'])
    // only a deleted annotation can come back, and only as it was stored
    await expect(api.review.restoreAnnotation(a.id)).rejects.toThrow(/没有可恢复的批注/)
    await expect(api.review.restoreAnnotation(999_999)).rejects.toThrow(/没有可恢复的批注/)
    await expect(api.review.addAnnotation(id!, { itemId: 'leadership', start: text.length, end: text.length + 5 })).rejects.toThrow(/范围/)
  })

  it('an annotation whose offsets no longer hold is re-found by its quote and context', async () => {
    const [id] = await importSamples()
    const { text } = await api.review.open(id!)
    const start = text.indexOf('一是加强组织领导')
    const a = await api.review.addAnnotation(id!, { itemId: 'leadership', start, end: start + 8 })
    // simulate a stale anchor (as from an earlier version of the text)
    services.workspace.project.db.prepare('UPDATE annotations SET start = start + 40, end = end + 40 WHERE id = ?').run(a.id)
    const [placed] = (await api.review.open(id!)).annotations
    // the move is in the audit trail, made by the app, with the old and new place
    const moved = (await api.review.auditTrail(id!)).at(-1)!
    expect(moved).toMatchObject({ action: 'annotation-move', reviewer: '系统', target: String(a.id) })
    expect(JSON.parse(moved.newValue!)).toMatchObject({ start, end: start + 8 })
    expect(placed).toMatchObject({ start, end: start + 8, anchored: true })
  })
})

describe('checklists', () => {
  it('duplicates a bundled checklist, edits it, exports and imports it as JSON, and refuses invalid ones', async () => {
    const copy = await api.checklists.duplicate('default')
    expect(copy.id).toBe('default-copy')
    copy.items[0]!.name.zh = '党政主要负责人履职'
    copy.items[0]!.headings.push('第一责任人')
    const saved = await api.checklists.save(copy)
    expect(saved).toMatchObject({ id: 'default-copy', source: 'project', active: false })
    expect((await api.checklists.get('default-copy')).items[0]!.name.zh).toBe('党政主要负责人履职')
    expect((await api.checklists.get('default-copy')).version).toBe(1)
    await api.checklists.save({ ...copy, description: '第二次保存' })
    expect((await api.checklists.get('default-copy')).version).toBe(2)
    await expect(api.checklists.save({ ...copy, id: 'default' })).rejects.toThrow(/内置清单/)
    await expect(api.checklists.save({ ...copy, items: [] } as never)).rejects.toThrow(/审核项数值过小/)
    await expect(api.checklists.save({ ...copy, items: [{ ...copy.items[0]!, headings: ['(未闭合'] }] })).rejects.toThrow(/正则/)
    const json = await api.checklists.exportJson('default-copy')
    const imported = await api.checklists.importJson(json)
    expect(imported.id).toBe('default-copy-2')
    await expect(api.checklists.importJson('{不是 JSON')).rejects.toThrow(/JSON/)
    expect((await api.checklists.list()).map((c) => c.id)).toEqual(['default', 'statutory', 'default-copy', 'default-copy-2'])
    await api.checklists.remove('default-copy-2')
    await expect(api.checklists.remove('default')).rejects.toThrow(/内置/)
  })

  it('switching the checklist re-runs detection and leaves verdicts, annotations and the opinion in place', async () => {
    const ids = await importSamples()
    const id = ids[0]!
    const { text } = await api.review.open(id)
    await api.review.setItemVerdict(id, 'enforcement', 'meets', '执法数据齐全')
    await api.review.setOpinion(id, '总体符合要求。')
    const s = text.indexOf('一是加强组织领导')
    await api.review.addAnnotation(id, { itemId: 'leadership', start: s, end: s + 8 })
    const before = await api.review.open(id)

    const job = await api.checklists.activate('statutory')
    const done = await waitJob(job.id)
    expect(done).toMatchObject({ state: 'done', total: ids.length, done: ids.length, counts: { analyzed: ids.length, failed: 0 } })
    const after = await api.review.open(id)
    expect(after.analysis.checklistId).toBe('statutory')
    expect(after.analysis.items.map((i) => i.id)).toEqual(['measures', 'shortcomings', 'responsibility', 'plans', 'other'])
    expect(after.verdicts).toEqual(before.verdicts)
    expect(after.annotations).toEqual(before.annotations)
    expect(after.review).toEqual(before.review)
    expect((await api.library.list()).every((r) => r.checklistId === 'statutory')).toBe(true)
    expect((await api.checklists.list()).find((c) => c.active)!.id).toBe('statutory')
    // new imports use the project's checklist
    const more = await api.imports.start([path.join(CORPUS, 'formats', 'xiaduopu-2020.docx')])
    await waitJob(more.id)
    expect((await api.library.list()).map((r) => r.checklistId)).toEqual(['statutory', 'statutory', 'statutory'])
  })
})

describe('a corrected version imported again', () => {
  it('brings the verdicts and annotations over, re-finding each passage in the new text', async () => {
    const src = path.join(CORPUS, 'formats', 'gekeng-2024.gbk.txt')
    const first = await api.imports.start([src])
    await waitJob(first.id)
    const [oldId] = (await api.library.list()).map((r) => r.id)
    const { text } = await api.review.open(oldId!)
    const s = text.indexOf('一是加强组织领导')
    await api.review.addAnnotation(oldId!, { itemId: 'leadership', start: s, end: s + 8, comment: '具体' })
    const gone = text.indexOf('二是强化制度保证')
    await api.review.addAnnotation(oldId!, { itemId: 'leadership', start: gone, end: gone + 8 })
    const cut = text.indexOf('三是健全监督机制')
    await api.review.addAnnotation(oldId!, { itemId: 'leadership', start: cut, end: cut + 8 })
    await api.review.setItemVerdict(oldId!, 'shortcomings', 'partial', '原因分析不足')
    await api.review.setOverall(oldId!, 'revise')
    await api.review.setOpinion(oldId!, '请补充原因分析。')

    // The corrected version: a line added at the top, one passage rewritten, the sentence of another gone.
    const corrected = path.join(dir, '葛坑镇（修改稿）.txt')
    const old = new TextDecoder('gb18030').decode(fs.readFileSync(src))
    const sentence = /三是健全监督机制[^。]*。[^。]*。/.exec(old)![0]
    fs.writeFileSync(corrected, `按照县依法治县办审核意见修改。\n${old.replace('二是强化制度保证', '二是健全制度体系').replace(sentence, '')}`)
    const second = await api.imports.start([corrected])
    await waitJob(second.id)
    const newId = (await api.library.list()).map((r) => r.id).find((id) => id !== oldId)!

    expect(await api.review.versions(newId)).toEqual([expect.objectContaining({ id: oldId, annotations: 3, verdicts: 1 })])
    const r = await api.review.carryOver(oldId!, newId)
    expect(r).toEqual({ verdicts: 1, annotations: 2, overall: true, opinion: true, notFound: ['三是健全监督机制'] })
    const after = await api.review.open(newId)
    expect(after.review).toMatchObject({ overall: 'revise', opinion: '请补充原因分析。' })
    const [a, b] = after.annotations
    expect(after.text.slice(a!.start, a!.end)).toBe('一是加强组织领导')
    expect(a!.comment).toBe('具体')
    // the rewritten passage is found between its old neighbours
    expect(b!.quote).toBe('二是健全制度体系')
    expect(after.verdicts).toEqual([expect.objectContaining({ itemId: 'shortcomings', verdict: 'partial', reason: '原因分析不足' })])
    // doing it twice adds nothing, and what the new version already holds is never overwritten
    await api.review.setOpinion(newId, '新版本另有意见。')
    expect(await api.review.carryOver(oldId!, newId)).toMatchObject({ verdicts: 0, annotations: 0, overall: false, opinion: false })
    expect((await api.review.open(newId)).review.opinion).toBe('新版本另有意见。')
  })
})

describe('the reviewer\'s record is checked', () => {
  it('verdicts and annotations only on items of the project\'s checklist', async () => {
    const [id] = await importSamples()
    await expect(api.review.setItemVerdict(id!, 'no-such-item', 'meets', '')).rejects.toThrow(/没有审核项 no-such-item/)
    const { text } = await api.review.open(id!)
    await expect(api.review.addAnnotation(id!, { itemId: 'no-such-item', start: 0, end: 5 })).rejects.toThrow(/没有审核项/)
    expect(text.length).toBeGreaterThan(5)
    expect(await api.review.auditTrail(id!)).toEqual([])
  })

  it('an undo or redo is recorded as such in the audit trail', async () => {
    const [id] = await importSamples()
    await api.review.setOverall(id!, 'pass')
    await api.review.setOverall(id!, null, 'undo')
    await api.review.setOverall(id!, 'pass', 'redo')
    expect((await api.review.auditTrail(id!)).map((e) => [e.newValue, e.via])).toEqual([
      ['pass', null],
      [null, 'undo'],
      ['pass', 'redo']
    ])
  })
})

describe('checklists', () => {
  it('a duplicate is not kept until it is saved, so cancelling leaves nothing behind', async () => {
    const before = (await api.checklists.list()).map((c) => c.id)
    const copy = await api.checklists.duplicate('default')
    expect(copy.name.zh).toMatch(/（副本）$/)
    expect((await api.checklists.list()).map((c) => c.id)).toEqual(before)
    await api.checklists.save(copy)
    expect((await api.checklists.list()).map((c) => c.id)).toEqual([...before, copy.id])
  })
})

describe('jobs', () => {
  it('a running export holds the project: switching project is refused with the reason, and the export ends whole', async () => {
    await importSamples()
    const out = path.join(dir, 'out')
    const all = (await api.library.list()).map((r) => r.id)
    const submissions = decodeLibraryList(await api.library.submissions()).length
    // nothing reviewed yet: drafts, one letter per submission and format
    const job = await api.exports.reports({ reportIds: all, formats: ['docx', 'md', 'html'], dir: out, drafts: true })
    await expect(api.projects.create(path.join(dir, '另一个项目'))).rejects.toThrow(/正在导出/)
    await expect(api.imports.start([path.join(CORPUS, 'formats', 'xiaduopu-2020.docx')])).rejects.toThrow(/正在导出/)
    const done = await waitJob(job.id)
    expect(done.state).toBe('done')
    expect(done.kind === 'export' && done.result?.files.length).toBe(submissions * 3)
    // once it has finished the reviewer may switch
    expect((await api.projects.create(path.join(dir, '另一个项目'))).name).toBe('另一个项目')
  })

  it('every kind of job can be cancelled from the window', async () => {
    await importSamples()
    const job = await api.exports.reports({ reportIds: null, formats: ['docx'], dir: path.join(dir, 'out'), drafts: true })
    expect(await api.jobs.cancel(job.id)).toBe(true)
    expect((await waitJob(job.id)).state).toBe('cancelled')
  })
})

describe('projects', () => {
  it('the app starts again in the project it had open; a lost one falls back to the default', async () => {
    const settingsFile = path.join(dir, 'user', 'settings.json')
    const open = () => {
      const s = createServices({ projectFile: path.join(dir, 'default.raudit'), settingsFile, reopenLast: true, pool: (c) => createParsePool(c, { workerUrl: null }) })
      s.grants.grantFolder(dir)
      return s
    }
    let s = open()
    const other = await s.api.projects.create(path.join(dir, '第二个项目'))
    expect(other.name).toBe('第二个项目')
    await s.close()
    s = open()
    expect((await s.api.projects.current()).file).toBe(other.file)
    await s.close()
    fs.rmSync(other.file)
    s = open()
    expect((await s.api.projects.current()).isDefault).toBe(true)
    await s.close()
  })

  it('save a copy: refuses to overwrite, leaves the app in its project', async () => {
    await importSamples()
    const file = await api.projects.saveCopy(path.join(dir, '备份'))
    expect(file).toBe(path.join(dir, '备份.raudit'))
    expect((await api.projects.current()).file).toBe(path.join(dir, 'p.raudit'))
    await expect(api.projects.saveCopy(path.join(dir, '备份.raudit'))).rejects.toThrow(/已存在/)
  })
})

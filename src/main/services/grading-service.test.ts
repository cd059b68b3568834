// Graded review (集中评议) on a real project: the bundled rubric, the points the app proposes from the
// detection, the verdicts and the findings, the reviewer's points with a reason (audited), the total
// and grade in the library, rubrics edited, imported and switched like checklists.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { createServices, type Services } from './create-services'
import { createParsePool } from '../pipeline/parse-pool'
import type { Api } from '../../shared/ipc/contract'
import type { ScoreSheet } from '../../shared/models/rubric'
import { decodeLibraryList } from '../../shared/library-list'

let dir: string
let services: Services
let api: Api
let xincheng: number
let xiaduopu: number

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-grading-'))
  services = createServices({ projectFile: path.join(dir, 'p.raudit'), pool: (c) => createParsePool(c, { workerUrl: null }), grantedPaths: [CORPUS, dir] })
  api = services.api
  await api.settings.update({ reviewerName: '钱评议' })
  await api.roster.updateSettings({ reviewYear: 2020 })
  await api.roster.importUnitsText('新城镇\t乡镇\n夏铎铺镇\t乡镇\t夏铎铺')
  const job = await api.imports.start([path.join(CORPUS, 'formats', 'xincheng-2020.pdf'), path.join(CORPUS, 'formats', 'xiaduopu-2020.docx')])
  for (;;) {
    const j = (await api.jobs.list()).find((x) => x.id === job.id)!
    if (j.state !== 'running') break
    await new Promise((r) => setTimeout(r, 20))
  }
  const rows = decodeLibraryList(await api.library.submissions())
  xincheng = rows.find((r) => r.unit === '新城镇')!.id
  xiaduopu = rows.find((r) => r.unit === '夏铎铺镇')!.id
})

afterEach(async () => {
  await services.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const aspect = (s: ScoreSheet, id: string) => s.aspects.find((a) => a.id === id)!

describe('the score sheet', () => {
  it('proposes points per aspect from the report, and the total is their sum, graded by the bands', async () => {
    expect(await api.grading.rubrics()).toEqual([{ id: 'default', name: expect.objectContaining({ zh: '年度报告集中评议评分表' }), source: 'bundled', active: true, max: 100 }])
    const s = await api.grading.sheet(xincheng)
    expect(s.aspects.map((a) => a.name)).toEqual(['要素齐全', '内容翔实有数据', '不足和原因具体', '下一年安排具体', '按时公开', '格式规范'])
    expect(s.max).toBe(100)
    expect(s.proposed).toBe(true)
    // 新城镇 published 43 days late: past the 30 days after which timeliness earns nothing
    expect(aspect(s, 'timely')).toMatchObject({ proposed: 0, points: 0, why: expect.stringContaining('逾期 43 天') })
    // its shortcomings list problems without causes (corpus label): the aspect is halved
    expect(aspect(s, 'causes').why).toContain('未分析原因')
    expect(aspect(s, 'causes').proposed).toBeLessThanOrEqual(7.5)
    expect(s.total).toBe(s.aspects.reduce((t, a) => t + a.points, 0))
    const grade = s.total >= 90 ? 'excellent' : s.total >= 75 ? 'good' : s.total >= 60 ? 'fair' : 'poor'
    expect(s.grade).toBe(grade)
    // 夏铎铺镇 was published on time
    expect(aspect(await api.grading.sheet(xiaduopu), 'timely')).toMatchObject({ proposed: 10, points: 10 })
  })

  it('follows the reviewer’s verdicts: an item ruled missing takes its points away', async () => {
    const before = aspect(await api.grading.sheet(xiaduopu), 'plans')
    expect(before.proposed).toBeGreaterThan(0)
    await api.review.setItemVerdict(xiaduopu, 'plans', 'missing', '只有一句话')
    const after = aspect(await api.grading.sheet(xiaduopu), 'plans')
    expect(after).toMatchObject({ proposed: 0, why: expect.stringContaining('审核结论') })
  })
})

describe('the reviewer’s points', () => {
  it('need a reason, stay within the maximum in half points, are audited, and show in the library', async () => {
    await expect(api.grading.setPoints(xincheng, 'substance', 12, '  ')).rejects.toThrow('请写明调整「内容翔实有数据」得分的理由')
    await expect(api.grading.setPoints(xincheng, 'substance', 21, '很好')).rejects.toThrow('满分 20 分')
    await expect(api.grading.setPoints(xincheng, 'substance', 12.3, '很好')).rejects.toThrow('0.5 分')
    await expect(api.grading.setPoints(xincheng, 'nothing', 1, '很好')).rejects.toThrow('没有评分项 nothing')
    const s = await api.grading.setPoints(xincheng, 'substance', 12, '数据不少，但多为投入，缺少成效')
    expect(aspect(s, 'substance')).toMatchObject({ points: 12, adjusted: { points: 12, reason: '数据不少，但多为投入，缺少成效' } })
    expect(s.proposed).toBe(false)
    const audit = (await api.review.auditTrail(xincheng)).filter((a) => a.action === 'score')
    expect(audit).toEqual([expect.objectContaining({ reviewer: '钱评议', target: 'substance', oldValue: null, newValue: JSON.stringify({ points: 12, reason: '数据不少，但多为投入，缺少成效' }) })])
    const row = decodeLibraryList(await api.library.submissions()).find((r) => r.id === xincheng)!
    expect(row).toMatchObject({ score: s.total, grade: s.grade, scoreProposed: false })
    // back to the proposal: audited too
    const cleared = await api.grading.setPoints(xincheng, 'substance', null, '')
    expect(aspect(cleared, 'substance').adjusted).toBeNull()
    expect(aspect(cleared, 'substance').points).toBe(aspect(cleared, 'substance').proposed)
    expect((await api.review.auditTrail(xincheng)).filter((a) => a.action === 'score').at(-1)).toMatchObject({ newValue: null })
  })

  it('an overall verdict makes the score the reviewer’s, and a corrected version takes the points over', async () => {
    await api.review.setOverall(xiaduopu, 'pass')
    expect(decodeLibraryList(await api.library.submissions()).find((r) => r.id === xiaduopu)!.scoreProposed).toBe(false)
    await api.grading.setPoints(xincheng, 'format', 5, '标题不规范')
    const r = await api.review.carryOver(xincheng, xiaduopu)
    expect(r.verdicts).toBe(0)
    expect(aspect(await api.grading.sheet(xiaduopu), 'format').adjusted).toMatchObject({ points: 5, reason: '标题不规范' })
  })
})

describe('rubrics as data', () => {
  it('are duplicated, edited, saved, activated, exported and imported like checklists; bad ones are refused with the field named', async () => {
    const copy = await api.grading.duplicate('default')
    expect(copy.id).toBe('default-copy')
    copy.aspects = copy.aspects.filter((a) => a.id !== 'format')
    copy.aspects.find((a) => a.id === 'timely')!.max = 20
    copy.grades = { excellent: 85, good: 70, fair: 55, poor: 0 }
    await expect(api.grading.save({ ...copy, id: 'default' })).rejects.toThrow('内置评分表')
    await api.grading.save(copy)
    await api.grading.activate('default-copy')
    const s = await api.grading.sheet(xiaduopu)
    expect(s.rubricId).toBe('default-copy')
    expect(s.aspects.map((a) => a.id)).not.toContain('format')
    expect(aspect(s, 'timely')).toMatchObject({ max: 20, proposed: 20 })
    await expect(api.grading.remove('default-copy')).rejects.toThrow('正在使用')

    const bad = { ...copy, id: 'bad', grades: { excellent: 60, good: 70, fair: 55, poor: 0 } }
    await expect(api.grading.save(bad)).rejects.toThrow('等次分数线')
    const badAspect = { ...copy, id: 'bad', aspects: [{ ...copy.aspects[0]!, max: -1 }] }
    await expect(api.grading.save(badAspect)).rejects.toThrow(/第 1 个评分项「要素齐全」的满分/)

    const json = await api.grading.exportJson('default-copy')
    const imported = await api.grading.importJson(json)
    expect(imported.id).toBe('default-copy-2')
    expect(imported.aspects).toEqual(JSON.parse(json).aspects)
    expect((await api.grading.rubrics()).map((r) => [r.id, r.source, r.active])).toEqual([
      ['default', 'bundled', false],
      ['default-copy', 'project', true],
      ['default-copy-2', 'project', false]
    ])
    await expect(api.grading.importJson('{"id":')).rejects.toThrow('不是有效的 JSON')
  })
})

// Drafting help: the opinion made from the verdicts and findings in the checklist's standard phrases
// (edited with the checklist, exported and imported with it, old files still valid), and the same
// verdict or phrase set on several reports at once from the library, every change audited.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { batchRow } from '../../../tests/helpers/batch-row'
import { createServices, type Services } from './create-services'
import { createParsePool } from '../pipeline/parse-pool'
import type { Api } from '../../shared/ipc/contract'
import { loadChecklist } from '../store/checklist-files'
import { draftOpinion, problemSentences, requirementSentences, selfName, type DraftInput } from '../exporters/wording'
import { escMd } from '../exporters/markdown'
import { letterFileName } from '../exporters/model'
import { titleLines } from '../exporters/docx-kit'
import { noticeText } from '../exporters/notice'
import type { Batch, BatchRow } from '../exporters/model'

let dir: string
let services: Services
let api: Api
let xincheng: number
let xiaduopu: number

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-draft-'))
  services = createServices({ projectFile: path.join(dir, 'p.raudit'), pool: (c) => createParsePool(c, { workerUrl: null }), grantedPaths: [CORPUS, dir] })
  api = services.api
  await api.settings.update({ reviewerName: '孙起草' })
  await api.exports.updateLetterSettings({ body: '某某县人民政府依法治县办公室', correctBy: null })
  const job = await api.imports.start([path.join(CORPUS, 'formats', 'xincheng-2020.pdf'), path.join(CORPUS, 'formats', 'xiaduopu-2020.docx')])
  for (;;) {
    const j = (await api.jobs.list()).find((x) => x.id === job.id)!
    if (j.state !== 'running') break
    await new Promise((r) => setTimeout(r, 20))
  }
  const rows = await api.library.list()
  xincheng = rows.find((r) => r.fileName === 'xincheng-2020.pdf')!.id
  xiaduopu = rows.find((r) => r.fileName === 'xiaduopu-2020.docx')!.id
}, 60_000)

afterAll(async () => {
  await services.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const base: DraftInput = {
  items: [
    { id: 'a', name: '组织领导', scope: 'work', optional: false, verdict: null, detected: 'present', reason: '' },
    { id: 'b', name: '存在的不足和原因', scope: 'shortcomings', optional: false, verdict: 'partial', detected: 'present', reason: '只列举问题' },
    { id: 'c', name: '其他事项', scope: 'other', optional: true, verdict: null, detected: 'missing', reason: '' }
  ],
  findings: [
    { code: 'late-publication', name: '逾期公开', message: '发布日期 2021-05-14 晚于 2021-04-01 的公开期限（逾期 43 天）。' },
    { code: 'no-causes', name: '未分析原因', message: '没有分析原因。' },
    { code: 'something-new', name: '新的问题', message: '检测器的原话。' }
  ],
  published: '2021-05-14',
  deadline: '2021-04-01',
  daysLate: 43,
  overall: 'revise',
  correctBy: '2021-06-30',
  body: '某某县司法局'
}

describe('the opinion draft (pure)', () => {
  it('says each shortfall once, in plain sentences: items (not optional ones), then findings, with dates in Chinese', () => {
    expect(problemSentences(base)).toEqual([
      '报告“存在的不足和原因”方面的内容不够具体、充实。只列举问题。',
      // no-causes is about the shortcomings already named above: not said twice
      '报告于2021年5月14日公开，晚于2021年4月1日的公开期限，逾期43天。',
      '检测器的原话。'
    ])
  })

  it('asks for the correction by the date set, or within 15 working days, and for publication on time when late', () => {
    expect(requirementSentences(base, 2)[0]).toContain('于2021年6月30日前将修改后的报告报送我局')
    expect(requirementSentences({ ...base, correctBy: null, body: '县委依法治县办' }, 2)[0]).toContain('于收到本意见之日起15个工作日内将修改后的报告报送我办')
    expect(requirementSentences({ ...base, overall: 'pass' }, 2)[0]).toBe('请在今后的年度报告编制工作中注意改进上述问题。')
    expect(requirementSentences({ ...base, findings: [], daysLate: 0 }, 1)).toHaveLength(1)
    const text = draftOpinion(base)
    expect(text.split('\n')[0]).toBe('一、存在的问题')
    expect(text).toContain('（一）报告“存在的不足和原因”')
    expect(text).toContain('二、整改要求')
    expect(draftOpinion({ ...base, items: [], findings: [], overall: 'pass', daysLate: 0 })).toBe('报告内容完整，未发现需要修改的问题。\n请继续做好法治政府建设年度报告的编制和公开工作。')
    expect(draftOpinion({ ...base, overall: 'pass' }).split('\n').filter((l) => /^[一二]、/.test(l))).toEqual(['一、需要改进的问题', '二、改进要求'])
  })

  it('breaks a long title between its phrases, the upper line the longer, each within a line of 二号', () => {
    expect(titleLines(['关于', '夏铎铺镇', '2020年度', '法治政府建设', '情况报告', '的审核意见'])).toEqual(['关于夏铎铺镇2020年度法治政府建设', '情况报告的审核意见'])
    expect(titleLines(['关于', '2020年度', '法治政府建设年度报告', '报送和审核情况', '的通报'])).toEqual(['关于2020年度法治政府建设年度报告', '报送和审核情况的通报'])
    expect(titleLines(['关于', '镇', '的审核意见'])).toEqual(['关于镇的审核意见'])
  })

  it('names the body as it calls itself, escapes Markdown, and makes file names safe', () => {
    expect(['某某县司法局', '县委依法治县办公室', '市委全面依法治市委员会', '某单位'].map(selfName)).toEqual(['我局', '我办', '我委', '我单位'])
    expect(escMd('# 标题 <b>x</b> [链接](y) *强调*')).toBe('\\# 标题 &lt;b&gt;x&lt;/b&gt; \\[链接\\](y) \\*强调\\*')
    expect(letterFileName({ unit: '葛坑镇\t/人民政府\u0007:', year: 2024, draft: false }, 'docx')).toBe('葛坑镇_人民政府_-2024-审核意见.docx')
  })
})

describe('the 通报 (pure)', () => {
  it('praises the units with a clean report on time, then names the missing, the late and the common problems, then asks', () => {
    const checklist = loadChecklist('default')
    const row = (unit: string, over: Partial<BatchRow>): BatchRow => batchRow(checklist, unit, 'pass', over)
    const b: Batch = {
      year: 2020,
      body: '某某县司法局',
      date: '2021年4月20日',
      deadline: '2021-04-01',
      checklist,
      rubric: null,
      notice: '',
      rows: [
        row('甲镇', {}),
        row('乙镇', { state: 'missing', reportId: null, overall: null, review: 'unreviewed', published: null, daysLate: null }),
        row('丙街道', { daysLate: 12, published: '2021-04-13', overall: 'revise', findings: [{ code: 'no-causes', name: '未分析原因' }] }),
        row('丁镇', { overall: 'revise', findings: [{ code: 'no-causes', name: '未分析原因' }] })
      ]
    }
    const t = noticeText(b, { correctBy: null })
    expect(t.addressee).toBe('各乡镇人民政府、街道办事处')
    expect(t.lines.filter((l) => l.kind !== 'p').map((l) => l.text)).toEqual(['一、基本情况', '二、表现较好的单位', '三、存在的问题', '（一）未按要求报送', '（二）未按时公开', '（三）报告内容不够规范', '四、工作要求'])
    const text = t.lines.map((l) => l.text).join('\n')
    expect(text).toContain('应报送年度报告的4家单位中，已报送3家，报送率75%')
    expect(text).toContain('甲镇的年度报告要素齐全')
    expect(text).toContain('截至2021年4月20日，乙镇未报送年度报告。')
    expect(text).toContain('丙街道（逾期12天）未在2021年4月1日前向社会公开年度报告。')
    expect(text).toContain('1．只列举存在的问题，未分析产生问题的原因，涉及2家单位（丙街道、丁镇）。')
    expect(text).not.toContain('系统检测结果') // every report reviewed
  })
})

describe('「根据审核结果生成草稿」', () => {
  it('fills the opinion from the verdicts and findings in the checklist’s own phrases, and a reviewer’s edited phrase wins', async () => {
    await api.review.setItemVerdict(xincheng, 'enforcement', 'missing', '未写执法')
    const draft = await api.review.draftOpinion(xincheng)
    expect(draft).toContain('报告未反映行政执法工作情况。未写执法。') // the default checklist's phrase, then the reason
    expect(draft).toContain('逾期43天') // 新城镇 was published late (corpus label)
    expect(draft).toContain('于收到本意见之日起15个工作日内将修改后的报告报送我办')
    // nothing saved until the reviewer saves it
    expect((await api.review.open(xincheng)).review.opinion).toBe('')

    // the reviewer's phrase, in a copy of the checklist
    const copy = await api.checklists.duplicate('default')
    copy.items.find((i) => i.id === 'enforcement')!.phrases = { missing: '报告没有反映{item}工作，请补充全年执法数据。' }
    copy.phrases = { findings: { 'late-publication': '未按期公开（{published}公开，逾期{days}天）。' } }
    await api.checklists.save(copy)
    const job = await api.checklists.activate(copy.id)
    for (;;) {
      const j = (await api.jobs.list()).find((x) => x.id === job.id)!
      if (j.state !== 'running') break
      await new Promise((r) => setTimeout(r, 20))
    }
    const mine = await api.review.draftOpinion(xincheng)
    expect(mine).toContain('报告没有反映行政执法工作，请补充全年执法数据。未写执法。')
    expect(mine).toContain('未按期公开（2021年5月14日公开，逾期43天）。')
    await api.checklists.activate('default')
  })

  it('phrases travel with the checklist as JSON; a checklist file without them still loads; a bad one is named', async () => {
    const copy = await api.checklists.duplicate('default')
    copy.items[0]!.phrases = { partial: '{item}写得太简单。' }
    const json = JSON.stringify(copy)
    const imported = await api.checklists.importJson(json)
    expect(imported.items[0]!.phrases).toEqual({ partial: '{item}写得太简单。' })
    expect(JSON.parse(await api.checklists.exportJson(imported.id)).items[0].phrases).toEqual({ partial: '{item}写得太简单。' })
    // an older file: no phrases anywhere
    const old = structuredClone(loadChecklist('default'))
    delete old.phrases
    for (const i of old.items) delete i.phrases
    expect((await api.checklists.importJson(JSON.stringify(old))).items[0]!.phrases).toBeUndefined()
    const bad = structuredClone(copy)
    bad.items[0]!.phrases = { missing: '   ' }
    await expect(api.checklists.importJson(JSON.stringify(bad))).rejects.toThrow(/第 1 项「组织领导（第一责任人职责）」的“缺失”时的用语/)
  })
})

describe('the same verdict or phrase on several reports', () => {
  it('sets them in one go, audits each change, and never adds a phrase twice', async () => {
    const phrase = '请在报告中补充行政复议和行政应诉的情况。'
    const r = await api.review.bulk({ reportIds: [xincheng, xiaduopu], overall: 'revise', item: { itemId: 'plans', verdict: 'partial', reason: '安排笼统' }, appendPhrase: phrase })
    expect(r).toEqual({ changed: 2, skipped: [] })
    for (const id of [xincheng, xiaduopu]) {
      const d = await api.review.open(id)
      expect(d.review.overall).toBe('revise')
      expect(d.verdicts.find((v) => v.itemId === 'plans')).toMatchObject({ verdict: 'partial', reason: '安排笼统' })
      expect(d.review.opinion.split('\n').at(-1)).toBe(phrase)
      const actions = (await api.review.auditTrail(id)).map((a) => a.action)
      expect(actions.slice(-3)).toEqual(['overall', 'item-verdict', 'opinion'])
    }
    const again = await api.review.bulk({ reportIds: [xincheng, 999_999], appendPhrase: phrase })
    expect(again.changed).toBe(0)
    expect(again.skipped).toEqual([
      { reportId: xincheng, reason: '审核意见中已有这句用语。' },
      { reportId: 999_999, reason: '项目中没有编号为 999999 的报告。' }
    ])
    await expect(api.review.bulk({ reportIds: [xincheng] })).rejects.toThrow('请选择要批量设置的结论或用语')
    await expect(api.review.bulk({ reportIds: [xincheng], item: { itemId: 'nothing', verdict: 'meets' } })).rejects.toThrow('没有审核项 nothing')
  })
})

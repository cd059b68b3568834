import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORPUS, corpusJson, fixture } from '../../../tests/helpers/fixtures'
import type { ExtractedDoc } from '../../shared/models/report'
import { readReport } from '../readers'
import { loadChecklist } from '../store/checklist-files'
import { analyze, completeness } from './analyze'
import { countFigures } from './findings'

const checklist = loadChecklist('default')
const statutory = loadChecklist('statutory')

function textDoc(text: string): ExtractedDoc {
  return { format: 'txt', encoding: 'utf-8', text, blocks: [], warnings: [] }
}

interface ReportLabel {
  file: string
  expected: Record<string, string[]>
  meta: Record<string, string | number | null>
}

describe('accuracy over the labelled corpus', () => {
  const reports = corpusJson<ReportLabel[]>('reports', 'labels.json')
  it.each(reports.map((r) => [r.file, r]))('%s: every item status and metadata field', async (file, label) => {
    const doc = await readReport(fixture('corpus', 'reports', file), file)
    const a = analyze(doc, checklist)
    for (const [id, allowed] of Object.entries(label.expected)) {
      expect(allowed, `${file} ${id}`).toContain(a.items.find((i) => i.id === id)!.status)
    }
    for (const [k, v] of Object.entries(label.meta)) expect((a.meta as unknown as Record<string, unknown>)[k], `${file} ${k}`).toBe(v)
  })

  const formats = corpusJson<Array<{ file: string; expected: Record<string, string[]> }>>('formats', 'labels.json')
  it.each(formats.map((f) => [f.file, f]))('%s: every label matches', async (file, label) => {
    const doc = await readReport(fixture('corpus', 'formats', file), file)
    const a = analyze(doc, checklist)
    for (const [id, allowed] of Object.entries(label.expected)) {
      expect(allowed, `${file} ${id}`).toContain(a.items.find((i) => i.id === id)!.status)
    }
  })

  it('excerpts: labelled clutter lines are set aside and visible headings are kept', async () => {
    const labels = corpusJson<Array<{ file: string; clutter_lines: string[]; headings_seen: string[] }>>('excerpts', 'labels.json')
    let clutterHit = 0
    let clutterTotal = 0
    for (const l of labels) {
      const doc = await readReport(fixture('corpus', 'excerpts', l.file), l.file)
      const a = analyze(doc, checklist)
      const inClutter = (s: number, e: number) => a.clutter.some((c) => c.start <= s && e <= c.end + 1)
      for (const line of l.clutter_lines) {
        const at = doc.text.indexOf(line.trim())
        if (at < 0) continue
        clutterTotal++
        if (inClutter(at, at + line.trim().length)) clutterHit++
      }
      for (const h of l.headings_seen) {
        const at = doc.text.indexOf(h)
        if (at >= 0) expect(inClutter(at, at + h.length), `${l.file} heading ${h}`).toBe(false)
      }
    }
    expect(clutterHit / clutterTotal).toBeGreaterThanOrEqual(0.9)
  })
})

describe('scope: evidence counts only from the year’s work', () => {
  const base = [
    '某镇2024年法治政府建设年度报告',
    '2024年,某镇坚持以习近平法治思想为指导,全面推进依法行政。现将有关情况报告如下:',
    '一、主要举措和成效',
    '(一)加强组织领导。镇党委、政府主要负责人切实履行推进法治建设第一责任人职责,成立法治建设领导小组,每季度专题研究法治工作3次。',
    '(二)规范行政执法。严格落实行政执法三项制度,全年办理行政处罚案件26件,组织执法人员培训4次。'
  ]
  const tail = [
    '二、存在的不足和原因',
    '一是普法针对性不强,法治宣传教育形式单一。原因主要是基层普法力量薄弱。',
    '三、下一步工作安排',
    '一是加强普法宣传,深入开展法治宣传教育,落实谁执法谁普法责任制,开展宪法宣传周活动。'
  ]
  it('publicity mentioned only in shortcomings and plans is not reported as done', () => {
    const a = analyze(textDoc([...base, ...tail].join('\n')), checklist)
    const item = (id: string) => a.items.find((i) => i.id === id)!
    expect(item('publicity').status).toBe('missing')
    expect(item('leadership').status).toBe('present')
    expect(item('enforcement').status).toBe('present')
    expect(item('shortcomings').status).toBe('present')
    expect(item('plans').status).toBe('present')
    // the same sentences in the work part do count
    const moved = analyze(textDoc([...base, '(三)深化普法宣传。深入开展法治宣传教育,落实谁执法谁普法责任制,开展宪法宣传周活动12场。', ...tail].join('\n')), checklist)
    expect(moved.items.find((i) => i.id === 'publicity')!.status).toBe('present')
  })

  it('evidence quotes are the original text at their offsets', () => {
    const text = [...base, ...tail].join('\n').replace(/,/g, '，').replace(/\(/g, '（').replace(/\)/g, '）')
    const a = analyze(textDoc(text), checklist)
    for (const item of a.items)
      for (const e of item.evidence) {
        expect(text.slice(e.start, e.end).replace(/\s+/g, ' ').trim().slice(0, 40)).toBe(e.quote.slice(0, 40))
      }
    expect(a.items.find((i) => i.id === 'leadership')!.evidence[0]!.heading).toBe('（一）加强组织领导')
  })

  it('finds causes when the shortcomings give them, and reports their absence otherwise', () => {
    const withCauses = analyze(textDoc([...base, ...tail].join('\n')), checklist)
    expect(withCauses.findings.map((f) => f.code)).not.toContain('no-causes')
    const without = analyze(textDoc([...base, '二、存在的问题', '一是普法针对性不强。二是执法人员数量不足,素质有待提高。', ...tail.slice(2)].join('\n')), checklist)
    expect(without.findings.map((f) => f.code)).toContain('no-causes')
  })

  it('reads the statutory checklist', () => {
    const a = analyze(textDoc([...base, ...tail].join('\n')), statutory)
    expect(a.items.map((i) => [i.id, i.status])).toEqual([
      ['measures', 'present'],
      ['shortcomings', 'present'],
      ['responsibility', 'present'],
      ['plans', 'present'],
      ['other', 'none']
    ])
  })
})

describe('findings', () => {
  it('late publication, few figures and year mismatch on real reports', async () => {
    const xincheng = analyze(await readReport(fixture('corpus', 'reports', 'xincheng-2020.txt'), 'x.txt'), checklist)
    expect(xincheng.findings.find((f) => f.code === 'late-publication')?.message).toContain('43 天')
    const thin = analyze(
      textDoc(['某乡2023年法治政府建设工作报告', '发布时间:2023-06-01', '一、主要成效', '我乡高度重视法治建设,依法行政水平不断提升,普法工作扎实开展,执法规范化水平持续提高。', '二、存在的问题', '部分干部法治意识有待加强,执法人员数量不足。', '三、2024年工作打算', '继续推进法治政府建设。'].join('\n')),
      checklist
    )
    expect(thin.findings.map((f) => f.code).sort()).toEqual(['few-figures', 'no-causes', 'year-mismatch'])
    const late = analyze(textDoc(['某乡2023年法治政府建设工作报告', '发布时间:2024-04-11'].join('\n') + '\n' + fs.readFileSync(path.join(CORPUS, 'reports', 'gekeng-2024.txt'), 'utf8').split('\n').slice(6).join('\n')), checklist)
    expect(late.findings.find((f) => f.code === 'late-publication')?.message).toContain('10 天')
  })

  it.each([
    ['调解矛盾纠纷368件,参训人员1200余人次,办结率100%', 3],
    ['2020年12月25日,第3次会议', 0],
    ['葛政〔2025〕11号', 0],
    ['发放宣传手册800余份,开展活动20余次', 2]
  ])('counts figures in %s', (text, n) => expect(countFigures(text).count).toBe(n))
})

describe('items and findings tell one story', () => {
  const head = ['某镇2024年法治政府建设年度报告', '一、主要举措和成效', '(一)加强组织领导。镇党委、政府主要负责人切实履行推进法治建设第一责任人职责,成立法治建设领导小组,专题研究法治工作3次。']
  const plans = ['三、下一步工作安排', '一是加强普法宣传,深入开展法治宣传教育,落实谁执法谁普法责任制。']
  const item = (a: ReturnType<typeof analyze>, id: string) => a.items.find((i) => i.id === id)!

  it('shortcomings without causes: the item is partial with the reason, beside the finding', () => {
    const a = analyze(textDoc([...head, '二、存在的问题', '一是普法针对性不强。二是执法人员数量不足,素质有待提高。', ...plans].join('\n')), checklist)
    expect(a.findings.map((f) => f.code)).toContain('no-causes')
    expect(item(a, 'shortcomings')).toMatchObject({ status: 'partial', reason: '只列举了问题，未分析原因' })
    expect(item(a, 'shortcomings').score).toBeLessThanOrEqual(0.5)
  })

  it('shortcomings with causes: present, and no finding', () => {
    const a = analyze(textDoc([...head, '二、存在的不足和原因', '一是普法针对性不强。原因主要是基层普法力量薄弱,专业人员不足。', ...plans].join('\n')), checklist)
    expect(a.findings.map((f) => f.code)).not.toContain('no-causes')
    expect(item(a, 'shortcomings').status).toBe('present')
    expect(item(a, 'shortcomings').reason).toBeUndefined()
  })

  it('causes given under their own subheading (「法治建设不足的原因」) count', () => {
    const a = analyze(
      textDoc([...head, '二、存在的不足和原因', '法治政府建设主要存在以下问题:', '(一)法治意识不强,对法治政府建设重视不够。', '法治建设不足的原因', '基层法治力量有限,专业人才短缺。', ...plans].join('\n')),
      checklist
    )
    expect(a.findings.map((f) => f.code)).not.toContain('no-causes')
    expect(item(a, 'shortcomings').status).toBe('present')
  })

  it('completeness is computed from the final item statuses', () => {
    const a = analyze(textDoc([...head, '二、存在的问题', '一是普法针对性不强。二是执法人员数量不足,素质有待提高。', ...plans].join('\n')), checklist)
    expect(a.completeness).toBe(completeness(a.items, checklist))
  })

  it('an optional item the report leaves out is none, never missing, and costs nothing', () => {
    const a = analyze(textDoc([...head, '二、存在的不足和原因', '一是普法针对性不强。原因主要是基层普法力量薄弱。', ...plans].join('\n')), statutory)
    expect(item(a, 'other').status).toBe('none')
    expect(a.items.filter((i) => i.status === 'missing').map((i) => i.id)).not.toContain('other')
    expect(a.completeness).toBe(completeness(a.items.filter((i) => i.id !== 'other'), { items: statutory.items.filter((i) => i.id !== 'other') }))
  })
})

describe('not a report', () => {
  it('refuses text that is clearly something else', () => {
    const a = analyze(textDoc('会议通知\n请各单位于下周一上午九点到三楼会议室参加季度工作例会。\n办公室'), checklist)
    expect(a.notReport).toMatch(/不像法治政府建设年度报告/)
    const b = analyze(textDoc('某县2023年政府信息公开工作年度报告\n依法依规做好政府信息公开工作,法治意识增强,依法行政。'), checklist)
    expect(b.notReport).toMatch(/政府信息公开/)
  })

  it('accepts every corpus report', async () => {
    for (const f of fs.readdirSync(path.join(CORPUS, 'reports')).filter((x) => x.endsWith('.txt'))) {
      expect(analyze(await readReport(fixture('corpus', 'reports', f), f), checklist).notReport).toBeNull()
    }
  })

  // All five not-reports of excerpts2 (a 解读, two news items, a 工作要点 notice, a 某县 template: 007 and 009
  // shaped the rules, 037, 047 and 060 were held out), and none of the 101 report openings.
  it('refuses every not-report of both excerpt sets with a reason, and no report', async () => {
    const refused: string[] = []
    const wrong: string[] = []
    for (const set of ['excerpts', 'excerpts2'] as const) {
      for (const l of corpusJson<Array<{ file: string; kind?: string }>>(set, 'labels.json')) {
        const reason = analyze(await readReport(fixture('corpus', set, l.file), l.file), checklist).notReport
        if (l.kind === 'not-report' && reason) refused.push(`${set}/${l.file}`)
        if ((l.kind === 'not-report') !== !!reason) wrong.push(`${set}/${l.file}: ${reason}`)
      }
    }
    expect(wrong).toEqual([])
    expect(refused).toEqual(['excerpts2/007.txt', 'excerpts2/009.txt', 'excerpts2/037.txt', 'excerpts2/047.txt', 'excerpts2/060.txt'])
  })
})

describe('completeness', () => {
  const items = (ids: string[], weights: number[], optional: boolean[] = []) => ({ items: ids.map((id, i) => ({ id, weight: weights[i]!, optional: optional[i] })) })
  const five = items(['a', 'b', 'c', 'd', 'e'], [1, 1, 1, 1, 1])
  it.each([
    ['all present', ['present', 'present', 'present', 'present', 'present'], five, 100],
    ['one missing', ['present', 'present', 'present', 'present', 'missing'], five, 80],
    ['one partial', ['present', 'present', 'present', 'present', 'partial'], five, 90],
    ['all missing', ['missing', 'missing', 'missing', 'missing', 'missing'], five, 0],
    ['weights count', ['present', 'missing'], items(['a', 'b'], [3, 1]), 75],
    ['an optional item missing costs nothing', ['present', 'missing'], items(['a', 'b'], [1, 0], [false, true]), 100],
    ['an optional item present never passes 100', ['present', 'present'], items(['a', 'b'], [1, 1], [false, true]), 100]
  ] as const)('%s', (_l, statuses, checklist, expected) => {
    const result = statuses.map((status, i) => ({ id: checklist.items[i]!.id, status }))
    expect(completeness(result, checklist)).toBe(expected)
  })
})

// GradingApi: graded review (集中评议). The rubrics, bundled and the project's own (edited, duplicated,
// imported, exported like checklists), a report's score sheet, and the reviewer's points per aspect,
// each with its reason and in the audit trail.

import { AppError } from '../../shared/errors'
import type { GradingApi } from '../../shared/ipc/contract'
import type { EditVia } from '../../shared/models/review'
import type { Rubric, RubricSummary, ScoreSheet } from '../../shared/models/rubric'
import { rubricMax } from '../domain/scoring'
import { bundledRubricIds, isBundledRubric, parseRubric } from '../store/rubric-files'
import { scoreSheet } from './review-documents'
import type { SettingsService } from './settings-service'
import type { Workspace } from './workspace'

export class GradingService implements GradingApi {
  constructor(
    private readonly ws: Workspace,
    private readonly settings: SettingsService
  ) {}

  private get project() {
    return this.ws.project
  }

  private summary(r: Rubric): RubricSummary {
    return { id: r.id, name: r.name, source: isBundledRubric(r.id) ? 'bundled' : 'project', active: r.id === this.project.activeRubric().id, max: rubricMax(r) }
  }

  private taken(): Set<string> {
    return new Set([...bundledRubricIds(), ...this.project.rubrics.ids()])
  }

  async rubrics(): Promise<RubricSummary[]> {
    const ids = [...bundledRubricIds(), ...this.project.rubrics.ids().filter((id) => !isBundledRubric(id))]
    return ids.map((id) => this.summary(this.project.rubric(id)))
  }

  async get(id: string): Promise<Rubric> {
    return this.project.rubric(id)
  }

  async save(value: unknown): Promise<RubricSummary> {
    const r = parseRubric(value, '（编辑中的评分表）')
    if (isBundledRubric(r.id)) throw new AppError('invalid-argument', `“${r.name.zh}”是内置评分表，不能直接修改：请先复制一份再编辑。`)
    const old = this.project.rubrics.json(r.id)
    const next = { ...r, version: old ? (JSON.parse(old) as Rubric).version + 1 : r.version }
    this.project.rubrics.save(r.id, JSON.stringify(next))
    return this.summary(next)
  }

  async duplicate(id: string): Promise<Rubric> {
    const src = this.project.rubric(id)
    const taken = this.taken()
    let n = 1
    while (taken.has(`${src.id}-copy${n > 1 ? n : ''}`)) n++
    return {
      ...structuredClone(src),
      id: `${src.id}-copy${n > 1 ? n : ''}`,
      name: { zh: `${src.name.zh}（副本${n > 1 ? n : ''}）`.slice(0, 40), en: `${src.name.en} (copy${n > 1 ? ` ${n}` : ''})`.slice(0, 80) },
      version: 1
    }
  }

  async remove(id: string): Promise<void> {
    if (isBundledRubric(id)) throw new AppError('invalid-argument', '内置评分表不能删除。')
    if (id === this.project.activeRubric().id) throw new AppError('invalid-argument', '正在使用的评分表不能删除：请先换用其他评分表。')
    this.project.rubrics.remove(id)
  }

  async importJson(text: string): Promise<Rubric> {
    let json: unknown
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch (e) {
      throw new AppError('invalid-argument', `不是有效的 JSON：${(e as Error).message}`)
    }
    const r = parseRubric(json, '导入的评分表')
    const taken = this.taken()
    let id = r.id
    for (let n = 2; taken.has(id); n++) id = `${r.id}-${n}`
    const saved = { ...r, id }
    this.project.rubrics.save(id, JSON.stringify(saved))
    return saved
  }

  async exportJson(id: string): Promise<string> {
    return `${JSON.stringify(this.project.rubric(id), null, 2)}\n`
  }

  async activate(id: string): Promise<RubricSummary> {
    const r = this.project.rubric(id)
    this.project.settings.set('rubricId', r.id)
    return this.summary(r)
  }

  async sheet(reportId: number): Promise<ScoreSheet> {
    const s = scoreSheet(this.project, reportId)
    if (!s) throw new AppError('not-found', `项目中没有编号为 ${reportId} 的报告。`)
    return s
  }

  async setPoints(reportId: number, aspectId: string, points: number | null, reason: string, via?: EditVia): Promise<ScoreSheet> {
    const before = await this.sheet(reportId)
    const aspect = before.aspects.find((a) => a.id === aspectId)
    if (!aspect) throw new AppError('invalid-argument', `评分表「${before.rubricName}」中没有评分项 ${aspectId}。`)
    if (points !== null) {
      if (points > aspect.max) throw new AppError('invalid-argument', `「${aspect.name}」满分 ${aspect.max} 分，不能给 ${points} 分。`)
      if (Math.round(points * 2) !== points * 2) throw new AppError('invalid-argument', '得分请以 0.5 分为单位。')
      if (!reason.trim()) throw new AppError('invalid-argument', `请写明调整「${aspect.name}」得分的理由。`)
    }
    this.project.reviews.setAspectScore(reportId, aspectId, points, points === null ? '' : reason.trim(), { reviewer: this.settings.reviewer(), via: via ?? null })
    return this.sheet(reportId)
  }
}

// RosterApi: the units that must report, the review year and its deadlines, who has reported, what
// waits to be attached to a unit, and the lists that leave the office (催报名单, the roster template).

import fs from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../../shared/errors'
import type { RosterApi } from '../../shared/ipc/contract'
import type { Roster, RosterCharts, RosterSettings, SubmissionFiles, Unit, UnitImportResult, UnitInput } from '../../shared/models/roster'
import { ZH } from '../../shared/labels'
import { batchFigures } from '../exporters/summary'
import { batchOf } from './review-documents'
import { levelFromName, unitsFromRows, type UnitRowInput } from '../domain/units'
import { chaserWorkbook, rosterTemplate } from '../exporters/roster-xlsx'
import { chineseDate } from '../exporters/model'
import { parseDelimited, readSheet } from '../readers/sheet'
import type { Project } from '../store/project'
import type { Workspace } from './workspace'

/** Adds or updates units from rows of a sheet; units already on the roster keep what the sheet leaves empty. */
export function importUnits(project: Project, read: { units: UnitRowInput[]; problems: Array<{ row: number; reason: string }> }): UnitImportResult {
  let added = 0
  let updated = 0
  const problems = [...read.problems]
  project.transaction(() => {
    for (const u of read.units) {
      const old = project.units.byName(u.name)
      const parentId = u.parent ? (project.units.byName(u.parent)?.id ?? null) : null
      if (u.parent && parentId === null) problems.push({ row: 0, reason: `「${u.name}」的上级单位「${u.parent}」不在名单中，已忽略` })
      if (old) {
        project.units.update(old.id, {
          name: u.name,
          level: u.level ?? old.level,
          aliases: [...new Set([...old.aliases, ...u.aliases])],
          parentId: parentId ?? old.parentId,
          contact: u.contact || old.contact,
          url: u.url ?? old.url
        })
        updated++
      } else {
        project.units.insert({ name: u.name, level: u.level, aliases: u.aliases, parentId, contact: u.contact, url: u.url })
        added++
      }
    }
  })
  const attached = project.submissions.reattach()
  return { added, updated, attached, problems }
}

export class RosterService implements RosterApi {
  constructor(private readonly ws: Workspace) {}

  private get project(): Project {
    return this.ws.project
  }

  async get(year?: number | null): Promise<Roster> {
    const settings = this.project.rosterSettings()
    return this.project.submissions.roster({ ...settings, reviewYear: year ?? settings.reviewYear })
  }

  async years(): Promise<number[]> {
    const years = new Set(this.project.submissions.years())
    years.add(this.project.rosterSettings().reviewYear)
    return [...years].sort((a, b) => b - a)
  }

  async settings(): Promise<RosterSettings> {
    return this.project.rosterSettings()
  }

  async updateSettings(patch: Partial<RosterSettings>): Promise<RosterSettings> {
    return this.project.setRosterSettings(patch)
  }

  async units(): Promise<Unit[]> {
    return this.project.units.list()
  }

  async saveUnit(unit: UnitInput & { id?: number }): Promise<Unit> {
    const input = { ...unit, level: unit.level === undefined ? levelFromName(unit.name) : unit.level }
    const id = this.project.transaction(() => {
      if (unit.id === undefined) return this.project.units.insert(input)
      this.project.units.update(unit.id, input)
      return unit.id
    })
    this.project.submissions.reattach()
    return this.project.units.get(id)!
  }

  async removeUnit(id: number): Promise<void> {
    this.project.units.remove(id)
  }

  async importUnitsText(text: string): Promise<UnitImportResult> {
    return importUnits(this.project, unitsFromRows(parseDelimited(text)))
  }

  private async importUnitsFile(file: string): Promise<UnitImportResult> {
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await fs.readFile(file))
    } catch {
      throw new AppError('io-error', `无法读取名单文件 ${path.basename(file)}。`)
    }
    const rows = await readSheet(bytes, path.basename(file))
    const read = unitsFromRows(rows, { needHeader: true })
    if (!read.units.length) throw new AppError('empty', `${path.basename(file)} 中没有找到单位名称：请在表头写“单位名称”（以及“层级”“别名”等）列名，或使用导出的名单模板。`)
    return importUnits(this.project, read)
  }

  async pickAndImportUnits(): Promise<UnitImportResult | null> {
    const file = await this.ws.dialogs.pickSheet()
    return file ? this.importUnitsFile(this.ws.grants.checkRead(file)) : null
  }

  /** Builds (or completes) the roster from the issuers of the submissions that wait for a unit. */
  async unitsFromIssuers(): Promise<UnitImportResult> {
    const roster = this.project.submissions.roster(this.project.rosterSettings())
    const names = new Map<string, UnitRowInput>()
    for (const u of roster.unassigned) {
      if (!u.issuer) continue
      const name = u.issuer.replace(/(?:人民政府|政府)$/, '').replace(/办事处$/, '') || u.issuer
      if (!names.has(name)) names.set(name, { name, level: levelFromName(u.issuer), aliases: name === u.issuer ? [] : [u.issuer], parent: null, contact: '', url: null })
    }
    return importUnits(this.project, { units: [...names.values()], problems: [] })
  }

  async pickAndExportTemplate(): Promise<string | null> {
    const picked = await this.ws.dialogs.pickSavePath('报送单位名单模板.xlsx', 'xlsx')
    if (!picked) return null
    const file = this.ws.grants.checkSave(picked, '.xlsx')
    await fs.writeFile(file, await rosterTemplate())
    return file
  }

  async assign(submissionId: number, unitId: number): Promise<void> {
    if (!this.project.units.get(unitId)) throw new AppError('not-found', `名单中没有编号为 ${unitId} 的单位。`)
    if (!this.project.submissions.files(submissionId)) throw new AppError('not-found', `没有编号为 ${submissionId} 的报送记录。`)
    this.project.submissions.assign(submissionId, unitId)
  }

  async submission(submissionId: number): Promise<SubmissionFiles> {
    const s = this.project.submissions.files(submissionId)
    if (!s) throw new AppError('not-found', `没有编号为 ${submissionId} 的报送记录。`)
    return s
  }

  async pickAndExportChaser(year?: number | null): Promise<string | null> {
    const roster = await this.get(year)
    const picked = await this.ws.dialogs.pickSavePath(`${roster.year}年度催报名单-${new Date().toISOString().slice(0, 10)}.xlsx`, 'xlsx')
    if (!picked) return null
    const file = this.ws.grants.checkSave(picked, '.xlsx')
    await fs.writeFile(file, await chaserWorkbook(roster, { body: this.project.letterSettings().body, date: chineseDate(new Date()) }))
    return file
  }

  async charts(year?: number | null): Promise<RosterCharts> {
    const b = batchOf(this.project, { year })
    const f = batchFigures(b)
    return {
      year: b.year,
      timeliness: [
        { key: 'on-time', label: '按时公开', count: f.onTime },
        { key: 'late-7', label: '逾期1～7天', count: f.lateBy.upTo7 },
        { key: 'late-30', label: '逾期8～30天', count: f.lateBy.upTo30 },
        { key: 'late-more', label: '逾期30天以上', count: f.lateBy.more },
        { key: 'unknown', label: '未见公开日期', count: f.unknownDate },
        { key: 'missing', label: '未报送', count: f.units - f.submitted }
      ],
      itemsFailed: f.items.map((i) => ({ id: i.id, name: i.name, count: i.failed, byReviewer: i.byReviewer })).sort((a, c) => c.count - a.count),
      grades: f.grades.map((g) => ({ grade: g.grade, label: g.grade ? ZH.grade[g.grade] : '未评分', count: g.count }))
    }
  }
}

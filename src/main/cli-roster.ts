// report-audit units and status: the roster of units from a sheet, and who has reported for a year.

import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { toErrorInfo } from '../shared/errors'
import { ZH } from '../shared/labels'
import type { Roster, ReviewState } from '../shared/models/roster'
import { displayWidth } from '../shared/text-width'
import { unitsFromRows } from './domain/units'
import { readSheet } from './readers/sheet'
import { importUnits } from './services/roster-service'
import { Project } from './store/project'

export interface CliIo {
  write(s: string): Promise<void>
  usageError(msg: string): number
  exit: { ok: number; someFailed: number; usage: number }
}

const REVIEW_ZH: Record<ReviewState, string> = { unreviewed: '未审', 'in-progress': '审核中', reviewed: '已审' }

function pad(s: string, width: number): string {
  let out = ''
  let w = 0
  for (const ch of s) {
    if (w + displayWidth(ch) > width - 1) {
      out += '…'
      w++
      break
    }
    out += ch
    w += displayWidth(ch)
  }
  return out + ' '.repeat(Math.max(0, width - w))
}

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 1000) / 10}%` : '—')

/** `report-audit units --project F --import units.xlsx|csv`: adds or updates the roster's units. */
export async function unitsCommand(argv: string[], io: CliIo): Promise<number> {
  let v
  try {
    v = parseArgs({ args: argv, allowPositionals: false, options: { project: { type: 'string' }, import: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values
  } catch (e) {
    return io.usageError((e as Error).message)
  }
  if (!v.project) return io.usageError('请用 --project 指定项目文件。')
  let project: Project
  try {
    project = Project.open(v.project)
  } catch (e) {
    return io.usageError(toErrorInfo(e).message)
  }
  try {
    if (v.import) {
      let bytes: Uint8Array
      try {
        bytes = new Uint8Array(await fs.readFile(v.import))
      } catch {
        return io.usageError(`无法读取名单文件 ${v.import}。`)
      }
      let result
      try {
        const read = unitsFromRows(await readSheet(bytes, path.basename(v.import)), { needHeader: true })
        if (!read.units.length) return io.usageError(`${path.basename(v.import)} 中没有找到单位名称：请在表头写“单位名称”（以及“层级”“别名”等）列名。`)
        result = importUnits(project, read)
      } catch (e) {
        return io.usageError(`${path.basename(v.import)}：${toErrorInfo(e).message}`)
      }
      if (v.json) await io.write(`${JSON.stringify(result, null, 2)}\n`)
      else {
        let out = `名单已导入：新增 ${result.added} 个单位，更新 ${result.updated} 个，${result.attached} 份待归属的报告找到了单位。\n`
        if (result.problems.length) out += `\n请检查：\n${result.problems.map((p) => `  ${p.row ? `第 ${p.row} 行：` : ''}${p.reason}`).join('\n')}\n`
        await io.write(out)
      }
      return io.exit.ok
    }
    const units = project.units.list()
    if (v.json) await io.write(`${JSON.stringify(units, null, 2)}\n`)
    else await io.write(units.length ? `${units.map((u) => `${pad(u.name, 24)}${pad(u.level ? ZH.levels[u.level] : '—', 14)}${u.aliases.join('、')}`).join('\n')}\n共 ${units.length} 个单位。\n` : '名单为空：用 --import 导入 Excel 或 CSV 名单。\n')
    return io.exit.ok
  } finally {
    project.close()
  }
}

/** The roster as the command prints it with --json: dates YYYY-MM-DD, review state and verdict in Chinese. */
export function statusJson(r: Roster): unknown {
  return {
    year: r.year,
    units: r.units.map((u) => ({
      unit: u.unit,
      level: u.level,
      submitted: u.submitted,
      files: u.files,
      versions: u.versions,
      received: u.received,
      published: u.published,
      daysLate: u.daysLate,
      review: REVIEW_ZH[u.review],
      verdict: u.verdict ? ZH.overall[u.verdict] : null,
      reviewer: u.reviewer
    })),
    unassigned: r.unassigned.flatMap((s) => s.files.map((f) => ({ file: f.fileName, issuer: s.issuer }))),
    figures: r.figures
  }
}

/** `report-audit status --project F [--year Y] [--json]`: each unit's submission, lateness and review. */
export async function statusCommand(argv: string[], io: CliIo): Promise<number> {
  let v
  try {
    v = parseArgs({ args: argv, allowPositionals: false, options: { project: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values
  } catch (e) {
    return io.usageError((e as Error).message)
  }
  if (!v.project) return io.usageError('请用 --project 指定项目文件。')
  const year = v.year === undefined ? undefined : Number(v.year)
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) return io.usageError('--year 需要四位年份，如 2024。')
  let project: Project
  try {
    project = Project.open(v.project, { create: false })
  } catch (e) {
    return io.usageError(toErrorInfo(e).message)
  }
  try {
    const settings = project.rosterSettings()
    const roster = project.submissions.roster({ ...settings, reviewYear: year ?? settings.reviewYear })
    if (v.json) {
      await io.write(`${JSON.stringify(statusJson(roster))}\n`)
      return io.exit.ok
    }
    const f = roster.figures
    const head = `${pad('单位', 22)}${pad('层级', 14)}${pad('报送', 8)}${pad('文件', 6)}${pad('版本', 6)}${pad('公开日期', 12)}${pad('逾期', 8)}${pad('审核', 8)}结论\n`
    const rows = roster.units.map(
      (u) =>
        `${pad(u.unit, 22)}${pad(u.level ? ZH.levels[u.level] : '—', 14)}${pad(u.submitted ? '已报送' : '未报送', 8)}${pad(u.submitted ? String(u.files) : '', 6)}${pad(u.submitted ? String(u.versions) : '', 6)}${pad(u.published ?? (u.submitted ? '未知' : ''), 12)}${pad(u.daysLate ? `${u.daysLate} 天` : u.daysLate === 0 ? '按时' : '', 8)}${pad(u.submitted ? REVIEW_ZH[u.review] : '', 8)}${u.verdict ? ZH.overall[u.verdict] : ''}`
    )
    let out = `${roster.year} 年度报送情况（公开期限 ${roster.year + 1}-${settings.publishBy}）\n\n${head}${rows.join('\n')}\n`
    if (!roster.units.length) out += '（名单为空：用 report-audit units --import 导入报送单位名单）\n'
    if (roster.unassigned.length) out += `\n待归属（未能确定报送单位的报告）：\n${roster.unassigned.flatMap((s) => s.files.map((x) => `  ${x.fileName}（${s.issuer ?? '未识别发布单位'}）`)).join('\n')}\n`
    out += `\n应报 ${f.units}，已报 ${f.submitted}（报送率 ${pct(f.submitted, f.units)}），按时公开 ${f.onTime}（按时公开率 ${pct(f.onTime, f.submitted)}），已审 ${f.reviewed} / ${f.submitted}，通过 ${f.passed}（通过率 ${pct(f.passed, f.reviewed)}）。\n`
    await io.write(out)
    return io.exit.ok
  } finally {
    project.close()
  }
}

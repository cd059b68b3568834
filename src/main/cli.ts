// report-audit: the command-line tool. Runs the same services as the app; never imports electron.

import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { CheckedReport } from '../shared/models/check'
import { toErrorInfo } from '../shared/errors'
import { createParsePool } from './pipeline/parse-pool'
import { loadChecklist } from './store/checklist-files'
import { collectFiles, notReadReports } from './pipeline/collect-files'
import { formatRow, formatHeader } from './cli-table'
import { importPaths, type ImportProgress } from './pipeline/import-files'
import { Project } from './store/project'
import type { ReportFormatOut } from '../shared/models/export'
import { signedBy } from './services/settings-service'
import { statusCommand, unitsCommand } from './cli-roster'

const USAGE = `用法 / Usage:
  report-audit check [--json] [--checklist ID|FILE] [--threads N] [--stats] PATH...
      检查报告文件或文件夹（递归），输出审核结果表；--json 输出一个 JSON 文档。
  report-audit import --project FILE [--checklist ID|FILE] [--threads N] [--json] PATH...
      把报告导入项目文件（不存在则新建）：内容相同的文件只导入一次；输出导入、重复、失败的数量和每个失败文件的原因。
  report-audit export --project FILE [--year YYYY] [--body 审核机关名称] [--date YYYY-MM-DD]
                     [--xlsx OUT.xlsx] [--csv OUT.csv] [--notice OUT.docx] [--json OUT.json]
                     [--docx DIR [--drafts] [--appendix]] [--md DIR] [--html DIR] [--report ID]... [--reviewer 姓名]
      导出要发出的文件：按当年报送名单的审核情况汇总表（Excel、CSV，未报送的单位也列出）、情况通报（Word）、
      每个单位的审核意见（Word、Markdown、HTML，文件名如“葛坑镇-2024-审核意见.docx”）和审核数据（JSON）。
      审核意见只为已审核（已给出总体结论）的报告生成；--drafts 为所有已报送的报告生成，未审核的标“初审稿”；
      --appendix 附上审核工作底稿。--year 默认为项目的审核年度；--report 只导出这些报告所在的单位。
  report-audit units --project FILE [--import UNITS.xlsx|csv] [--json]
      导入或列出报送单位名单（列：单位名称、层级、别名；别名可用“、”或“;”分隔多个）。
  report-audit status --project FILE [--year YYYY] [--json]
      列出每个报送单位当年的报送、公开日期、逾期天数、审核状态和结论，以及报送率、按时公开率等数字。
  report-audit --help | --version

退出码：0 全部读取成功；2 有文件无法读取（其余文件照常报告）；64 用法错误。`

export const EXIT = { ok: 0, someFailed: 2, usage: 64, internal: 70 } as const

function usageError(msg: string): number {
  process.stderr.write(`report-audit: ${msg}\n\n${USAGE}\n`)
  return EXIT.usage
}

async function write(s: string): Promise<void> {
  if (!process.stdout.write(s)) await new Promise<void>((r) => process.stdout.once('drain', () => r()))
}

async function check(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, checklist: { type: 'string' }, threads: { type: 'string' }, stats: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
    })
  } catch (e) {
    return usageError((e as Error).message)
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  if (!parsed.positionals.length) return usageError('请指定要检查的文件或文件夹。')
  const threads = parsed.values.threads ? Number(parsed.values.threads) : undefined
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) return usageError('--threads 需要正整数。')
  let checklist
  try {
    checklist = loadChecklist(parsed.values.checklist ?? 'default')
  } catch (e) {
    return usageError(toErrorInfo(e).message)
  }
  const json = !!parsed.values.json
  const collected = await collectFiles(parsed.positionals)
  const early = notReadReports(collected)
  if (!collected.files.length && !early.length) return usageError('没有找到可检查的文件。')

  const started = performance.now()
  const pool = createParsePool(checklist, { threads })
  let failed = early.length
  let count = 0
  const emit = async (r: CheckedReport) => {
    if (json) await write(`${count ? ',\n' : ''}${JSON.stringify(r)}`)
    else await write(formatRow(r, checklist))
    count++
  }
  try {
    if (json) await write('{"reports":[\n')
    else await write(formatHeader(checklist))
    // Results are printed in input order as they complete; a bounded window keeps memory flat.
    const window = pool.threads * 4
    const pending: Array<Promise<CheckedReport>> = []
    let next = 0
    const files = collected.files
    while (next < files.length || pending.length) {
      while (next < files.length && pending.length < window) pending.push(pool.run(files[next++]!).then((o) => o.report))
      const r = await pending.shift()!
      if (!r.ok) failed++
      await emit(r)
    }
    for (const r of early) await emit(r)
    if (json) await write('\n]}\n')
    else await write(`\n共 ${count} 个文件：读取成功 ${count - failed}，无法读取 ${failed}。\n`)
  } finally {
    await pool.close()
  }
  if (parsed.values.stats) {
    // For the benchmarks: peak resident memory of the whole process, worker threads included.
    const seconds = (performance.now() - started) / 1000
    process.stderr.write(`${JSON.stringify({ files: count, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, threads: pool.threads })}\n`)
  }
  return failed ? EXIT.someFailed : EXIT.ok
}

async function importCommand(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { project: { type: 'string' }, checklist: { type: 'string' }, threads: { type: 'string' }, json: { type: 'boolean' }, stats: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
    })
  } catch (e) {
    return usageError((e as Error).message)
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  if (!parsed.values.project) return usageError('请用 --project 指定项目文件。')
  if (!parsed.positionals.length) return usageError('请指定要导入的文件或文件夹。')
  const threads = parsed.values.threads ? Number(parsed.values.threads) : undefined
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) return usageError('--threads 需要正整数。')
  let checklist, project
  try {
    project = Project.open(parsed.values.project)
    // The project's own checklist unless another is named (which then applies to these files only).
    checklist = parsed.values.checklist ? loadChecklist(parsed.values.checklist) : project.activeChecklist()
  } catch (e) {
    project?.close()
    return usageError(toErrorInfo(e).message)
  }
  const started = performance.now()
  // For the benchmarks: how long the event loop was ever blocked (the app's main process runs this same code).
  const loopDelay = parsed.values.stats ? monitorEventLoopDelay({ resolution: 10 }) : null
  loopDelay?.enable()
  const pool = createParsePool(checklist, { threads })
  const tty = process.stderr.isTTY && !parsed.values.json
  let lastLine = 0
  const onProgress = (p: ImportProgress) => {
    if (!tty || Date.now() - lastLine < 200) return
    lastLine = Date.now()
    process.stderr.write(`\r导入中 ${p.done}/${p.total}：已导入 ${p.counts.imported}，重复 ${p.counts.duplicates}，失败 ${p.counts.failed}   `)
  }
  // Ctrl-C stops after the files in hand; what was imported stays in the project.
  const controller = new AbortController()
  const onSigint = () => controller.abort()
  process.once('SIGINT', onSigint)
  let summary
  try {
    summary = await importPaths(project, parsed.positionals, { pool, signal: controller.signal, onProgress })
  } finally {
    process.off('SIGINT', onSigint)
    await pool.close()
    project.close()
  }
  if (tty) process.stderr.write('\r\x1b[K')
  if (parsed.values.json) {
    await write(`${JSON.stringify({ project: project.file, ...summary }, null, 2)}\n`)
  } else {
    const failures = summary.outcomes.filter((o) => o.kind === 'failed')
    const dups = summary.outcomes.filter((o) => o.kind === 'duplicate')
    let out = `项目 ${project.file}\n共 ${summary.total} 个文件：导入 ${summary.imported}，重复 ${summary.duplicates}，失败 ${summary.failed}${summary.state === 'cancelled' ? '（已中止，其余文件未导入）' : ''}。\n`
    if (failures.length) out += `\n无法导入：\n${failures.map((f) => `  ${f.file}\n    ${f.message}`).join('\n')}\n`
    if (dups.length) out += `\n重复（未再导入）：\n${dups.map((f) => `  ${f.file}\n    ${f.message}`).join('\n')}\n`
    await write(out)
  }
  if (parsed.values.stats) {
    const seconds = (performance.now() - started) / 1000
    loopDelay?.disable()
    const maxStallMs = loopDelay ? loopDelay.max / 1e6 : null
    process.stderr.write(`${JSON.stringify({ files: summary.total, imported: summary.imported, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, threads: pool.threads, maxStallMs })}\n`)
  }
  if (summary.state === 'cancelled') return EXIT.someFailed
  return summary.failed ? EXIT.someFailed : EXIT.ok
}

async function exportCommand(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        project: { type: 'string' },
        year: { type: 'string' },
        body: { type: 'string' },
        date: { type: 'string' },
        xlsx: { type: 'string' },
        csv: { type: 'string' },
        json: { type: 'string' },
        notice: { type: 'string' },
        docx: { type: 'string' },
        md: { type: 'string' },
        html: { type: 'string' },
        drafts: { type: 'boolean' },
        appendix: { type: 'boolean' },
        report: { type: 'string', multiple: true },
        reviewer: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (e) {
    return usageError((e as Error).message)
  }
  const v = parsed.values
  if (v.help) {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  if (!v.project) return usageError('请用 --project 指定项目文件。')
  if (!v.xlsx && !v.csv && !v.json && !v.notice && !v.docx && !v.md && !v.html) return usageError('请至少指定一种导出：--xlsx、--csv、--notice、--json、--docx、--md 或 --html。')
  if (v.drafts && !v.docx && !v.md && !v.html) return usageError('--drafts 与 --docx（或 --md、--html）一起使用。')
  const ids = v.report?.map(Number)
  if (ids?.some((n) => !Number.isInteger(n) || n <= 0)) return usageError('--report 需要报告编号（正整数）。')
  const year = v.year === undefined ? undefined : Number(v.year)
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) return usageError('--year 需要四位年份，如 2024。')
  let now = new Date()
  if (v.date !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.date)
    now = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : new Date(NaN)
    if (!m || now.getMonth() !== Number(m[2]) - 1 || now.getDate() !== Number(m[3])) return usageError('--date 需要 YYYY-MM-DD 格式的日期，如 2025-04-20。')
  }
  const body = v.body?.trim()
  let project
  try {
    project = Project.open(v.project, { create: false })
  } catch (e) {
    return usageError(toErrorInfo(e).message)
  }
  try {
    // The writers (docx, ExcelJS) load only for this command, so `check` and `import` start fast.
    const { writeLetters, writeSummaryFiles } = await import('./services/export-service')
    const { batchOf } = await import('./services/review-documents')
    const reviewer = signedBy(v.reviewer)
    const known = new Set(project.reports.ids())
    const missing = ids?.filter((id) => !known.has(id)) ?? []
    if (missing.length) return usageError(`项目中没有这些编号的报告：${missing.join('、')}。`)
    const batch = batchOf(project, { year, reportIds: ids ?? null, body, now })
    const written = await writeSummaryFiles(project, batch, { xlsx: v.xlsx, csv: v.csv, json: v.json, notice: v.notice }, { reviewer, reportIds: ids ?? null, now })
    const skipped: Array<{ name: string; reason: string }> = []
    const perLetter: Array<[ReportFormatOut, string | undefined]> = [
      ['docx', v.docx],
      ['md', v.md],
      ['html', v.html]
    ]
    const formats = perLetter.filter(([, dir]) => dir)
    for (const [format, dir] of formats) {
      const r = await writeLetters(project, { formats: [format], dir: dir!, year, reportIds: ids ?? null, drafts: !!v.drafts, appendix: !!v.appendix, reviewer, body, now })
      written.push(...r.files)
      if (format === formats[0]![0]) skipped.push(...r.skipped)
      for (const f of r.failed) skipped.push({ name: f.file, reason: f.message })
    }
    let out = `${written.map((f) => `已写入 ${f}`).join('\n')}${written.length ? '\n' : ''}共 ${written.length} 个文件（${batch.year} 年度，名单 ${batch.rows.filter((r) => r.state !== 'unassigned').length} 个单位）。\n`
    if (!batch.body) out += '提示：未设置审核机关名称，文件中的署名为“（审核机关）”：请用 --body 指定，或在应用的设置中填写。\n'
    if (skipped.length) out += `\n未生成审核意见（${skipped.length}）：\n${skipped.map((s) => `  ${s.name}：${s.reason}`).join('\n')}\n`
    await write(out)
    return EXIT.ok
  } finally {
    project.close()
  }
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return cmd ? EXIT.ok : EXIT.usage
  }
  if (cmd === '--version' || cmd === '-v') {
    process.stdout.write(`${process.env.npm_package_version ?? '0.1.0'}\n`)
    return EXIT.ok
  }
  if (cmd === 'check') return check(rest)
  if (cmd === 'import') return importCommand(rest)
  if (cmd === 'export') return exportCommand(rest)
  if (cmd === 'units') return unitsCommand(rest, { write, usageError, exit: EXIT })
  if (cmd === 'status') return statusCommand(rest, { write, usageError, exit: EXIT })
  return usageError(`未知命令 ${cmd}`)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e) => {
    process.stderr.write(`report-audit: ${toErrorInfo(e).message}\n`)
    process.exitCode = EXIT.internal
  }
)

// report-audit: the command-line tool. Runs the same services as the app; never imports electron.

import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { CheckedReport } from '../shared/models/check'
import { toErrorInfo } from '../shared/errors'
import { createParsePool } from './pipeline/parse-pool'
import { loadChecklist } from './store/checklist-files'
import { collectFiles, notReadReports } from './pipeline/collect-files'
import { formatLegend, formatRow, formatHeader } from './cli-table'
import { importPaths, importUrls, type ImportProgress } from './pipeline/import-files'
import { PageFetcher } from './pipeline/fetch-pages'
import { decodeText } from './readers/encoding'
import { Project } from './store/project'
import fs from 'node:fs/promises'
import type { ReportFormatOut } from '../shared/models/export'
import { signedBy } from './services/settings-service'
import { statusCommand, unitsCommand } from './cli-roster'

const USAGE = `用法 / Usage:
  report-audit check [--json] [--checklist ID|FILE] [--threads N] [--stats] PATH...
      检查报告文件或文件夹（递归），输出审核结果表；--json 输出一个 JSON 文档。
  report-audit import --project FILE [--checklist ID|FILE] [--threads N] [--json] [--accept-not-report] PATH...
      把报告导入项目文件（不存在则新建）：内容相同的文件只导入一次；输出导入、重复、失败的数量和每个失败文件的原因。
      --accept-not-report：不像年度报告的文件（解读、新闻、工作要点、模板等）也照常导入，原因记在警告里。
  report-audit import --project FILE --urls LIST.txt | --unit-pages [--delay MS] [--allow-private-network] [其余选项同上]
      从网址导入：获取 LIST.txt 中的每个网址（一行一个，# 开头的行不读），或名单中每个单位的报告网址
      （--unit-pages），像保存的网页一样导入，并记下网址、获取时间和网页的发布日期。获取失败的网址连同原因列出，其余照常导入。
      --delay：对同一网站两次请求之间的间隔（毫秒，默认 1000）。--allow-private-network：允许本机和内部网络地址（默认拒绝）。
  report-audit export --project FILE [--xlsx OUT.xlsx] [--csv OUT.csv] [--json OUT.json]
                     [--docx DIR] [--md DIR] [--html DIR] [--report ID]... [--reviewer 姓名]
      导出审核结果：汇总表（Excel、CSV）、审核数据（JSON）、每份报告的审核意见（Word、Markdown、HTML）。
      不指定 --report 时导出项目中的全部报告。
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
  let refused = 0
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
      if (!r.ok && r.error.code === 'not-a-report') refused++
      else if (!r.ok) failed++
      await emit(r)
    }
    for (const r of early) await emit(r)
    if (json) await write('\n]}\n')
    else await write(`\n${formatLegend()}共 ${count} 个文件：读取成功 ${count - failed - refused}，无法读取 ${failed}${refused ? `，不是年度报告 ${refused}` : ''}。\n`)
  } finally {
    await pool.close()
  }
  if (parsed.values.stats) {
    // For the benchmarks: peak resident memory of the whole process, worker threads included.
    const seconds = (performance.now() - started) / 1000
    process.stderr.write(`${JSON.stringify({ files: count, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, threads: pool.threads })}\n`)
  }
  return failed || refused ? EXIT.someFailed : EXIT.ok
}

async function importCommand(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        project: { type: 'string' },
        checklist: { type: 'string' },
        threads: { type: 'string' },
        json: { type: 'boolean' },
        stats: { type: 'boolean' },
        'accept-not-report': { type: 'boolean' },
        urls: { type: 'string' },
        'unit-pages': { type: 'boolean' },
        delay: { type: 'string' },
        'allow-private-network': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (e) {
    return usageError((e as Error).message)
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  if (!parsed.values.project) return usageError('请用 --project 指定项目文件。')
  const fromAddresses = parsed.values.urls !== undefined || !!parsed.values['unit-pages']
  if (fromAddresses && parsed.positionals.length) return usageError('文件和网址请分两次导入：--urls / --unit-pages 不能与文件一起指定。')
  if (parsed.values.urls !== undefined && parsed.values['unit-pages']) return usageError('--urls 和 --unit-pages 请只用其一。')
  if (!fromAddresses && !parsed.positionals.length) return usageError('请指定要导入的文件或文件夹，或用 --urls 指定网址列表。')
  const delay = parsed.values.delay !== undefined ? Number(parsed.values.delay) : undefined
  if (delay !== undefined && !(Number.isInteger(delay) && delay >= 0)) return usageError('--delay 需要不小于 0 的整数（毫秒）。')
  let addresses: Array<string | { url: string; unitId: number }> = []
  if (parsed.values.urls !== undefined) {
    try {
      // A list typed in Notepad may be in GBK: read it as any Chinese text file is read.
      addresses = decodeText(new Uint8Array(await fs.readFile(parsed.values.urls)))
        .text.split(/\r?\n|\r/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    } catch (e) {
      return usageError(`无法读取网址列表 ${parsed.values.urls}：${toErrorInfo(e).message}`)
    }
    if (!addresses.length) return usageError(`网址列表 ${parsed.values.urls} 中没有网址。`)
  }
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
  if (parsed.values['unit-pages']) {
    addresses = project.units.list().flatMap((u) => (u.url ? [{ url: u.url, unitId: u.id }] : []))
    if (!addresses.length) {
      project.close()
      return usageError('名单中没有填写报告网址的单位（名单的「报告网址」列）。')
    }
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
    const opts = { pool, signal: controller.signal, onProgress, acceptNotReport: !!parsed.values['accept-not-report'] }
    summary = fromAddresses
      ? await importUrls(project, addresses, { ...opts, fetcher: new PageFetcher({ allowPrivateNetworks: !!parsed.values['allow-private-network'], ...(delay !== undefined ? { hostDelayMs: delay } : {}) }) })
      : await importPaths(project, parsed.positionals, opts)
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
    const what = fromAddresses ? '网址' : '文件'
    let out = `项目 ${project.file}\n共 ${summary.total} 个${what}：导入 ${summary.imported}，重复 ${summary.duplicates}，失败 ${summary.failed}${summary.state === 'cancelled' ? `（已中止，其余${what}未导入）` : ''}。\n`
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
        xlsx: { type: 'string' },
        csv: { type: 'string' },
        json: { type: 'string' },
        docx: { type: 'string' },
        md: { type: 'string' },
        html: { type: 'string' },
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
  if (!v.xlsx && !v.csv && !v.json && !v.docx && !v.md && !v.html) return usageError('请至少指定一种导出：--xlsx、--csv、--json、--docx、--md 或 --html。')
  const ids = v.report?.map(Number)
  if (ids?.some((n) => !Number.isInteger(n) || n <= 0)) return usageError('--report 需要报告编号（正整数）。')
  let project
  try {
    project = Project.open(v.project, { create: false })
  } catch (e) {
    return usageError(toErrorInfo(e).message)
  }
  try {
    // The writers (docx, ExcelJS) load only for this command, so `check` and `import` start fast.
    const { writeReview, writeSummaryFiles } = await import('./services/export-service')
    const { reviewDocuments } = await import('./services/review-documents')
    const checklist = project.activeChecklist()
    const reviewer = signedBy(v.reviewer)
    const known = new Set(project.reports.ids())
    const missing = ids?.filter((id) => !known.has(id)) ?? []
    if (missing.length) return usageError(`项目中没有这些编号的报告：${missing.join('、')}。`)
    // The documents are read from the project once, for the summary and for every format.
    const docs = reviewDocuments(project, checklist, reviewer, ids ?? null)
    const written = await writeSummaryFiles(project, docs, checklist, reviewer, { xlsx: v.xlsx, csv: v.csv, json: v.json })
    const perReport: Array<[ReportFormatOut, string | undefined]> = [
      ['docx', v.docx],
      ['md', v.md],
      ['html', v.html]
    ]
    for (const [format, dir] of perReport) {
      if (!dir) continue
      await fs.mkdir(dir, { recursive: true })
      const taken = new Set<string>()
      for (const d of docs) written.push(await writeReview(d, format, dir, taken, null))
    }
    await write(`${written.map((f) => `已写入 ${f}`).join('\n')}\n共 ${written.length} 个文件。\n`)
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

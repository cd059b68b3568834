// report-audit: the command-line tool. Runs the same services as the app; never imports electron.

import { parseArgs } from 'node:util'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { CheckedReport, CheckedReportOk } from '../shared/models/check'
import type { Checklist } from '../shared/models/checklist'
import type { CheckOutcome } from './pipeline/check-file'
import { compareBatch } from './pipeline/compare-batch'
import { createComparePool } from './pipeline/compare-pool'
import { STANDARD_WORDING } from './domain/standard-wording'
import { toErrorInfo } from '../shared/errors'
import { createParsePool } from './pipeline/parse-pool'
import { loadChecklist } from './store/checklist-files'
import { collectFiles, notReadReports } from './pipeline/collect-files'
import { formatLegend, formatRow, formatHeader } from './cli-table'
import { importPaths, importUrls, type ImportProgress } from './pipeline/import-files'
import { PageFetcher } from './pipeline/fetch-pages'
import { decodeText } from './readers/encoding'
import { Project } from './store/project'
import type { ReportFormatOut } from '../shared/models/export'
import { signedBy } from './services/settings-service'
import { statusCommand, unitsCommand } from './cli-roster'
import { watchLoopStalls } from './loop-stalls'

const USAGE = `用法 / Usage:
  report-audit check [--json] [--checklist ID|FILE] [--threads N] [--stats] [--compare-with DIR] PATH...
      检查报告文件或文件夹（递归），输出审核结果表；--json 输出一个 JSON 文档。
      --compare-with DIR：再与 DIR 中的报告（如上一年度的报告）比对文字，列出与每份报告有相同文字的报告、
      相同文字所占比例（不计标准用语）和相同段落的位置。
  report-audit import --project FILE [--checklist ID|FILE] [--threads N] [--json] [--accept-not-report] PATH...
      把报告导入项目文件（不存在则新建）：内容相同的文件只导入一次；输出导入、重复、失败的数量和每个失败文件的原因。
      --accept-not-report：不像年度报告的文件（解读、新闻、工作要点、模板等）也照常导入，原因记在警告里。
  report-audit import --project FILE --urls LIST.txt | --unit-pages [--delay MS] [--allow-private-network] [其余选项同上]
      从网址导入：获取 LIST.txt 中的每个网址（一行一个，# 开头的行不读），或名单中每个单位的报告网址
      （--unit-pages），像保存的网页一样导入，并记下网址、获取时间和网页的发布日期。获取失败的网址连同原因列出，其余照常导入。
      --delay：对同一网站两次请求之间的间隔（毫秒，默认 1000）。--allow-private-network：允许本机和内部网络地址（默认拒绝）。
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
      options: {
        json: { type: 'boolean' },
        checklist: { type: 'string' },
        threads: { type: 'string' },
        stats: { type: 'boolean' },
        'compare-with': { type: 'string' },
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
  const compareWith = parsed.values['compare-with']
  if (compareWith !== undefined && !(await fs.stat(compareWith).catch(() => null))?.isDirectory()) return usageError(`--compare-with 需要一个文件夹：${compareWith} 不存在或不是文件夹。`)
  const collected = await collectFiles(parsed.positionals)
  const early = notReadReports(collected)
  if (!collected.files.length && !early.length) return usageError('没有找到可检查的文件。')
  if (compareWith !== undefined) return checkAndCompare(collected.files, early, compareWith, { json, checklist, threads, stats: !!parsed.values.stats })

  const started = performance.now()
  // For the benchmarks: how long each file took in its parse process, and how it ended.
  const perFile: Array<{ file: string; ms: number; code: string | null }> = []
  const pool = createParsePool(checklist, { threads, onFileDone: parsed.values.stats ? (f) => perFile.push(f) : undefined })
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
    process.stderr.write(`${JSON.stringify({ files: count, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, threads: pool.threads, perFile })}\n`)
  }
  return failed || refused ? EXIT.someFailed : EXIT.ok
}

/**
 * `check --compare-with DIR`: every file checked, then compared with the reports of DIR (each pair
 * sharing text aligned); each report gets the DIR reports sharing text with it, most similar first.
 * Results are printed once all are compared, in input order.
 */
async function checkAndCompare(
  files: string[],
  early: CheckedReport[],
  dir: string,
  opts: { json: boolean; checklist: Checklist; threads: number | undefined; stats: boolean }
): Promise<number> {
  const started = performance.now()
  const others = await collectFiles([dir])
  const pool = createParsePool(opts.checklist, { threads: opts.threads })
  let mine: CheckOutcome[]
  let theirs: CheckOutcome[]
  try {
    mine = await Promise.all(files.map((f) => pool.run(f, true)))
    theirs = await Promise.all(others.files.map((f) => pool.run(f, true)))
  } finally {
    await pool.close()
  }
  for (const o of [...notReadReports(others), ...theirs.map((t) => t.report)].filter((r) => !r.ok)) {
    process.stderr.write(`report-audit: 对照文件夹中无法读取 ${o.file}：${o.ok ? '' : o.error.message}\n`)
  }
  // One report per file; a file given both ways (in DIR and on the line) is one family, never paired with itself.
  const entries = [...mine.map((o) => ({ o, side: 1 })), ...theirs.map((o) => ({ o, side: 2 }))].filter((e) => e.o.doc && e.o.analysis)
  const families = new Map<string, number>()
  const familyOf = (f: string) => {
    const key = path.resolve(f)
    if (!families.has(key)) families.set(key, families.size)
    return families.get(key)!
  }
  const reports = entries.map((e) => ({ text: e.o.doc!.text, clutter: e.o.analysis!.clutter, group: 0, learn: e.side === 1 || !mine.some((m) => path.resolve(m.report.file) === path.resolve(e.o.report.file)), family: familyOf(e.o.report.file) }))
  const members = entries.flatMap((e, i) => (e.side === 1 ? [i] : []))
  const across = entries.flatMap((e, i) => (e.side === 2 ? [i] : []))
  const comparePool = createComparePool({ threads: opts.threads })
  let result
  try {
    result = await compareBatch({ reports, pairs: [], searches: [{ members, across }], wording: [...STANDARD_WORDING], excluded: [] }, comparePool)
  } finally {
    await comparePool.close()
  }
  const similar = new Map<number, NonNullable<CheckedReportOk['similar']>>()
  for (const p of result.pairs) {
    const [me, other, share, passages] =
      entries[p.a]!.side === 1 ? [p.a, p.b, p.share, p.passages] : [p.b, p.a, p.otherShare, p.passages.map((x) => ({ start: x.otherStart, end: x.otherEnd, otherStart: x.start, otherEnd: x.end }))]
    const list = similar.get(me) ?? []
    list.push({ file: entries[other]!.o.report.file, share, passages: [...passages].sort((x, y) => x.start - y.start) })
    similar.set(me, list)
  }
  const out: CheckedReport[] = mine.map((o) => {
    const i = entries.findIndex((e) => e.o === o)
    if (!o.report.ok) return o.report
    return { ...o.report, similar: (similar.get(i) ?? []).sort((a, b) => b.share - a.share || a.file.localeCompare(b.file)) }
  })
  out.push(...early)
  const failed = out.filter((r) => !r.ok).length
  if (opts.json) await write(`${JSON.stringify({ reports: out })}\n`)
  else {
    let text = formatHeader(opts.checklist)
    for (const r of out) text += formatRow(r, opts.checklist)
    text += `\n共 ${out.length} 个文件：读取成功 ${out.length - failed}，无法读取 ${failed}。\n`
    const lines = out.flatMap((r) => (r.ok && r.similar?.length ? [`  ${r.file}`, ...r.similar.map((s) => `    ${Math.round(s.share * 100)}%  ${s.file}（${s.passages.length} 段）`)] : []))
    text += lines.length ? `\n与 ${dir} 中报告相同的文字（不计标准用语）：\n${lines.join('\n')}\n` : `\n与 ${dir} 中的报告没有相同的文字（不计标准用语）。\n`
    await write(text)
  }
  if (opts.stats) {
    const seconds = (performance.now() - started) / 1000
    process.stderr.write(`${JSON.stringify({ files: out.length, compared: theirs.length, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`)
  }
  return failed ? EXIT.someFailed : EXIT.ok
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
  const stalls = parsed.values.stats ? watchLoopStalls() : null
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
    if (summary.stopReason) out += `导入已停止：${summary.stopReason}已导入的报告保存在项目中。\n`
    if (failures.length) out += `\n无法导入：\n${failures.map((f) => `  ${f.file}\n    ${f.message}`).join('\n')}\n`
    if (dups.length) out += `\n重复（未再导入）：\n${dups.map((f) => `  ${f.file}\n    ${f.message}`).join('\n')}\n`
    await write(out)
  }
  if (parsed.values.stats) {
    const seconds = (performance.now() - started) / 1000
    const { maxStallMs, maxOwnStallMs, maxOwnStallAtMs } = stalls!.stop()
    process.stderr.write(`${JSON.stringify({ files: summary.total, imported: summary.imported, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, threads: pool.threads, maxStallMs, maxOwnStallMs, maxOwnStallAtMs })}\n`)
  }
  if (summary.state !== 'done') return EXIT.someFailed
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
    // The review data carries each report's text copied from last year: compare first when the reports changed since.
    const { similarityStale } = await import('./services/similarity-service')
    if (similarityStale(project)) {
      const { compareProject } = await import('./pipeline/compare-project')
      const pool = createComparePool()
      try {
        await compareProject(project, pool)
      } finally {
        await pool.close()
      }
    }
    const batch = batchOf(project, { year, reportIds: ids ?? null, body, now })
    // A file that cannot be written is reported and the others are still written.
    const written: string[] = []
    const failed: Array<{ file: string; message: string }> = []
    for (const kind of ['xlsx', 'csv', 'json', 'notice'] as const) {
      const out = v[kind]
      if (!out) continue
      try {
        written.push(...(await writeSummaryFiles(project, batch, { [kind]: out }, { reviewer, reportIds: ids ?? null, now })))
      } catch (e) {
        failed.push({ file: out, message: toErrorInfo(e).message })
      }
    }
    const skipped: Array<{ name: string; reason: string }> = []
    const perLetter: Array<[ReportFormatOut, string | undefined]> = [
      ['docx', v.docx],
      ['md', v.md],
      ['html', v.html]
    ]
    const formats = perLetter.filter(([, dir]) => dir)
    for (const [format, dir] of formats) {
      try {
        const r = await writeLetters(project, { formats: [format], dir: dir!, year, reportIds: ids ?? null, drafts: !!v.drafts, appendix: !!v.appendix, reviewer, body, now })
        written.push(...r.files)
        if (format === formats[0]![0]) skipped.push(...r.skipped)
        failed.push(...r.failed)
      } catch (e) {
        failed.push({ file: dir!, message: toErrorInfo(e).message })
      }
    }
    let out = `${written.map((f) => `已写入 ${f}`).join('\n')}${written.length ? '\n' : ''}共 ${written.length} 个文件（${batch.year} 年度，名单 ${batch.rows.filter((r) => r.state !== 'unassigned').length} 个单位）。\n`
    if (!batch.body) out += '提示：未设置审核机关名称，文件中的署名为“（审核机关）”：请用 --body 指定，或在应用的设置中填写。\n'
    if (skipped.length) out += `\n未生成审核意见（${skipped.length}）：\n${skipped.map((s) => `  ${s.name}：${s.reason}`).join('\n')}\n`
    if (failed.length) out += `\n无法写入 ${failed.length} 个文件：\n${failed.map((f) => `  ${f.file}\n    ${f.message}`).join('\n')}\n`
    await write(out)
    return failed.length ? EXIT.someFailed : EXIT.ok
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

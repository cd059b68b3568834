// report-audit: the command-line tool. Runs the same services as the app; never imports electron.

import { parseArgs } from 'node:util'
import type { CheckedReport } from '../shared/models/check'
import { toErrorInfo } from '../shared/errors'
import { createParsePool } from './jobs/parse-pool'
import { loadChecklist } from './services/checklists'
import { collectFiles, notReadReports } from './services/collect-files'
import { formatRow, formatHeader } from './cli-table'

const USAGE = `用法 / Usage:
  report-audit check [--json] [--checklist ID|FILE] [--threads N] [--stats] PATH...
      检查报告文件或文件夹（递归），输出审核结果表；--json 输出一个 JSON 文档。
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

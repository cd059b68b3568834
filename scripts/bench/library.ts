// The library at 10,000 reports: builds a project of realistic full-length reports once (cached in
// bench-results/cache): a seventh of N units, each reporting every year of seven, imported year by year
// 1,000 at a time with `report-audit import`, printing files/s and the longest event-loop stall per
// 1,000; then times the library list as the window receives it (and its size), full-text search per
// term length (p50/p95, every hit counted, passages for the rows on screen) and finding other versions.
// Run: npx tsx scripts/bench/library.ts   (BENCH_LIBRARY_REPORTS=2000 for a smaller project)
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Workspace } from '../../src/main/services/workspace'
import { LibraryService } from '../../src/main/services/library-service'
import { synthReport, unitName } from './synth-reports.js'
import { decodeLibraryList } from '../../src/shared/library-list'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BIN = path.join(ROOT, 'bin', 'report-audit.js')
const N = Number(process.env.BENCH_LIBRARY_REPORTS ?? 10_000)
const BATCH = 1000
const CACHE = path.join(ROOT, 'bench-results', 'cache', `library-${N}-v2`)
const YEARS = 7
const UNITS = Math.ceil(N / YEARS)
const COUNTIES = ['德化县', '永春县', '安溪县', '南安市', '惠安县', '宁乡市', '浏阳市', '城口县', '丰都县', '辰溪县']
const PROJECT = path.join(CACHE, 'library.raudit')
const IMPORT_LOG = path.join(CACHE, 'import.json')

interface BatchStats {
  from: number
  to: number
  seconds: number
  filesPerSecond: number
  maxStallMs: number
  /** How late the loop was at worst less its time waiting for a core (Linux): the main thread's own work or blocking. */
  maxOwnStallMs: number | null
  maxRssMb: number
  /** The machine's load average (1 minute) when the batch ended. */
  load: number
  /** CPU time of the import and its parse processes per file (GNU time), when measured. */
  cpuMsPerFile: number | null
}

function build(): BatchStats[] {
  fs.rmSync(CACHE, { recursive: true, force: true })
  fs.mkdirSync(CACHE, { recursive: true })
  const stats: BatchStats[] = []
  for (let from = 0; from < N; from += BATCH) {
    const dir = path.join(CACHE, `batch-${from}`)
    fs.mkdirSync(dir)
    for (let i = from; i < Math.min(N, from + BATCH); i++) {
      // unit i % UNITS, its year's report: the same units come back each year, as a county's do
      const u = i % UNITS
      const r = synthReport(i, { unit: unitName(u), county: COUNTIES[u % COUNTIES.length], year: 2019 + Math.floor(i / UNITS) })
      fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}-${r.unit}.txt`), r.text)
    }
    const t0 = process.hrtime.bigint()
    // GNU time reports the CPU of the import with its parse processes: on a shared machine the wall time
    // says how busy the others were, the CPU time what the import costs.
    const timed = fs.existsSync('/usr/bin/time')
    const cmd = [process.execPath, BIN, 'import', '--json', '--stats', '--project', PROJECT, dir]
    const res = timed
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', ...cmd], { encoding: 'utf8', maxBuffer: 1 << 30 })
      : spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 })
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9
    const lines = res.stderr.trim().split('\n')
    const cpuLine = timed ? lines.findLast((l) => l.startsWith('cpu ')) : undefined
    const cpuSeconds = cpuLine ? cpuLine.split(' ').slice(1).reduce((a, b) => a + Number(b), 0) : null
    const s = JSON.parse(lines.findLast((l) => l.startsWith('{'))!) as { files: number; maxStallMs: number; maxOwnStallMs?: number | null; maxRssMb: number }
    const row = {
      from, to: Math.min(N, from + BATCH), seconds, filesPerSecond: s.files / seconds, maxStallMs: s.maxStallMs, maxOwnStallMs: s.maxOwnStallMs ?? null, maxRssMb: s.maxRssMb, load: os.loadavg()[0]!,
      cpuMsPerFile: cpuSeconds === null ? null : (cpuSeconds * 1000) / s.files
    }
    stats.push(row)
    console.log(
      `import ${row.from}–${row.to}: ${row.filesPerSecond.toFixed(1)} files/s, longest stall ${row.maxStallMs.toFixed(0)} ms${row.maxOwnStallMs !== null ? ` (of it not waiting for a core ${row.maxOwnStallMs.toFixed(0)} ms)` : ''}, peak ${row.maxRssMb.toFixed(0)} MB, load ${row.load.toFixed(1)}${row.cpuMsPerFile !== null ? `; CPU ${row.cpuMsPerFile.toFixed(1)} ms a file (${((os.availableParallelism() * 1000) / row.cpuMsPerFile).toFixed(0)} files/s with every core to itself)` : ''}`
    )
    fs.rmSync(dir, { recursive: true, force: true })
  }
  fs.writeFileSync(IMPORT_LOG, JSON.stringify(stats, null, 2))
  return stats
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now()
  const r = await fn()
  return [performance.now() - t0, r]
}

async function main() {
  if (!fs.existsSync(BIN)) spawnSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' })
  let importStats: BatchStats[]
  if (fs.existsSync(PROJECT) && fs.existsSync(IMPORT_LOG)) {
    importStats = JSON.parse(fs.readFileSync(IMPORT_LOG, 'utf8')) as BatchStats[]
    console.log(`library: using the cached project of ${N} reports (${path.relative(ROOT, CACHE)}); delete it to rebuild`)
  } else {
    console.log(`library: building a project of ${N} full-length reports …`)
    importStats = build()
  }
  const size = fs.statSync(PROJECT).size
  console.log(`project file: ${(size / 1048576).toFixed(0)} MB, ${(size / N / 1024).toFixed(0)} KB per report`)
  const worstStall = Math.max(...importStats.map((s) => s.maxStallMs))
  const busy = importStats.map((s) => s.maxOwnStallMs).filter((x): x is number => x !== null && x !== undefined)
  const worstBusy = busy.length ? Math.max(...busy) : null
  const slowest = Math.min(...importStats.map((s) => s.filesPerSecond))
  const loads = importStats.map((s) => s.load).filter((x) => x !== undefined)
  console.log(`import: slowest 1,000 at ${slowest.toFixed(1)} files/s (target ≥ 50) ${slowest >= 50 ? 'MET' : 'NOT MET'}; longest stall ${worstStall.toFixed(0)} ms (target < 50) ${worstStall < 50 ? 'MET' : 'NOT MET'}${worstBusy !== null ? `, of it not waiting for a core at most ${worstBusy.toFixed(0)} ms ${worstBusy < 50 ? 'MET' : 'NOT MET'}` : ''}${loads.length ? `; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${os.availableParallelism()} cores` : ''}`)

  const cpu = importStats.map((s) => s.cpuMsPerFile).filter((x): x is number => typeof x === 'number')
  if (cpu.length) {
    const worst = Math.max(...cpu)
    const rate = (os.availableParallelism() * 1000) / worst
    console.log(`import CPU (GNU time, parse processes included): ${Math.min(...cpu).toFixed(1)}–${worst.toFixed(1)} ms a file, so ${rate.toFixed(0)} files/s at the slowest 1,000 with the ${os.availableParallelism()} cores to itself (target ≥ 50) ${rate >= 50 ? 'MET' : 'NOT MET'}`)
  }
  const ws = new Workspace({ defaultProjectFile: PROJECT })
  const project = ws.project
  const library = new LibraryService(ws)
  {
    // What one refresh costs after each kind of change: the rows made and encoded in main, their size as
    // JSON (what IPC carries), decoded in the window. A verdict touches one submission (its row made
    // again); an import of a few files a few; the deadline every row (the whole list made again).
    const ids = project.db.prepare<[], { id: number }>('SELECT id FROM reports WHERE submission_id IS NOT NULL ORDER BY id').all().map((r) => r.id)
    const pick = (k: number) => ids[(k * 7919) % ids.length]!
    const changes: Array<[string, (k: number) => void]> = [
      ['a verdict', (k) => project.db.prepare("INSERT INTO item_verdicts (report_id, item_id, verdict, reason, updated_at) VALUES (?, 'leadership', 'missing', 'bench', ?) ON CONFLICT DO UPDATE SET verdict = excluded.verdict, updated_at = excluded.updated_at").run(pick(k), String(k))],
      ['5 files imported', (k) => { for (let j = 0; j < 5; j++) project.db.prepare('UPDATE reports SET completeness = completeness WHERE id = ?').run(pick(k * 5 + j + 100)) }],
      ['the deadline (every row)', () => project.settings.set('publishBy', project.rosterSettings().publishBy)]
    ]
    await library.submissions()
    for (const [what, change] of changes) {
      const runs: number[] = []
      const decodes: number[] = []
      let bytes = 0
      let rows = 0
      const cachedRuns: number[] = []
      for (let k = 0; k < 7; k++) {
        change(k)
        const [ms, list] = await time(() => library.submissions())
        cachedRuns.push((await time(() => library.submissions()))[0])
        runs.push(ms)
        const json = JSON.stringify(list)
        bytes = Buffer.byteLength(json)
        const [dms, decoded] = await time(() => decodeLibraryList(JSON.parse(json)))
        decodes.push(dms)
        rows = decoded.length
      }
      const p50 = percentile(runs, 50)
      console.log(`library list after ${what}: ${rows} rows in ${p50.toFixed(0)} ms (p95 ${percentile(runs, 95).toFixed(0)} ms), ${(bytes / 1048576).toFixed(2)} MB of JSON (${(bytes / rows).toFixed(0)} B a row), decoded in the window in ${percentile(decodes, 50).toFixed(0)} ms (target < 100 ms and < 1 MB) ${p50 < 100 && bytes < 1048576 ? 'MET' : 'NOT MET'}; load ${os.loadavg()[0]!.toFixed(1)}`)
      if (what === 'a verdict') console.log(`library list with nothing changed (kept in memory): ${percentile(cachedRuns, 50).toFixed(1)} ms`)
    }
    project.db.prepare("DELETE FROM item_verdicts WHERE reason = 'bench'").run()
  }

  const queries: Record<string, string[]> = {
    '1 character': ['法', '镇', '罚', '赔', '鉴', '湖', '审', '诉', '监', '档'],
    '2 characters': ['普法', '执法', '复议', '调解', '公证', '信访', '听证', '备案', '考核', '宪法'],
    '3 characters': ['民法典', '法治化', '第一责', '规范性', '合法性', '法律顾', '公开日', '执法证', '信息公', '矛盾纠'],
    '4+ characters': ['法治政府建设', '行政执法公示', '依法行政', '重大行政决策', '法律顾问制度', '乡村振兴战略', '营商环境', '政府信息公开', '三项制度', '公共法律服务']
  }
  // The window asks for passages for the first rows it shows (features/library/store.ts), not for every hit.
  const ON_SCREEN = 200
  for (const [label, qs] of Object.entries(queries)) {
    const runs: number[] = []
    const passages: number[] = []
    let hits = 0
    for (let round = 0; round < 3; round++)
      for (const q of qs) {
        const [ms, r] = await time(() => library.search(q))
        runs.push(ms)
        hits += r.total
        passages.push((await time(() => library.snippets(q, r.submissions.slice(0, ON_SCREEN).map((s) => s.reportId))))[0])
      }
    const p95 = percentile(runs, 95)
    console.log(`search, ${label}: p50 ${percentile(runs, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (target p95 < 50 ms) ${p95 < 50 ? 'MET' : 'NOT MET'}; ${Math.round(hits / runs.length)} hits on average, every one counted; passages for ${ON_SCREEN} rows p50 ${percentile(passages, 50).toFixed(0)} ms, p95 ${percentile(passages, 95).toFixed(0)} ms`)
  }
  const ids = project.reports.ids()
  const sample = Array.from({ length: 20 }, (_, k) => ids[Math.floor((k * ids.length) / 20)]!)
  const vruns: number[] = []
  for (const id of sample) vruns.push((await time(() => project.submissions.similar(id, project.reports.sketch(id)!)))[0])
  console.log(`other versions of a report (fingerprint index): p50 ${percentile(vruns, 50).toFixed(1)} ms, p95 ${percentile(vruns, 95).toFixed(1)} ms`)
  ws.close()
}

void main()

// The report-audit command as a user runs it: built bin, real files, exit codes, JSON shape.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES, gbk } from './helpers/fixtures'

const ROOT = path.resolve(FIXTURES, '../..')
const BIN = path.join(ROOT, 'bin', 'report-audit.js')

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

beforeAll(() => {
  execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' })
}, 120_000)

describe('report-audit check', () => {
  it('checks a folder recursively and prints one JSON document', () => {
    const r = run(['check', '--json', path.join(FIXTURES, 'corpus', 'formats')])
    const doc = JSON.parse(r.out) as { reports: Array<Record<string, unknown>> }
    // labels.json is listed as unsupported, never silently skipped
    expect(r.code).toBe(2)
    const ok = doc.reports.filter((x) => x.ok)
    // every labelled file of the corpus, in every format
    const labelled = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'corpus', 'formats', 'labels.json'), 'utf8')) as unknown[]
    expect(ok).toHaveLength(labelled.length)
    const bad = doc.reports.filter((x) => !x.ok)
    expect(bad.map((x) => path.basename(String(x.file)))).toEqual(['labels.json'])
    const x = ok.find((o) => String(o.file).endsWith('xincheng-2020.pdf'))!
    expect(Object.keys(x).sort()).toEqual(['encoding', 'file', 'findings', 'format', 'items', 'meta', 'ok', 'warnings'])
    const { sources, ...meta } = x.meta as Record<string, unknown>
    expect(meta).toEqual({ title: '新城镇2020年法治政府建设情况报告', issuer: '新城镇', level: 'township', year: 2020, published: '2021-05-14', signed: null, docNumber: null })
    expect(sources).toMatchObject({ published: { kind: 'field', quote: '发布日期:2021-05-14' } })
    const items = x.items as Array<{ id: string; status: string; evidence: Array<{ heading: string | null; quote: string; start: number; end: number }> }>
    expect(items.map((i) => i.id)).toEqual(['leadership', 'enforcement', 'publicity', 'shortcomings', 'plans'])
    expect(items[0]!.evidence[0]).toHaveProperty('quote')
    expect((x.findings as Array<{ code: string }>).map((f) => f.code)).toContain('late-publication')
  })

  it('exits 0 when every file was read, with a readable table', () => {
    const r = run(['check', path.join(ROOT, 'resources', 'samples')])
    expect(r.code).toBe(0)
    expect(r.out).toContain('葛坑镇人民政府')
    expect(r.out).toMatch(/共 4 个文件：读取成功 4，无法读取 0/)
  })

  it('the table names items and findings in Chinese and shows each file’s name, not a cut-off path', () => {
    const deep = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ra-')), '某市司法局', '2021年度各乡镇法治政府建设年度报告汇总', '已收报告')
    fs.mkdirSync(deep, { recursive: true })
    fs.copyFileSync(path.join(FIXTURES, 'corpus', 'reports', 'xincheng-2020.txt'), path.join(deep, '新城镇.txt'))
    const r = run(['check', deep])
    expect(r.out).toContain('清单项目（组织领导 行政执法 普法宣传 不足原因 下年安排）')
    const row = r.out.split('\n').find((l) => l.startsWith('新城镇.txt'))!
    expect(row).toContain('逾期公开')
    expect(row).not.toContain('late-publication')
    expect(row).toMatch(/✔ ✔ ✔ ◐ ✔/)
    expect(r.out).not.toContain('已收报告')
  })

  it('reports bad files with code and reason, and still reports the rest (exit 2)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-'))
    fs.writeFileSync(path.join(dir, 'empty.txt'), '')
    fs.writeFileSync(path.join(dir, 'broken.docx'), 'PK\u0003\u0004garbage')
    fs.copyFileSync(path.join(FIXTURES, 'corpus', 'reports', 'gekeng-2024.txt'), path.join(dir, 'gekeng.txt'))
    const r = run(['check', '--json', dir])
    expect(r.code).toBe(2)
    const byName = Object.fromEntries((JSON.parse(r.out) as { reports: Array<{ file: string; ok: boolean; error?: { code: string } }> }).reports.map((x) => [path.basename(x.file), x]))
    expect(byName['empty.txt']!.error!.code).toBe('empty')
    expect(byName['broken.docx']!.error!.code).toBe('corrupt')
    expect(byName['gekeng.txt']!.ok).toBe(true)
  })

  it('uses the statutory checklist or a checklist file', () => {
    const r = run(['check', '--json', '--checklist', 'statutory', path.join(FIXTURES, 'corpus', 'reports', 'gekeng-2024.txt')])
    expect(r.code).toBe(0)
    const ids = (JSON.parse(r.out) as { reports: Array<{ items: Array<{ id: string }> }> }).reports[0]!.items.map((i) => i.id)
    expect(ids).toEqual(['measures', 'shortcomings', 'responsibility', 'plans', 'other'])
  })

  it('with --compare-with, lists the reports of that folder sharing text with each, and where', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-cli-compare-'))
    const last = path.join(dir, '2024')
    fs.mkdirSync(last)
    for (const f of ['gekeng-2024.txt', 'xiaduopu-2020.txt']) fs.copyFileSync(path.join(FIXTURES, 'corpus', 'reports', f), path.join(last, f))
    // this year's report: last year's with the years moved on and one paragraph rewritten
    const source = fs.readFileSync(path.join(last, 'gekeng-2024.txt'), 'utf8')
    const rewritten = source.split('\n').find((l) => l.startsWith('一是推行阳光政务'))!
    const copy = source.replace(/2025/g, '2026').replace(/2024/g, '2025').replace(rewritten, '一是全面推行“一网通办”，群众办事平均跑动次数降到0.3次以下，镇便民服务中心窗口全年受理事项一万二千余件，满意率保持在百分之九十九以上。')
    const mine = path.join(dir, 'gekeng-2025.txt')
    fs.writeFileSync(mine, copy)
    const r = run(['check', '--json', '--compare-with', last, mine, path.join(FIXTURES, 'corpus', 'formats', 'xincheng-2020.pdf')])
    expect(r.code).toBe(0)
    type Similar = { file: string; share: number; passages: Array<{ start: number; end: number; otherStart: number; otherEnd: number }> }
    const reports = (JSON.parse(r.out) as { reports: Array<{ file: string; similar: Similar[] }> }).reports
    expect(reports.map((x) => path.basename(x.file))).toEqual(['gekeng-2025.txt', 'xincheng-2020.pdf'])
    const g = reports[0]!
    const x = reports[1]!
    expect(g.similar.map((s) => path.basename(s.file))).toEqual(['gekeng-2024.txt'])
    expect(g.similar[0]!.share).toBeGreaterThan(0.9)
    expect(g.similar[0]!.share).toBeLessThan(0.99)
    // the rewritten paragraph is no passage
    const at = copy.indexOf('一是全面推行“一网通办”')
    expect(g.similar[0]!.passages.some((p) => p.start < at + 60 && p.end > at + 10)).toBe(false)
    // offsets into each report's extracted text: the same words, years aside
    const words = (t: string) => t.replace(/[\s\p{P}\p{S}]/gu, '').replace(/\d/g, '0').replace(/^[一二三四五六七八九十]是/, '是')
    for (const p of g.similar[0]!.passages) expect(words(copy.slice(p.start, p.end))).toBe(words(source.slice(p.otherStart, p.otherEnd)))
    // a different report shares nothing but standard wording
    expect(x.similar.every((s) => s.share < 0.02)).toBe(true)
    // the table lists them too
    const table = run(['check', '--compare-with', last, mine])
    expect(table.out).toMatch(/与 .* 中报告相同的文字（不计标准用语）：[\s\S]*gekeng-2024\.txt/)
    expect(run(['check', '--compare-with', path.join(dir, 'missing'), mine]).code).toBe(64)
  })

  it.each([[['check']], [['check', '--bogus', 'x']], [['frobnicate']], [['check', '--checklist', 'nope', 'x']]])('usage error %j exits 64', (args) => {
    const r = run(args)
    expect(r.code).toBe(64)
    expect(r.err).toMatch(/report-audit:/)
  })
})

describe('report-audit import', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-cli-import-'))
  })

  it('imports into a new project, prints the counts and each failure, and counts repeats as duplicates', () => {
    const project = path.join(dir, 'p.raudit')
    const first = run(['import', '--project', project, path.join(ROOT, 'resources', 'samples'), path.join(FIXTURES, 'encrypted.pdf')])
    expect(first.code).toBe(2)
    expect(first.out).toContain('共 5 个文件：导入 4，重复 0，失败 1。')
    expect(first.out).toMatch(/encrypted\.pdf\n\s+PDF 设有打开密码/)
    const again = run(['import', '--json', '--project', project, path.join(ROOT, 'resources', 'samples')])
    expect(again.code).toBe(0)
    const s = JSON.parse(again.out) as { imported: number; duplicates: number; outcomes: Array<{ kind: string }> }
    expect(s).toMatchObject({ imported: 0, duplicates: 4 })
    expect(s.outcomes.every((o) => o.kind === 'duplicate')).toBe(true)
  })

  it('check prints the refusal of a document that is not a report; import --accept-not-report takes it', () => {
    const src = path.join(dir, 'news')
    fs.mkdirSync(src)
    fs.copyFileSync(path.join(FIXTURES, 'corpus', 'excerpts2', '047.txt'), path.join(src, '新闻.txt'))
    const checked = run(['check', src])
    expect(checked.code).toBe(2)
    expect(checked.out).toMatch(/新闻\.txt\s+不作为年度报告分析 \[not-a-report\] 这是一则新闻报道/)
    expect(checked.out).toContain('读取成功 0，无法读取 0，不是年度报告 1。')
    const project = path.join(dir, 'news.raudit')
    const refused = run(['import', '--json', '--project', project, src])
    expect(JSON.parse(refused.out)).toMatchObject({ imported: 0, failed: 1 })
    const taken = run(['import', '--json', '--accept-not-report', '--project', project, src])
    expect(taken.code).toBe(0)
    expect(JSON.parse(taken.out)).toMatchObject({ imported: 1, failed: 0 })
  })

  it('needs --project, and refuses a file that is not a project', () => {
    expect(run(['import', path.join(ROOT, 'resources', 'samples')]).code).toBe(64)
    const notProject = path.join(dir, 'note.txt')
    fs.writeFileSync(notProject, '随便写点什么'.repeat(300))
    const r = run(['import', '--project', notProject, path.join(ROOT, 'resources', 'samples')])
    expect(r.code).toBe(64)
    expect(r.err).toMatch(/项目文件/)
  })

  it('a kill during an import loses at most the files in flight; the project opens intact', async () => {
    const src = path.join(dir, 'many')
    fs.mkdirSync(src)
    const base = fs.readFileSync(path.join(FIXTURES, 'corpus', 'formats', 'xincheng-2020.gbk.txt'))
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(src, `r${String(i).padStart(3, '0')}.txt`), Buffer.concat([base, Buffer.from(`\r\n附：${i}\r\n`)]))
    const project = path.join(dir, 'killed.raudit')
    const child = spawn(process.execPath, [BIN, 'import', '--project', project, src], { cwd: ROOT, stdio: 'ignore' })
    const { default: Database } = await import('better-sqlite3')
    // wait until some reports are in, then kill without warning
    for (let waited = 0; waited < 60_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50))
      if (!fs.existsSync(project)) continue
      try {
        const db = new Database(project, { readonly: true, fileMustExist: true })
        const n = (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n
        db.close()
        if (n >= 5) break
      } catch {
        /* schema not created yet */
      }
    }
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    const db = new Database(project)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const n = (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n
    expect(n).toBeGreaterThanOrEqual(5)
    expect(n).toBeLessThan(300)
    // every stored report is whole: its file and its text came with it
    expect(db.prepare('SELECT count(*) AS n FROM report_files').get()).toEqual({ n })
    expect(db.prepare('SELECT count(*) AS n FROM report_texts').get()).toEqual({ n })
    db.close()
    // the next import completes the batch: the rest imported, the first ones known as duplicates
    const r = run(['import', '--json', '--project', project, src])
    const s = JSON.parse(r.out) as { imported: number; duplicates: number; failed: number }
    expect(s).toEqual(expect.objectContaining({ imported: 300 - n, duplicates: n, failed: 0 }))
    expect(r.code).toBe(0)
  }, 120_000)
})

describe('report-audit export', () => {
  it('writes the year’s 汇总表, CSV, 通报 and review data, letters for reviewed reports only, drafts when asked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-cli-export-'))
    const project = path.join(dir, 'p.raudit')
    expect(run(['import', '--project', project, path.join(ROOT, 'resources', 'samples')]).code).toBe(0)
    const units = path.join(dir, '名单.csv')
    fs.writeFileSync(units, '\uFEFF单位名称,层级\r\n新城镇,乡镇\r\n夏铎铺镇,乡镇\r\n大屯营镇,乡镇\r\n葛坑镇,乡镇\r\n')
    expect(run(['units', '--project', project, '--import', units]).code).toBe(0)
    const common = ['export', '--project', project, '--year', '2020', '--body', '某某县司法局', '--date', '2021-04-20']
    const r = run([...common, '--xlsx', path.join(dir, 's.xlsx'), '--csv', path.join(dir, 's.csv'), '--notice', path.join(dir, '通报.docx'), '--json', path.join(dir, 'd.json'), '--docx', path.join(dir, 'docx'), '--reviewer', '钱审核'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('共 4 个文件（2020 年度，名单 4 个单位）')
    // nobody has reviewed anything: no letters, and the output says why for each unit that sent one
    expect(fs.existsSync(path.join(dir, 'docx')) ? fs.readdirSync(path.join(dir, 'docx')) : []).toEqual([])
    expect(r.out).toMatch(/未生成审核意见（2）：\n {2}新城镇 2020年度：尚未审核/)
    const { default: readXlsxFile } = await import('read-excel-file/node')
    const [sheet] = await readXlsxFile(fs.readFileSync(path.join(dir, 's.xlsx')))
    expect(sheet!.data[0]![0]).toBe('某某县司法局 2020年度法治政府建设年度报告审核情况汇总表')
    expect(sheet!.data[1]!.some((c) => c === '制表日期：2021年4月20日')).toBe(true)
    // every unit of the roster, 葛坑镇 too: its report is for 2024
    expect(sheet!.data.slice(3, 7).map((row) => [row[1], row[3]])).toEqual([
      ['新城镇', '已报送'],
      ['夏铎铺镇', '已报送'],
      ['大屯营镇', '未报送'],
      ['葛坑镇', '未报送']
    ])
    expect(fs.readFileSync(path.join(dir, 's.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const { default: mammoth } = await import('mammoth')
    const notice = (await mammoth.extractRawText({ path: path.join(dir, '通报.docx') })).value
    expect(notice).toContain('大屯营镇、葛坑镇2家单位未报送年度报告')
    expect(notice).toContain('截至2021年4月20日')

    const d = run([...common, '--docx', path.join(dir, 'drafts'), '--md', path.join(dir, 'md'), '--drafts', '--appendix'])
    expect(d.code).toBe(0)
    expect(fs.readdirSync(path.join(dir, 'drafts')).sort()).toEqual(['夏铎铺镇-2020-审核意见（初审稿）.docx', '新城镇-2020-审核意见（初审稿）.docx'])
    const md = fs.readFileSync(path.join(dir, 'md', '新城镇-2020-审核意见（初审稿）.md'), 'utf8')
    expect(md).toContain('**初审稿**')
    expect(md).toContain('某某县司法局\n\n2021年4月20日')
    expect(md).toContain('审核工作底稿')
    // the units of one report only; an unknown id, a bad date or year, drafts without letters are usage errors
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'd.json'), 'utf8')) as { reports: Array<{ id: number; fileName: string; copiedShare: number | null; similar: unknown[] }> }
    // the review data says, per report, what it carried over from last year's (nothing here: one year each)
    expect(data.reports.every((x) => x.copiedShare === null && Array.isArray(x.similar))).toBe(true)
    const xincheng = data.reports.find((x) => x.fileName === 'xincheng-2020.pdf')!.id
    const one = run([...common, '--report', String(xincheng), '--csv', path.join(dir, 'one.csv')])
    expect(one.code).toBe(0)
    const oneRows = fs.readFileSync(path.join(dir, 'one.csv'), 'utf8').trim().split('\r\n')
    expect(oneRows).toHaveLength(2)
    expect(oneRows[1]).toMatch(/^1,新城镇,/)
    expect(run([...common, '--report', '99', '--csv', path.join(dir, 'x.csv')]).code).toBe(64)
    expect(run([...common, '--date', '2021-02-30', '--csv', path.join(dir, 'x.csv')]).code).toBe(64)
    expect(run(['export', '--project', project, '--year', '20', '--csv', path.join(dir, 'x.csv')]).code).toBe(64)
    expect(run(['export', '--project', project, '--drafts', '--csv', path.join(dir, 'x.csv')]).code).toBe(64)
    expect(run(['export', '--project', path.join(dir, 'missing.raudit'), '--csv', path.join(dir, 'x.csv')]).code).toBe(64)
  })

  it('a file that cannot be written is reported and the others are still written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-cli-export-'))
    const project = path.join(dir, 'p.raudit')
    expect(run(['import', '--project', project, path.join(ROOT, 'resources', 'samples')]).code).toBe(0)
    // a folder where the CSV should go: that file cannot be written
    const blocked = path.join(dir, 'blocked.csv')
    fs.mkdirSync(blocked)
    const r = run(['export', '--project', project, '--csv', blocked, '--json', path.join(dir, 'd.json')])
    expect(r.code).toBe(2)
    expect(r.out).toMatch(/无法写入 1 个文件：\n {2}.*blocked\.csv/)
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'd.json'), 'utf8')).reports).toHaveLength(4)
  })
})

describe('report-audit units and status', () => {
  it('imports a roster, then prints each unit with its submission, lateness and review, as a table and as JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-status-'))
    const project = path.join(dir, '2020年度.raudit')
    const csv = path.join(dir, '名单.csv')
    fs.writeFileSync(csv, '\uFEFF单位名称,层级,别名\r\n新城镇,乡镇,\r\n夏铎铺镇,乡镇,夏铎铺镇人民政府;夏铎铺\r\n大屯营镇,乡镇,\r\n')
    const u = run(['units', '--project', project, '--import', csv])
    expect(u.code).toBe(0)
    expect(u.out).toMatch(/新增 3 个单位/)
    const formats = path.join(FIXTURES, 'corpus', 'formats')
    expect(run(['import', '--project', project, path.join(formats, 'xincheng-2020.docx'), path.join(formats, 'xincheng-2020.pdf'), path.join(formats, 'xiaduopu-2020.docx'), path.join(formats, 'gekeng-2024.docx')]).code).toBe(0)

    const j = run(['status', '--project', project, '--year', '2020', '--json'])
    expect(j.code).toBe(0)
    const doc = JSON.parse(j.out)
    expect(doc.year).toBe(2020)
    expect(doc.units).toEqual([
      { unit: '新城镇', level: 'township', submitted: true, files: 2, versions: 1, received: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), published: '2021-05-14', daysLate: 43, review: '未审', verdict: null, reviewer: null },
      { unit: '夏铎铺镇', level: 'township', submitted: true, files: 1, versions: 1, received: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), published: '2020-12-30', daysLate: 0, review: '未审', verdict: null, reviewer: null },
      { unit: '大屯营镇', level: 'township', submitted: false, files: 0, versions: 0, received: null, published: null, daysLate: null, review: '未审', verdict: null, reviewer: null }
    ])
    expect(doc.unassigned).toEqual([])
    expect(doc.figures).toMatchObject({ units: 3, submitted: 2, onTime: 1, reviewed: 0 })
    // 葛坑镇's 2024 report waits for a unit in its own year
    expect(JSON.parse(run(['status', '--project', project, '--year', '2024', '--json']).out).unassigned).toEqual([{ file: 'gekeng-2024.docx', issuer: '葛坑镇人民政府' }])

    const t = run(['status', '--project', project, '--year', '2020'])
    expect(t.code).toBe(0)
    expect(t.out).toMatch(/新城镇\s+乡镇（街道）\s+已报送\s+2\s+1\s+2021-05-14\s+43 天\s+未审/)
    expect(t.out).toMatch(/大屯营镇\s+乡镇（街道）\s+未报送/)
    expect(t.out).toMatch(/应报 3，已报 2（报送率 66\.7%），按时公开 1（按时公开率 50%）/)
    expect(run(['status', '--project', project, '--year', '二〇二〇']).code).toBe(64)
    expect(run(['status', '--project', path.join(dir, '没有.raudit')]).code).toBe(64)
  })
})

describe('report-audit import --urls', () => {
  /** The command run without blocking this process, which serves the pages it fetches. */
  function runAsync(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT })
      let out = ''
      let err = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      child.on('close', (code) => resolve({ code, out, err }))
    })
  }

  it('fetches every address of a list (GBK as typed in Notepad), imports the pages and names each failure with its reason', async () => {
    const { startPageServer } = await import('./helpers/page-server')
    const server = await startPageServer()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-cli-urls-'))
    try {
      const project = path.join(dir, 'p.raudit')
      const list = path.join(dir, '网址.txt')
      const lines = ['# 各镇报告网址', `葛坑镇 ${server.url('/gekeng.gbk.html')}`, server.url('/moved'), server.url('/missing.html'), server.url('/loop'), '']
      fs.writeFileSync(list, gbk(lines.join('\r\n')))
      // Addresses on this machine are refused unless allowed.
      const refused = await runAsync(['import', '--json', '--project', project, '--urls', list])
      expect(refused.code).toBe(2)
      const r0 = JSON.parse(refused.out) as { imported: number; outcomes: Array<{ code: string }> }
      expect(r0.imported).toBe(0)
      expect(new Set(r0.outcomes.map((o) => o.code))).toEqual(new Set(['blocked-address']))

      const r = await runAsync(['import', '--project', project, '--urls', list, '--delay', '0', '--allow-private-network'])
      expect(r.code).toBe(2)
      expect(r.out).toContain('共 4 个网址：导入 2，重复 0，失败 2。')
      expect(r.out).toContain(server.url('/missing.html'))
      expect(r.out).toMatch(/网页不存在，可能已撤下或网址有误（HTTP 404）/)
      expect(r.out).toMatch(/跳转超过 5 次/)
      const status = run(['status', '--project', project, '--json'])
      expect(status.code).toBe(0)

      // Usage errors: files and addresses together, an empty list.
      expect((await runAsync(['import', '--project', project, '--urls', list, path.join(FIXTURES, 'encrypted.pdf')])).code).toBe(64)
      fs.writeFileSync(path.join(dir, 'empty.txt'), '# 没有网址\n')
      expect((await runAsync(['import', '--project', project, '--urls', path.join(dir, 'empty.txt')])).code).toBe(64)
      expect((await runAsync(['import', '--project', project, '--unit-pages'])).err).toContain('报告网址')
    } finally {
      await server.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

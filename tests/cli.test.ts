// The report-audit command as a user runs it: built bin, real files, exit codes, JSON shape.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES } from './helpers/fixtures'

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
    expect(ok).toHaveLength(18)
    const bad = doc.reports.filter((x) => !x.ok)
    expect(bad.map((x) => path.basename(String(x.file)))).toEqual(['labels.json'])
    const x = ok.find((o) => String(o.file).endsWith('xincheng-2020.pdf'))!
    expect(Object.keys(x).sort()).toEqual(['encoding', 'file', 'findings', 'format', 'items', 'meta', 'ok', 'warnings'])
    expect(x.meta).toEqual({ title: '新城镇2020年法治政府建设情况报告', issuer: '新城镇', level: 'township', year: 2020, published: '2021-05-14', signed: null, docNumber: null })
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

  it.each([[['check']], [['check', '--bogus', 'x']], [['frobnicate']], [['check', '--checklist', 'nope', 'x']]])('usage error %j exits 64', (args) => {
    const r = run(args)
    expect(r.code).toBe(64)
    expect(r.err).toMatch(/report-audit:/)
  })
})

// Calls a subverted window (or an unlucky start) could make, against the real services: paths nobody
// chose are refused, nothing is written over an existing file without the save dialog's consent, the
// extension is kept; a project that cannot be opened leaves the app running without one; a stuck file
// is stopped at once by cancel, and the project can then be switched and the app closed.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CORPUS } from '../../../tests/helpers/fixtures'
import { acceptDroppedPath } from '../ipc/dispatch'
import { createParsePool } from '../pipeline/parse-pool'
import { forkParseProcess } from '../pipeline/parse-process'
import { createServices, type ServiceOptions, type Services } from './create-services'
import type { DialogHost } from './workspace'

let dir: string
let services: Services | null = null
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-hostile-'))
})
afterEach(async () => {
  await services?.close()
  services = null
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Dialogs that answer what the test queued, as a reviewer would pick. */
class Dialogs implements DialogHost {
  saves: string[] = []
  folders: string[] = []
  reports: string[][] = []
  projects: string[] = []
  pickReports = async () => this.reports.shift() ?? []
  pickProjectToOpen = async () => this.projects.shift() ?? null
  pickProjectToSave = async () => this.projects.shift() ?? null
  pickFolder = async () => this.folders.shift() ?? null
  pickSavePath = async () => this.saves.shift() ?? null
  pickSheet = async () => null
}

function start(opts: Partial<ServiceOptions> = {}): Services {
  services = createServices({ projectFile: path.join(dir, 'p.raudit'), pool: (c) => createParsePool(c, { workerUrl: null }), ...opts })
  return services
}

const formats = (f: string) => path.join(CORPUS, 'formats', f)

async function waitJob(s: Services, id: string) {
  return s.jobs.wait(id)
}

describe('paths from the window', () => {
  it('refuses to import a path nobody chose, and imports one that was dropped', async () => {
    const s = start()
    const secret = path.join(dir, 'secret.txt')
    fs.writeFileSync(secret, '关于2024年度法治政府建设情况的报告\n密码哈希：$6$abc')
    await expect(s.api.imports.start([secret])).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/不能读取未经选择的路径/) })
    expect(s.jobs.list()).toEqual([])
    // the preload registers a dropped file before the window names it
    expect(acceptDroppedPath((p) => s.grants.grantRead(p), formats('gekeng-2024.docx'))).toBe(true)
    const job = await s.api.imports.start([formats('gekeng-2024.docx')])
    expect((await waitJob(s, job.id)).state).toBe('done')
    expect((await s.api.library.list()).map((r) => r.fileName)).toEqual(['gekeng-2024.docx'])
  })

  it('writes a summary only where a dialog chose, keeps the extension, and never over another file without the dialog', async () => {
    const dialogs = new Dialogs()
    const s = start({ dialogs })
    const home = path.join(dir, 'home')
    fs.mkdirSync(home)
    const bashrc = path.join(home, '.bashrc')
    fs.writeFileSync(bashrc, 'export PATH=/usr/bin\n')
    // nothing chosen: refused
    await expect(s.api.exports.batch({ reportIds: null, json: bashrc })).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(s.api.exports.reports({ reportIds: null, formats: ['md'], dir: path.join(home, 'a', 'b', 'c') })).rejects.toMatchObject({ code: 'invalid-argument' })
    expect(fs.existsSync(path.join(home, 'a'))).toBe(false)
    // a folder chosen to export into: new files only, the extension kept
    dialogs.folders.push(home)
    expect(await s.api.exports.pickAndExportReports({ reportIds: [], formats: ['md'] })).not.toBeNull()
    const [json] = await s.api.exports.batch({ reportIds: null, json: bashrc })
    expect(json).toBe(`${bashrc}.json`)
    expect(fs.readFileSync(bashrc, 'utf8')).toBe('export PATH=/usr/bin\n')
    await expect(s.api.exports.batch({ reportIds: null, json: `${bashrc}.json` })).rejects.toThrow(/已存在文件 .bashrc.json，未覆盖/)
    // the file the save dialog chose (it asked before replacing) may be overwritten
    dialogs.saves.push(`${bashrc}.json`)
    expect(await s.api.exports.pickAndExportBatch('json', null)).toBe(`${bashrc}.json`)
  })

  it('opens and creates projects only where a dialog chose', async () => {
    const dialogs = new Dialogs()
    const s = start({ dialogs })
    const other = path.join(dir, 'other.raudit')
    fs.copyFileSync(path.join(dir, 'p.raudit'), other)
    await expect(s.api.projects.open(other)).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(s.api.projects.create(path.join(dir, 'new'))).rejects.toMatchObject({ code: 'invalid-argument' })
    dialogs.projects.push(other)
    expect((await s.api.projects.pickAndOpen())?.file).toBe(other)
    dialogs.projects.push(path.join(dir, 'new'))
    expect((await s.api.projects.pickAndCreate())?.file).toBe(path.join(dir, 'new.raudit'))
  })
})

describe('a project that cannot be opened at start', () => {
  it('the app starts without a project and says why; a new project can then be made', async () => {
    const file = path.join(dir, 'p.raudit')
    fs.writeFileSync(file, Buffer.alloc(4096, 0x42))
    const dialogs = new Dialogs()
    const s = start({ dialogs })
    const info = await s.api.projects.current()
    expect(info.unavailable).toMatch(/无法打开项目文件 p.raudit/)
    await expect(s.api.library.list()).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/没有打开的项目：无法打开项目文件 p.raudit/) })
    dialogs.projects.push(path.join(dir, '新项目'))
    expect((await s.api.projects.pickAndCreate())?.name).toBe('新项目')
    expect(await s.api.library.list()).toEqual([])
    // the damaged file was left as it was
    expect(fs.readFileSync(file)).toEqual(Buffer.alloc(4096, 0x42))
  })
})

describe('a file that never finishes', () => {
  it('cancel stops it at once: the job ends, the project can be switched, the app closes', async () => {
    const pids: number[] = []
    const hostile = pathToFileURL(path.resolve(import.meta.dirname, '../../../tests/helpers/hostile-parse-worker.ts'))
    const s = start({
      grantedPaths: [dir],
      // a 10-minute budget: only cancelling can end this file in the test's time
      pool: (c) => createParsePool(c, { threads: 1, workerUrl: hostile, execArgv: ['--import', 'tsx'], budgets: { baseSeconds: 600 }, spawn: (o) => {
        const p = forkParseProcess(o)
        if (p.pid) pids.push(p.pid)
        return p
      } })
    })
    s.grants.grantFolder(dir)
    const stuck = path.join(dir, 'hostile-loop.html')
    fs.writeFileSync(stuck, '<html><title>x</title></html>')
    const job = await s.api.imports.start([stuck])
    for (let i = 0; i < 500 && s.jobs.get(job.id)?.current == null; i++) await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, 300))
    expect(await s.api.jobs.cancel(job.id)).toBe(true)
    const end = await waitJob(s, job.id)
    expect(end.state).toBe('cancelled')
    expect((await s.api.projects.create(path.join(dir, '另一个'))).name).toBe('另一个')
    await s.close()
    services = null
    await new Promise((r) => setTimeout(r, 100))
    expect(pids.length).toBeGreaterThan(0)
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow()
  })
})

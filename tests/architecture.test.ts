// Data flows one way: no module imports from a layer above its own (docs/architecture.md). This test
// reads every import in src/ and fails on a wrong-way arrow, naming the file and what it imports.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(import.meta.dirname, '..', 'src')

/** Bottom to top. A module may import from its own layer and the ones below. */
const LAYERS: Array<[string, number]> = [
  ['shared', 0],
  ['main/domain', 1],
  ['main/readers', 2],
  ['main/store', 3],
  ['main/exporters', 3],
  ['main/pipeline', 4],
  ['main/jobs', 5],
  ['main/services', 6],
  ['main/ipc', 7],
  ['main/windows', 8],
  ['main', 9], // the entries: index.ts (Electron), cli.ts (report-audit)
  ['preload', 10],
  ['renderer', 10]
]

function layerOf(file: string): { name: string; rank: number } {
  const rel = path.relative(SRC, file).split(path.sep).join('/')
  const hit = LAYERS.find(([dir]) => rel.startsWith(`${dir}/`))
  if (!hit) throw new Error(`no layer for ${rel}`)
  return { name: hit[0], rank: hit[1] }
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sources(full)
    return /\.(ts|vue)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : []
  })
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

export function wrongWayImports(files: string[]): string[] {
  const out: string[] = []
  for (const file of files) {
    const from = layerOf(file)
    const text = fs.readFileSync(file, 'utf8')
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!
      const target = path.resolve(path.dirname(file), spec)
      if (!target.startsWith(SRC)) continue
      const resolved = /\.(ts|vue)$/.test(target) ? target : fs.existsSync(target) && fs.statSync(target).isDirectory() ? path.join(target, 'index.ts') : `${target}.ts`
      const to = layerOf(resolved)
      const crossProcess = (from.name === 'renderer' || from.name === 'preload') && to.rank > 0 && to.name !== from.name
      if (to.rank > from.rank || crossProcess) out.push(`${path.relative(SRC, file)} (${from.name}) → ${spec} (${to.name})`)
    }
  }
  return out
}

describe('layers', () => {
  const files = sources(SRC)

  it('finds the code it checks', () => {
    expect(files.length).toBeGreaterThan(80)
    for (const layer of ['main/domain', 'main/readers', 'main/store', 'main/pipeline', 'main/jobs', 'main/services', 'main/ipc', 'renderer']) {
      expect(files.some((f) => layerOf(f).name === layer), layer).toBe(true)
    }
  })

  it('no module imports from a layer above its own', () => {
    expect(wrongWayImports(files)).toEqual([])
  })

  it('catches a wrong-way import', () => {
    const tmp = path.join(SRC, 'main', 'domain', '__wrong-way.ts')
    fs.writeFileSync(tmp, "import { Workspace } from '../services/workspace'\nexport const x = Workspace\n")
    try {
      expect(wrongWayImports([tmp])).toEqual(['main/domain/__wrong-way.ts (main/domain) → ../services/workspace (main/services)'])
    } finally {
      fs.rmSync(tmp)
    }
  })
})

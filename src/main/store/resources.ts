// Locates the bundled resources folder (checklists, samples) from source, from the built CLI and from Electron.

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

let cached: string | null = null

export function resourcesDir(): string {
  if (cached) return cached
  const candidates: string[] = []
  if (process.env.REPORT_AUDIT_RESOURCES) candidates.push(process.env.REPORT_AUDIT_RESOURCES)
  const electronResources = (process as { resourcesPath?: string }).resourcesPath
  if (electronResources) candidates.push(path.join(electronResources, 'resources'))
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, 'resources'))
    dir = path.dirname(dir)
  }
  for (const c of candidates) {
    if (fs.existsSync(path.join(c, 'checklists', 'default.json'))) return (cached = c)
  }
  throw new Error(`找不到资源目录（resources/checklists）。已查找：${candidates.join('，')}`)
}

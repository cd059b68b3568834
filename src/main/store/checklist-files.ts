// Loads checklists: the bundled ones by id, or a reviewer's JSON file by path, validated by schema.

import fs from 'node:fs'
import path from 'node:path'
import type { Checklist } from '../../shared/models/checklist'
import { checklistSchema, describeChecklistPath } from '../../shared/schemas/checklist'
import { AppError } from '../../shared/errors'
import { resourcesDir } from './resources'

export function parseChecklist(json: unknown, source: string): Checklist {
  const r = checklistSchema.safeParse(json)
  if (!r.success) {
    const issue = r.error.issues[0]
    throw new AppError('invalid-argument', `清单 ${source} 有误：${issue ? describeChecklistPath(json, issue.path) : '清单'}${issue?.message ?? ''}`)
  }
  return r.data
}

export function bundledChecklistIds(): string[] {
  return fs
    .readdirSync(path.join(resourcesDir(), 'checklists'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort()
}

/** An id of a bundled checklist (default, statutory) or a path to a checklist JSON file. */
export function loadChecklist(idOrPath = 'default'): Checklist {
  const isId = /^[a-z][a-z0-9-]*$/.test(idOrPath)
  const file = isId ? path.join(resourcesDir(), 'checklists', `${idOrPath}.json`) : path.resolve(idOrPath)
  let raw: string
  try {
    raw = fs.readFileSync(file, 'utf8')
  } catch {
    throw new AppError('not-found', isId ? `没有名为 ${idOrPath} 的清单（可用：${bundledChecklistIds().join('、')}）。` : `找不到清单文件 ${idOrPath}。`)
  }
  let json: unknown
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new AppError('invalid-argument', `清单文件 ${file} 不是有效的 JSON：${(e as Error).message}`)
  }
  return parseChecklist(json, file)
}

const BUNDLED_ID = /^[a-z][a-z0-9-]*$/

/** Where a project keeps its own checklists (edited, duplicated or imported in the app). */
export interface ChecklistStore {
  json(id: string): string | null
}

/** A checklist by id: the project's own first, then the bundled ones. */
export function resolveChecklist(store: ChecklistStore, id: string): Checklist {
  const own = store.json(id)
  if (own !== null) return parseChecklist(JSON.parse(own), id)
  if (!BUNDLED_ID.test(id)) throw new AppError('not-found', `没有名为 ${id} 的清单。`)
  return loadChecklist(id)
}

export function isBundled(id: string): boolean {
  return bundledChecklistIds().includes(id)
}

/** The checklist a project's reports are checked against: the one named, else the default (also when the named one is gone). */
export function projectChecklist(store: ChecklistStore, activeId: string | null): Checklist {
  try {
    return resolveChecklist(store, activeId ?? 'default')
  } catch {
    return loadChecklist('default')
  }
}

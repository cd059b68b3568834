// Loads scoring rubrics: the bundled ones (resources/rubrics) by id, or the project's own, validated by schema.

import fs from 'node:fs'
import path from 'node:path'
import type { Rubric } from '../../shared/models/rubric'
import { describeRubricPath, rubricSchema } from '../../shared/schemas/rubric'
import { AppError } from '../../shared/errors'
import { resourcesDir } from './resources'

export function parseRubric(json: unknown, source: string): Rubric {
  const r = rubricSchema.safeParse(json)
  if (!r.success) {
    const issue = r.error.issues[0]
    throw new AppError('invalid-argument', `评分表 ${source} 有误：${issue ? describeRubricPath(json, issue.path) : '评分表'}${issue?.message ?? ''}`)
  }
  return r.data
}

export function bundledRubricIds(): string[] {
  const dir = path.join(resourcesDir(), 'rubrics')
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort()
}

export function isBundledRubric(id: string): boolean {
  return bundledRubricIds().includes(id)
}

export function loadBundledRubric(id: string): Rubric {
  if (!/^[a-z][a-z0-9-]*$/.test(id) || !isBundledRubric(id)) throw new AppError('not-found', `没有名为 ${id} 的评分表（可用：${bundledRubricIds().join('、') || '无'}）。`)
  const file = path.join(resourcesDir(), 'rubrics', `${id}.json`)
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new AppError('invalid-argument', `评分表文件 ${file} 不是有效的 JSON：${(e as Error).message}`)
  }
  return parseRubric(json, file)
}

export interface RubricStore {
  json(id: string): string | null
}

/** A rubric by id: the project's own first, then the bundled ones. */
export function resolveRubric(store: RubricStore, id: string): Rubric {
  const own = store.json(id)
  if (own !== null) return parseRubric(JSON.parse(own), id)
  return loadBundledRubric(id)
}

/** The rubric the project grades with: the one named, else the bundled default (also when the named one is gone). */
export function projectRubric(store: RubricStore, activeId: string | null): Rubric {
  try {
    return resolveRubric(store, activeId ?? 'default')
  } catch {
    return loadBundledRubric('default')
  }
}

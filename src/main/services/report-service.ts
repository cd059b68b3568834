// ReportsApi for the app: checks files with the worker pool, lists checklists. No electron here.

import fs from 'node:fs'
import path from 'node:path'
import type { ChecklistSummary, ReportsApi } from '../../shared/ipc/contract'
import type { CheckedReport } from '../../shared/models/check'
import { createParsePool } from '../jobs/parse-pool'
import { bundledChecklistIds, loadChecklist } from './checklists'
import { collectFiles, notReadReports } from './collect-files'
import { resourcesDir } from './resources'

export class ReportService implements ReportsApi {
  async check(paths: string[], checklistId = 'default'): Promise<CheckedReport[]> {
    const checklist = loadChecklist(checklistId)
    const collected = await collectFiles(paths)
    const pool = createParsePool(checklist)
    try {
      const done = await Promise.all(collected.files.map((f) => pool.run(f).then((o) => o.report)))
      return [...done, ...notReadReports(collected)]
    } finally {
      await pool.close()
    }
  }

  checkSamples(checklistId?: string): Promise<CheckedReport[]> {
    return this.check([path.join(resourcesDir(), 'samples')], checklistId)
  }

  async checklists(): Promise<ChecklistSummary[]> {
    return bundledChecklistIds().map((id) => {
      const c = loadChecklist(id)
      return { id: c.id, name: c.name, items: c.items.map((i) => ({ id: i.id, name: i.name })) }
    })
  }
}

export function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(resourcesDir(), '..', 'package.json'), 'utf8')) as { version?: string }
    return pkg.version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

// ChecklistsApi: the checklists the app can check reports against.

import type { ChecklistSummary, ChecklistsApi } from '../../shared/ipc/contract'
import { bundledChecklistIds, loadChecklist } from './checklists'

export class ChecklistService implements ChecklistsApi {
  async list(): Promise<ChecklistSummary[]> {
    return bundledChecklistIds().map((id) => {
      const c = loadChecklist(id)
      return { id: c.id, name: c.name, items: c.items.map((i) => ({ id: i.id, name: i.name, short: i.short ?? i.name })) }
    })
  }
}

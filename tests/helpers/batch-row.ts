// A row of the year's batch (one unit's submission) for the pure 汇总表 / 通报 tests: submitted on time,
// every checklist item met, reviewed with the given overall verdict; `over` changes what a test is about.

import type { BatchRow } from '../../src/main/exporters/model'
import type { Checklist } from '../../src/shared/models/checklist'

export function batchRow(checklist: Checklist, unit: string, overall: BatchRow['overall'], over: Partial<BatchRow> = {}): BatchRow {
  return {
    unit,
    level: 'township',
    state: 'submitted',
    reportId: 1,
    title: null,
    received: '2021-03-20',
    published: '2021-03-25',
    daysLate: 0,
    items: checklist.items.map((i) => ({ id: i.id, verdict: 'meets' as const, detected: 'present' as const, optional: false })),
    findings: [],
    score: null,
    grade: null,
    scoreProposed: false,
    review: 'reviewed',
    overall,
    opinion: '',
    reviewer: '甲',
    annotations: [],
    ...over
  }
}

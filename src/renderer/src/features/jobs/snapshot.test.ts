// Snapshots of one job arrive as events and as the answer of the call that started it, in any order.
import { describe, expect, it } from 'vitest'
import type { JobSnapshot } from '../../../../shared/models/job'
import { newer, percent } from './snapshot'

const snap = (state: JobSnapshot['state'], done: number, total = 10): JobSnapshot => ({
  id: 'j',
  kind: 'import',
  state,
  total,
  done,
  counts: {},
  current: null,
  startedAt: '2025-01-01T00:00:00.000Z',
  finishedAt: state === 'running' ? null : '2025-01-01T00:01:00.000Z',
  error: null,
  result: null
})

describe('newer', () => {
  it.each([
    ['a finished job is not taken back to running by a late answer', snap('done', 10), snap('running', 0), 'done'],
    ['the final event replaces the running one', snap('running', 3), snap('cancelled', 3), 'cancelled'],
    ['a later progress event replaces an earlier one', snap('running', 3), snap('running', 5), 'running:5'],
    ['an earlier progress event arriving late is ignored', snap('running', 5), snap('running', 3), 'running:5']
  ])('%s', (_name, a, b, expected) => {
    const n = newer(a, b)
    expect(n.state === 'running' ? `running:${n.done}` : n.state).toBe(expected)
  })
})

describe('percent', () => {
  it.each([
    [0, 0, 0],
    [0, 10, 0],
    [5, 10, 50],
    [1, 3, 33],
    [12, 10, 100]
  ])('%i of %i is %i%%', (done, total, expected) => {
    expect(percent({ done, total })).toBe(expected)
  })
})

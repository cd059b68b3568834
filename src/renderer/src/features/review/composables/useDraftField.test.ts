// The workspace's text fields against the stored values they edit: what the reviewer typed is never lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useDraftField } from './useDraftField'

function setup(opts: { autosaveMs?: number } = {}) {
  const stored = ref<string | undefined>('初稿')
  const owner = ref(1)
  const saved: string[] = []
  const flushes = new Set<() => Promise<void>>()
  const scope = effectScope()
  const field = scope.run(() =>
    useDraftField({
      stored: () => stored.value,
      owner: () => owner.value,
      save: (v) => {
        saved.push(v)
      },
      autosaveMs: opts.autosaveMs,
      register: (f) => (flushes.add(f), () => flushes.delete(f))
    })
  )!
  return { stored, owner, saved, flushes, scope, field }
}

describe('useDraftField', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows the stored value and follows it while the reviewer has not typed (an undo, a reload)', () => {
    const { stored, field } = setup()
    expect(field.value.value).toBe('初稿')
    stored.value = '撤销后的意见'
    expect(field.value.value).toBe('撤销后的意见')
  })

  it('keeps what was typed when a save returns mid-typing with an older value', () => {
    const { stored, field } = setup()
    field.value.value = '请补充问题原'
    stored.value = '请补充' // the autosave of an earlier pause comes back
    expect(field.value.value).toBe('请补充问题原')
    field.value.value = '请补充问题原因'
    stored.value = '请补充问题原'
    expect(field.value.value).toBe('请补充问题原因')
  })

  it('follows the stored value again once the reviewer has stopped typing and it caught up', () => {
    const { stored, field } = setup()
    field.value.value = '新意见'
    stored.value = '新意见'
    stored.value = '撤销后的意见'
    expect(field.value.value).toBe('撤销后的意见')
  })

  it('shows the next report’s value whatever was typed in the last one', () => {
    const { stored, owner, field } = setup()
    field.value.value = '上一份的意见'
    owner.value = 2
    stored.value = undefined
    expect(field.value.value).toBe('')
  })

  it('saves on flush only what differs from the stored value', async () => {
    const { saved, field } = setup()
    await field.flush()
    expect(saved).toEqual([])
    field.value.value = '需修改'
    await field.flush()
    expect(saved).toEqual(['需修改'])
  })

  it('saves after a pause in typing when asked to, once', async () => {
    const { saved, field } = setup({ autosaveMs: 1500 })
    field.value.value = '请'
    await nextTick()
    vi.advanceTimersByTime(1000)
    field.value.value = '请补充'
    await nextTick()
    vi.advanceTimersByTime(1000)
    expect(saved).toEqual([])
    vi.advanceTimersByTime(600)
    expect(saved).toEqual(['请补充'])
  })

  it('registers its flush with the page while it lives, and saves what was typed when it goes away', async () => {
    const { saved, flushes, scope, field } = setup()
    expect(flushes.size).toBe(1)
    field.value.value = '离开前输入的'
    await Promise.all([...flushes].map((f) => f()))
    expect(saved).toEqual(['离开前输入的'])
    field.value.value = '关闭时输入的'
    scope.stop()
    expect(flushes.size).toBe(0)
    expect(saved).toEqual(['离开前输入的', '关闭时输入的'])
  })
})

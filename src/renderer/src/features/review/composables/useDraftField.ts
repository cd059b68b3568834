// A text field that edits a stored value (the opinion, an item's reason, an annotation's comment): it
// follows what is stored (another report, an undo, a save coming back) but never overwrites what the
// reviewer has typed since the field last showed the stored value, so a save that returns mid-typing
// loses nothing. Saved on demand (blur, Enter), after a pause when asked, and before leaving the report.
import { onScopeDispose, ref, watch, type Ref } from 'vue'

export interface DraftFieldOptions {
  /** The stored value (undefined when there is none yet: shown as empty). */
  stored: () => string | undefined
  /** What the value belongs to (the report): when it changes the field shows the new stored value whatever was typed. */
  owner: () => unknown
  /** Writes the typed value; called only when it differs from the stored one. */
  save: (value: string) => Promise<unknown> | unknown
  /** Saves this long after the last keystroke; only on flush when absent. */
  autosaveMs?: number
  /** Tells the owner of the page that this field may hold unsaved text (returns the way to forget it). */
  register?: (flush: () => Promise<void>) => () => void
}

export interface DraftField {
  value: Ref<string>
  /** Saves the typed value now if it differs from the stored one. */
  flush: () => Promise<void>
}

export function useDraftField(opts: DraftFieldOptions): DraftField {
  const value = ref(opts.stored() ?? '')
  /** The stored value the field last showed. */
  let shown = value.value
  let timer: ReturnType<typeof setTimeout> | undefined

  watch(
    [() => opts.stored() ?? '', opts.owner],
    ([stored, owner], [, oldOwner]) => {
      const sameOwner = owner === oldOwner
      if (!sameOwner || value.value === shown) value.value = stored
      shown = stored
    },
    { flush: 'sync' }
  )

  async function flush() {
    clearTimeout(timer)
    timer = undefined
    const v = value.value
    if (v !== (opts.stored() ?? '')) await opts.save(v)
  }

  if (opts.autosaveMs !== undefined) {
    const ms = opts.autosaveMs
    watch(value, (v) => {
      clearTimeout(timer)
      if (v !== shown) timer = setTimeout(() => void flush(), ms)
    })
  }

  const unregister = opts.register?.(flush)
  onScopeDispose(() => {
    unregister?.()
    // the field goes away (the workspace closes): what was typed is kept
    if (timer !== undefined || value.value !== (opts.stored() ?? '')) void flush()
  })

  return { value, flush }
}

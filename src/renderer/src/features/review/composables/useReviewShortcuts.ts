// The workspace's keys: Alt+←/→ previous and next report, Alt+N the next not reviewed yet, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and
// redo, 1–9 annotate the selected passage as that item, Esc drops the selection or goes back to the
// library. Text fields keep their own keys (and their own undo); only Alt+←/→ reach through them.
import { onBeforeUnmount, onMounted } from 'vue'

export interface ReviewShortcuts {
  step: (delta: -1 | 1) => void
  /** Alt+N: the next report not reviewed yet. */
  nextUnreviewed: () => void
  undo: () => void
  redo: () => void
  /** The selected passage is to be annotated as the n-th item (1-based); false when there is no selection. */
  annotate: (n: number) => boolean
  /** Esc: true when it was used (a selection dropped); otherwise the workspace is left. */
  escape: () => boolean
  back: () => void
}

/** A key pressed in a field that edits text (radio buttons and checkboxes do not). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  if (el.tagName === 'INPUT') return !['radio', 'checkbox', 'button'].includes((el as HTMLInputElement).type)
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable
}

/** A dialog, drawer or menu is open over the workspace: Esc belongs to it. */
function overlayOpen(): boolean {
  return !!document.querySelector('.n-modal-mask, .n-drawer-mask, .n-dropdown-menu, .n-base-select-menu, .n-popover')
}

export function useReviewShortcuts(keys: ReviewShortcuts): void {
  function onKey(e: KeyboardEvent) {
    if (e.defaultPrevented) return
    if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault()
      keys.step(e.key === 'ArrowLeft' ? -1 : 1)
      return
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'n') {
      e.preventDefault()
      keys.nextUnreviewed()
      return
    }
    if (isTyping(e.target)) return
    const mod = e.ctrlKey || e.metaKey
    const key = e.key.toLowerCase()
    if (mod && key === 'z' && !e.shiftKey) {
      e.preventDefault()
      keys.undo()
    } else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) {
      e.preventDefault()
      keys.redo()
    } else if (!mod && !e.altKey && /^[1-9]$/.test(e.key)) {
      if (keys.annotate(Number(e.key))) e.preventDefault()
    } else if (e.key === 'Escape' && !overlayOpen()) {
      if (!keys.escape()) keys.back()
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}

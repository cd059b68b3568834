// Checks an edited checklist in the window before it is sent, with the schema main uses, so the editor
// can point at the field that is wrong (and the line in it) instead of only naming it in a message.
import type { Checklist } from '../../../../shared/models/checklist'
import { checklistSchema, describeChecklistPath } from '../../../../shared/schemas/checklist'

/** A field of the editor: the checklist's own (`name.zh`, `findings.copyShare`) or an item's (`0:headings`). */
export type FieldKey = string

export interface ChecklistProblem {
  /** The editor field to point at; null when the problem is not in one field (no items at all). */
  field: FieldKey | null
  /** For a list written one entry per line (headings, vocabulary): which entry (0-based, blank lines not counted). */
  entry: number | null
  /** The same sentence main would answer with: 「第 1 项「组织领导」的标题写法第 17 条不是有效的正则表达式」. */
  message: string
}

/** The editor field a schema path falls in. */
export function fieldOf(path: ReadonlyArray<PropertyKey>): { field: FieldKey | null; entry: number | null } {
  const [first, index, key, sub] = path
  if (first === 'name' && (index === 'zh' || index === 'en')) return { field: `name.${index}`, entry: null }
  if (first === 'findings' && typeof index === 'string') return { field: `findings.${index}`, entry: null }
  if (first !== 'items' || typeof index !== 'number') return { field: null, entry: null }
  if (key === 'headings' || key === 'vocabulary') return { field: `${index}:${key}`, entry: typeof sub === 'number' ? sub : null }
  if (key === 'name' || key === 'short') return { field: `${index}:name.${sub === 'en' ? 'en' : 'zh'}`, entry: null }
  if (key === 'thresholds') return { field: `${index}:${sub === 'partial' ? 'partial' : 'present'}`, entry: null }
  if (key === 'scope') return { field: `${index}:scope`, entry: null }
  return { field: `${index}:name.zh`, entry: null }
}

/** The first problem of an edited checklist, or null when main will accept it. */
export function checkChecklist(c: Checklist): ChecklistProblem | null {
  const r = checklistSchema.safeParse(c)
  if (r.success) return null
  const issue = r.error.issues[0]!
  return { ...fieldOf(issue.path), message: `${describeChecklistPath(c, issue.path)}${issue.message}` }
}

/** The line (0-based) of a textarea's text that holds its n-th non-blank entry. */
export function lineOfEntry(text: string, entry: number): number {
  let seen = -1
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim()) seen++
    if (seen === entry) return i
  }
  return Math.max(0, lines.length - 1)
}

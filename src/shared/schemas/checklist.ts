// zod schema for checklist files, so a reviewer's edited checklist is checked before use.

import { z } from 'zod'

const pattern = z.string().min(1).refine(
  (s) => {
    try {
      new RegExp(s.startsWith('/') && s.endsWith('/') && s.length > 2 ? s.slice(1, -1) : s)
      return true
    } catch {
      return false
    }
  },
  { message: '不是有效的正则表达式' }
)

export const checklistItemSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  /** A column-width label for tables (库表、汇总表); the name is used when absent. */
  short: z.object({ zh: z.string().min(1).max(8), en: z.string().min(1).max(16) }).optional(),
  scope: z.enum(['work', 'shortcomings', 'plans', 'other', 'any']),
  headings: z.array(pattern),
  vocabulary: z.array(z.object({ term: pattern, weight: z.number().min(0).max(10) })),
  thresholds: z.object({ present: z.number().positive(), partial: z.number().nonnegative() }),
  weight: z.number().min(0),
  optional: z.boolean().optional()
})

export const checklistSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  description: z.string().optional(),
  version: z.number().int().positive(),
  items: z
    .array(checklistItemSchema)
    .min(1)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { message: '清单项目 id 重复' }),
  findings: z.object({ minFigures: z.number().int().min(0), publishBy: z.string().regex(/^\d{2}-\d{2}$/) })
})

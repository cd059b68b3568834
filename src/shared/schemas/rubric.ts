// zod schema for scoring rubrics (resources/rubrics/*.json and the project's own), checked before use
// like a checklist, with a message naming the field in words.

import { z } from './zod'

const id = z.string().regex(/^[a-z][a-z0-9-]*$/)
const name = z.object({ zh: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(80) })

const basis = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('items') }),
  z.object({ kind: z.literal('scope'), scope: z.enum(['work', 'shortcomings', 'plans', 'other', 'any']), findings: z.array(id).max(20).optional() }),
  z.object({ kind: z.literal('figures'), target: z.number().int().min(1).max(1000) }),
  z.object({ kind: z.literal('timeliness'), zeroAfterDays: z.number().int().min(1).max(3650) }),
  z.object({ kind: z.literal('format') }),
  z.object({ kind: z.literal('manual') })
])

export const rubricSchema = z
  .object({
    id,
    name,
    description: z.string().max(2000).optional(),
    version: z.number().int().positive(),
    aspects: z
      .array(z.object({ id, name, description: z.string().max(500).optional(), max: z.number().positive().max(1000), basis }))
      .min(1)
      .max(30)
      .refine((a) => new Set(a.map((x) => x.id)).size === a.length, { message: '评分项 id 重复' }),
    grades: z.object({ excellent: z.number().min(0), good: z.number().min(0), fair: z.number().min(0), poor: z.literal(0) })
  })
  .refine((r) => r.grades.excellent > r.grades.good && r.grades.good > r.grades.fair && r.grades.fair > 0, { message: '等次分数线应为 优秀 > 良好 > 一般 > 0', path: ['grades'] })
  .refine((r) => r.grades.excellent <= r.aspects.reduce((s, a) => s + a.max, 0), { message: '“优秀”分数线高于满分', path: ['grades', 'excellent'] })

const FIELD_NAMES: Record<string, string> = {
  id: '编号',
  name: '名称',
  description: '说明',
  version: '版本',
  aspects: '评分项',
  max: '满分',
  basis: '建议分依据',
  kind: '依据类型',
  scope: '报告部分',
  findings: '扣分问题',
  target: '满分所需数据条数',
  zeroAfterDays: '逾期多少天不得分',
  grades: '等次分数线',
  excellent: '“优秀”',
  good: '“良好”',
  fair: '“一般”',
  poor: '“较差”',
  zh: '中文',
  en: '英文'
}

/** Where a problem in a rubric is, in words: 「第 2 个评分项「内容翔实有数据」的满分」. */
export function describeRubricPath(json: unknown, path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = []
  let node: unknown = json
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!
    const next = (node as Record<PropertyKey, unknown> | undefined)?.[key as string]
    if (typeof key === 'number') {
      const zh = (next as { name?: { zh?: unknown } } | undefined)?.name?.zh
      parts.push(path[i - 1] === 'aspects' ? `第 ${key + 1} 个评分项${typeof zh === 'string' && zh ? `「${zh}」` : ''}` : `第 ${key + 1} 条`)
    } else if (key !== 'aspects' || i === path.length - 1) parts.push(FIELD_NAMES[String(key)] ?? String(key))
    node = next
  }
  return parts.join('的').replace(/的第/g, '第') || '评分表'
}

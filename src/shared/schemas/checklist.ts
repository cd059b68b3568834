// zod schema for checklist files, so a reviewer's edited checklist is checked before use.

import { z } from './zod'

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

/** A standard sentence of the opinion: one paragraph at most, never a document. */
const phrase = z.string().trim().min(1).max(500)

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
  optional: z.boolean().optional(),
  phrases: z.object({ missing: phrase.optional(), partial: phrase.optional() }).optional()
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
  findings: z.object({
    minFigures: z.number({ error: '应为 0 或更大的整数' }).int('应为整数').min(0, '不能小于 0'),
    publishBy: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '应写作 MM-DD（月-日），如 04-01'),
    // a share of the text (0–1], shown to the reviewer as a percentage
    copyShare: z.number().gt(0, '应大于 0%').max(1, '不能超过 100%').optional(),
    sharedMinChars: z.number().int('应为整数').min(1, '至少 1 个字').optional()
  }),
  phrases: z.object({ findings: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), phrase).optional() }).optional()
})

const FIELD_NAMES: Record<string, string> = {
  id: '编号',
  name: '名称',
  short: '简称',
  scope: '取证范围',
  headings: '标题写法',
  vocabulary: '关键词',
  term: '词语',
  weight: '权重',
  thresholds: '判定分数',
  present: '“具备”分数',
  partial: '“部分具备”分数',
  optional: '可选',
  findings: '问题检查设置',
  minFigures: '最少数据条数',
  publishBy: '公开期限',
  copyShare: '沿用上年文字提示线',
  sharedMinChars: '雷同文字字数',
  version: '版本',
  description: '说明',
  items: '审核项',
  zh: '中文',
  en: '英文',
  phrases: '标准用语'
}

/** Field names that depend on where they sit (phrases.partial is a sentence, thresholds.partial a score). */
const FIELD_IN: Record<string, string> = {
  'phrases.missing': '“缺失”时的用语',
  'phrases.partial': '“部分符合”时的用语',
  'phrases.findings': '问题用语'
}

/**
 * Where a problem in a checklist is, in words a reviewer reads: 「第 1 项「组织领导」的标题写法第 17 条」
 * rather than `items.0.headings.16`.
 */
export function describeChecklistPath(json: unknown, path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = []
  let node: unknown = json
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!
    const next = (node as Record<PropertyKey, unknown> | undefined)?.[key as string]
    if (typeof key === 'number') {
      const prev = path[i - 1]
      if (prev === 'items') {
        const zh = (next as { name?: { zh?: unknown } } | undefined)?.name?.zh
        parts.push(`第 ${key + 1} 项${typeof zh === 'string' && zh ? `「${zh}」` : ''}`)
      } else parts.push(`第 ${key + 1} 条`)
    } else if ((key !== 'items' && key !== 'phrases') || i === path.length - 1) {
      parts.push(FIELD_IN[`${String(path[i - 1])}.${String(key)}`] ?? FIELD_NAMES[String(key)] ?? String(key))
    }
    node = next
  }
  return parts.join('的').replace(/的第/g, '第') || '清单'
}

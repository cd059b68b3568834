// zod schemas for every IPC argument list, checked in main before a service sees them.

import { z } from 'zod'
import type { Channel } from '../ipc/channels'
import { ITEM_VERDICTS, OVERALL_VERDICTS } from '../models/review'
import { REPORT_FORMATS_OUT } from '../models/export'

const filePath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), '路径含有非法字符')
const projectFile = filePath
const id = z.number().int().positive()
const checklistId = z.string().regex(/^[a-z][a-z0-9-]*$/).max(64)
const itemId = z.string().regex(/^[a-z][a-z0-9-]*$/).max(64)
const reportIds = z.array(id).max(100_000).nullable()
const formats = z.array(z.enum(REPORT_FORMATS_OUT)).min(1).max(4)
const annotation = z.object({
  id,
  reportId: id,
  itemId,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string().max(100_000),
  prefix: z.string().max(1000),
  suffix: z.string().max(1000),
  comment: z.string().max(20_000),
  createdAt: z.string(),
  updatedAt: z.string(),
  anchored: z.boolean()
})

export const ARGS: Record<Channel, z.ZodType<unknown[]>> = {
  'projects:current': z.tuple([]),
  'projects:create': z.tuple([projectFile]),
  'projects:open': z.tuple([projectFile]),
  'projects:saveAs': z.tuple([projectFile]),
  'projects:pickAndCreate': z.tuple([]),
  'projects:pickAndOpen': z.tuple([]),
  'projects:pickAndSaveAs': z.tuple([]),
  'projects:saveCopy': z.tuple([projectFile]),
  'projects:pickAndSaveCopy': z.tuple([]),
  'exports:reports': z.tuple([z.object({ reportIds, formats, dir: filePath })]),
  'exports:pickAndExportReports': z.tuple([z.object({ reportIds, formats })]),
  'exports:batch': z.tuple([z.object({ reportIds, xlsx: filePath.optional(), csv: filePath.optional(), json: filePath.optional() })]),
  'exports:pickAndExportBatch': z.tuple([z.enum(['xlsx', 'csv', 'json']), reportIds]),
  'library:list': z.tuple([]),
  'library:search': z.tuple([z.string().max(200)]),
  'imports:start': z.tuple([z.array(filePath).min(1).max(10_000)]),
  'imports:startSamples': z.tuple([]),
  'imports:pickAndStart': z.tuple([z.enum(['files', 'folder'])]),
  'imports:summary': z.union([z.tuple([]), z.tuple([z.number().int().positive().nullish()])]),
  'jobs:list': z.tuple([]),
  'jobs:cancel': z.tuple([z.string().uuid()]),
  'checklists:list': z.tuple([]),
  'checklists:get': z.tuple([checklistId]),
  // the checklist itself is validated by its own schema in the service, with a message naming the field
  'checklists:save': z.tuple([z.record(z.string(), z.unknown())]),
  'checklists:duplicate': z.tuple([checklistId]),
  'checklists:remove': z.tuple([checklistId]),
  'checklists:importJson': z.tuple([z.string().max(2_000_000)]),
  'checklists:exportJson': z.tuple([checklistId]),
  'checklists:activate': z.tuple([checklistId]),
  'review:open': z.tuple([id]),
  'review:setItemVerdict': z.tuple([id, itemId, z.enum(ITEM_VERDICTS).nullable(), z.string().max(20_000)]),
  'review:setOverall': z.tuple([id, z.enum(OVERALL_VERDICTS).nullable()]),
  'review:setOpinion': z.tuple([id, z.string().max(100_000)]),
  'review:addAnnotation': z.tuple([id, z.object({ itemId, start: z.number().int().min(0), end: z.number().int().min(1), comment: z.string().max(20_000).optional() })]),
  'review:updateAnnotation': z.tuple([id, z.object({ itemId: itemId.optional(), comment: z.string().max(20_000).optional() })]),
  'review:deleteAnnotation': z.tuple([id]),
  'review:restoreAnnotation': z.tuple([annotation]),
  'review:auditTrail': z.tuple([id]),
  'review:versions': z.tuple([id]),
  'review:carryOver': z.tuple([id, id]),
  'settings:get': z.tuple([]),
  'settings:update': z.tuple([z.object({ reviewerName: z.string().max(100).optional(), locale: z.enum(['zh-CN', 'en']).optional() })]),
  'app:version': z.tuple([])
}

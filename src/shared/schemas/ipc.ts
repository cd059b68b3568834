// zod schemas for every IPC argument list, checked in main before a service sees them. Each schema's
// output must fit the parameters of its method in the contract: the compiler checks both ways round
// that every method has one and that what it lets through can be passed to the method.

import { z } from './zod'
import type { Api } from '../ipc/contract'
import type { Channel, Service } from '../ipc/channels'
import { EDIT_VIAS, ITEM_VERDICTS, OVERALL_VERDICTS } from '../models/review'
import { REPORT_FORMATS_OUT } from '../models/export'
import { REPORT_LEVELS } from '../models/report'

const filePath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), '路径含有非法字符')
const projectFile = filePath
const id = z.number().int().positive()
const checklistId = z.string().regex(/^[a-z][a-z0-9-]*$/).max(64)
const itemId = z.string().regex(/^[a-z][a-z0-9-]*$/).max(64)
const reportIds = z.array(id).max(100_000).nullable()
const formats = z.array(z.enum(REPORT_FORMATS_OUT)).min(1).max(4)
const via = z.enum(EDIT_VIAS).optional()
const none = z.tuple([])
const year = z.number().int().min(2000).max(2100)
const phrase = z.string().trim().min(4, '标准用语至少 4 个字').max(200, '标准用语不超过 200 个字')
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期应写作 YYYY-MM-DD')
const letterOptions = { reportIds, formats, drafts: z.boolean().optional(), appendix: z.boolean().optional(), year: z.number().int().min(2000).max(2100).nullish() }
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期应写作 MM-DD')

/** A schema whose parsed output can be passed to the method as its arguments. */
type ArgsOf<S extends Service, M extends keyof Api[S]> = Api[S][M] extends (...args: infer P) => unknown ? z.ZodType<P> : never
type Schemas = { [S in Service]: { [M in keyof Api[S]]: ArgsOf<S, M> } }

const SCHEMAS = {
  projects: {
    current: none,
    create: z.tuple([projectFile]),
    open: z.tuple([projectFile]),
    saveAs: z.tuple([projectFile]),
    pickAndCreate: none,
    pickAndOpen: none,
    pickAndSaveAs: none,
    saveCopy: z.tuple([projectFile]),
    pickAndSaveCopy: none
  },
  exports: {
    reports: z.tuple([z.object({ ...letterOptions, dir: filePath })]),
    pickAndExportReports: z.tuple([z.object(letterOptions)]),
    batch: z.tuple([z.object({ reportIds, year: year.nullish(), xlsx: filePath.optional(), csv: filePath.optional(), json: filePath.optional(), notice: filePath.optional() })]),
    pickAndExportBatch: z.union([z.tuple([z.enum(['xlsx', 'csv', 'json', 'notice']), reportIds]), z.tuple([z.enum(['xlsx', 'csv', 'json', 'notice']), reportIds, year.nullish()])]),
    letterSettings: none,
    updateLetterSettings: z.tuple([
      z.object({
        body: z.string().max(100).optional(),
        docNumber: z.string().max(100).optional(),
        notice: z.string().max(300).optional(),
        correctBy: isoDate.nullable().optional()
      })
    ])
  },
  grading: {
    rubrics: none,
    get: z.tuple([checklistId]),
    // the rubric itself is validated by its own schema in the service, with a message naming the field
    save: z.tuple([z.record(z.string(), z.unknown())]).transform((a) => a as unknown as [import('../models/rubric').Rubric]),
    duplicate: z.tuple([checklistId]),
    remove: z.tuple([checklistId]),
    importJson: z.tuple([z.string().max(1_000_000)]),
    exportJson: z.tuple([checklistId]),
    activate: z.tuple([checklistId]),
    sheet: z.tuple([id]),
    setPoints: z.tuple([id, itemId, z.number().min(0).max(1000).nullable(), z.string().max(2000), via])
  },
  library: {
    list: none,
    submissions: none,
    search: z.tuple([z.string().max(200)]),
    snippets: z.tuple([z.string().max(200), z.array(id).max(500)])
  },
  imports: {
    start: z.tuple([z.array(filePath).min(1).max(10_000)]),
    startUrls: z.tuple([z.array(z.string().max(4096, '网址过长。')).min(1, '请至少填写一个网址。').max(10_000, '一次最多导入 10000 个网址。')]),
    startUnitPages: none,
    startNotReports: z.tuple([id, z.array(z.string().min(1).max(4096)).min(1).max(10_000).nullable()]),
    startSamples: none,
    pickAndStart: z.tuple([z.enum(['files', 'folder'])]),
    summary: z.union([none, z.tuple([id.nullish()])]),
    pickAndExportOutcomes: z.tuple([id])
  },
  jobs: {
    list: none,
    cancel: z.tuple([z.string().uuid()])
  },
  checklists: {
    list: none,
    get: z.tuple([checklistId]),
    // the checklist itself is validated by its own schema in the service, with a message naming the field
    save: z.tuple([z.record(z.string(), z.unknown())]).transform((a) => a as unknown as [import('../models/checklist').Checklist]),
    duplicate: z.tuple([checklistId]),
    remove: z.tuple([checklistId]),
    importJson: z.tuple([z.string().max(2_000_000)]),
    exportJson: z.tuple([checklistId]),
    activate: z.tuple([checklistId])
  },
  review: {
    open: z.tuple([id]),
    setItemVerdict: z.tuple([id, itemId, z.enum(ITEM_VERDICTS).nullable(), z.string().max(20_000), via]),
    setOverall: z.tuple([id, z.enum(OVERALL_VERDICTS).nullable(), via]),
    setOpinion: z.tuple([id, z.string().max(100_000), via]),
    addAnnotation: z.tuple([id, z.object({ itemId, start: z.number().int().min(0), end: z.number().int().min(1), comment: z.string().max(20_000).optional() }), via]),
    updateAnnotation: z.tuple([id, z.object({ itemId: itemId.optional(), comment: z.string().max(20_000).optional() }), via]),
    deleteAnnotation: z.tuple([id, via]),
    restoreAnnotation: z.tuple([id, via]),
    auditTrail: z.tuple([id]),
    versions: z.tuple([id]),
    carryOver: z.tuple([id, id]),
    draftOpinion: z.tuple([id]),
    bulk: z.tuple([
      z.object({
        reportIds: z.array(id).min(1).max(100_000),
        overall: z.enum(OVERALL_VERDICTS).nullable().optional(),
        item: z.object({ itemId, verdict: z.enum(ITEM_VERDICTS).nullable(), reason: z.string().max(20_000).optional() }).optional(),
        appendPhrase: z.string().trim().min(1).max(5_000).optional()
      })
    ])
  },
  roster: {
    get: z.union([none, z.tuple([year.nullish()])]),
    years: none,
    settings: none,
    updateSettings: z.tuple([z.object({ reviewYear: year.optional(), publishBy: monthDay.optional(), submitBy: monthDay.optional() })]),
    units: none,
    saveUnit: z.tuple([
      z.object({
        id: id.optional(),
        name: z.string().trim().min(1, '单位名称不能为空').max(100),
        level: z.enum(REPORT_LEVELS).nullish(),
        aliases: z.array(z.string().max(100)).max(50).optional(),
        parentId: id.nullish(),
        contact: z.string().max(200).optional(),
        url: z.string().url().max(2000).nullish()
      })
    ]),
    removeUnit: z.tuple([id]),
    importUnitsText: z.tuple([z.string().max(1_000_000)]),
    pickAndImportUnits: none,
    unitsFromIssuers: none,
    pickAndExportTemplate: none,
    assign: z.tuple([id, id]),
    submission: z.tuple([id]),
    pickAndExportChaser: z.union([none, z.tuple([year.nullish()])]),
    charts: z.union([none, z.tuple([year.nullish()])])
  },
  similarity: {
    status: none,
    run: none,
    report: z.tuple([id]),
    pair: z.tuple([id, id]),
    shared: z.union([none, z.tuple([year.nullish()])]),
    commonWording: none,
    addCommonWording: z.tuple([phrase]),
    removeCommonWording: z.tuple([phrase])
  },
  settings: {
    get: none,
    update: z.tuple([z.object({ reviewerName: z.string().max(100).optional(), locale: z.enum(['zh-CN', 'en']).optional() })])
  },
  app: {
    version: none
  }
} satisfies Schemas

/** The argument schema of a channel ('service:method'). */
export function argsSchema(channel: Channel): z.ZodType<unknown[]> {
  const [service, method] = channel.split(':') as [Service, string]
  return (SCHEMAS[service] as Record<string, z.ZodType<unknown[]>>)[method]!
}

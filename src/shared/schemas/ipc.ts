// zod schemas for every IPC argument list, checked in main before a service sees them.

import { z } from 'zod'
import type { Channel } from '../ipc/channels'

const filePath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), '路径含有非法字符')
const projectFile = filePath

export const ARGS: Record<Channel, z.ZodType<unknown[]>> = {
  'projects:current': z.tuple([]),
  'projects:create': z.tuple([projectFile]),
  'projects:open': z.tuple([projectFile]),
  'projects:saveAs': z.tuple([projectFile]),
  'projects:pickAndCreate': z.tuple([]),
  'projects:pickAndOpen': z.tuple([]),
  'projects:pickAndSaveAs': z.tuple([]),
  'library:list': z.tuple([]),
  'library:search': z.tuple([z.string().max(200)]),
  'imports:start': z.tuple([z.array(filePath).min(1).max(10_000)]),
  'imports:startSamples': z.tuple([]),
  'imports:pickAndStart': z.tuple([z.enum(['files', 'folder'])]),
  'imports:summary': z.union([z.tuple([]), z.tuple([z.number().int().positive().nullish()])]),
  'jobs:list': z.tuple([]),
  'jobs:cancel': z.tuple([z.string().uuid()]),
  'checklists:list': z.tuple([]),
  'app:version': z.tuple([])
}

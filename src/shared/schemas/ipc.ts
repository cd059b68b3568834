// zod schemas for every IPC argument list, checked in main before a service sees them.

import { z } from 'zod'
import type { Channel } from '../ipc/channels'

const checklistId = z.string().regex(/^[a-z][a-z0-9-]*$/).optional()

export const ARGS: Record<Channel, z.ZodType<unknown[]>> = {
  'reports:check': z.tuple([z.array(z.string().min(1).max(4096)).min(1).max(10_000), checklistId]),
  'reports:checkSamples': z.tuple([checklistId]),
  'reports:checklists': z.tuple([]),
  'app:version': z.tuple([])
}

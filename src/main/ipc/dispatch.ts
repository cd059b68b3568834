// Routes a channel call to its service with validated arguments and returns a result envelope.
// Transport-free: Electron's ipcMain (src/main/ipc/register.ts) and the e2e binding both use it.

import type { Api, Envelope } from '../../shared/ipc/contract'
import { CHANNELS, type Channel } from '../../shared/ipc/channels'
import { argsSchema } from '../../shared/schemas/ipc'
import { toErrorInfo } from '../../shared/errors'

export type Dispatch = (channel: string, args: unknown) => Promise<Envelope<unknown>>

const isChannel = (c: string): c is Channel => Object.hasOwn(CHANNELS, c)

export function createDispatcher(api: Api): Dispatch {
  return async (channel, args) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'invalid-argument', message: `未知的调用 ${channel}` } }
    const parsed = argsSchema(channel).safeParse(args)
    if (!parsed.success) return { ok: false, error: { code: 'invalid-argument', message: `参数无效：${parsed.error.issues[0]?.message ?? ''}` } }
    const [service, method] = CHANNELS[channel]
    // The schema of this very method has checked the arguments (and the compiler, that its output fits).
    const target: object = api[service]
    const fn = Reflect.get(target, method) as (...a: unknown[]) => Promise<unknown>
    try {
      return { ok: true, data: await fn.apply(target, parsed.data) }
    } catch (e) {
      return { ok: false, error: toErrorInfo(e) }
    }
  }
}

// Routes a channel call to its service with validated arguments and returns a result envelope.
// Transport-free: Electron's ipcMain (src/main/ipc/register.ts) and the e2e binding both use it.

import type { Api, Envelope } from '../../shared/ipc/contract'
import { CHANNELS, type Channel } from '../../shared/ipc/channels'
import { ARGS } from '../../shared/schemas/ipc'
import { toErrorInfo } from '../../shared/errors'
import { appVersion, ReportService } from '../services/report-service'

export type Dispatch = (channel: string, args: unknown) => Promise<Envelope<unknown>>

export function createDispatcher(api: Api): Dispatch {
  return async (channel, args) => {
    if (!Object.hasOwn(CHANNELS, channel)) return { ok: false, error: { code: 'invalid-argument', message: `未知的调用 ${channel}` } }
    const ch = channel as Channel
    const parsed = ARGS[ch].safeParse(args)
    if (!parsed.success) return { ok: false, error: { code: 'invalid-argument', message: `参数无效：${parsed.error.issues[0]?.message ?? ''}` } }
    const [service, method] = CHANNELS[ch]
    try {
      const target = api[service] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>
      return { ok: true, data: await target[method]!(...parsed.data) }
    } catch (e) {
      return { ok: false, error: toErrorInfo(e) }
    }
  }
}

/** The real services behind window.api, wired the same way in Electron, in e2e tests and in the CLI. */
export function createServices(): Api {
  return { reports: new ReportService(), app: { version: async () => appVersion() } }
}

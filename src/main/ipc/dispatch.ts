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

/**
 * A path the preload got from a dropped File (Electron's webUtils.getPathForFile): granted for reading,
 * as a path picked in a dialog is. The e2e harness calls this for its synthetic drops.
 */
export function acceptDroppedPath(grant: (p: string) => void, p: unknown): boolean {
  if (typeof p !== 'string' || !p || p.length > 4096 || p.includes('\0')) return false
  grant(p)
  return true
}

/**
 * The sender check: the call comes from the app's own page in the main frame of its window, not from
 * a frame or page that got there some other way (an iframe, a navigation the guards missed).
 */
export function isAppPage(frameUrl: string | undefined, appUrl: string): boolean {
  if (!frameUrl) return false
  try {
    const got = new URL(frameUrl)
    const want = new URL(appUrl)
    if (want.protocol === 'file:') return got.protocol === 'file:' && got.pathname === want.pathname
    return got.origin === want.origin
  } catch {
    return false
  }
}

// Builds window.api from the channel table over any transport (Electron IPC, or Playwright's binding in e2e).

import type { Api, Envelope } from './contract'
import { CHANNELS, type Channel } from './channels'

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function buildApi(invoke: (channel: Channel, args: unknown[]) => Promise<Envelope<unknown>>): Api {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {}
  for (const [channel, [service, method]] of Object.entries(CHANNELS) as Array<[Channel, readonly [string, string]]>) {
    api[service] ??= {}
    api[service]![method] = async (...args: unknown[]) => {
      const res = await invoke(channel, args)
      if (res.ok) return res.data
      throw new ApiError(res.error.code, res.error.message)
    }
  }
  return api as unknown as Api
}

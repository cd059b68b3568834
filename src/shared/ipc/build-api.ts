// Builds window.api from the channel table over any transport (Electron IPC, or Playwright's binding in e2e).

import type { Api, Envelope } from './contract'
import { CHANNELS, type Channel, type Service } from './channels'

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
  // Each service object starts empty and gets one function per method in the channel table, which
  // channels.ts checks at compile time to name every method of the contract; what a call resolves to
  // is what main's service returned, its arguments checked on the way in by the method's schema.
  const remote = <S extends Service>(service: S): Api[S] => {
    const calls = {} as Api[S]
    for (const [channel, [s, method]] of Object.entries(CHANNELS) as Array<[Channel, readonly [Service, string]]>) {
      if (s !== service) continue
      Reflect.set(calls as object, method, async (...args: unknown[]) => {
        const res = await invoke(channel, args)
        if (res.ok) return res.data
        throw new ApiError(res.error.code, res.error.message)
      })
    }
    return calls
  }
  return {
    projects: remote('projects'),
    exports: remote('exports'),
    grading: remote('grading'),
    library: remote('library'),
    imports: remote('imports'),
    jobs: remote('jobs'),
    checklists: remote('checklists'),
    review: remote('review'),
    roster: remote('roster'),
    similarity: remote('similarity'),
    settings: remote('settings'),
    app: remote('app')
  }
}

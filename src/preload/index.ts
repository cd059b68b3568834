// Builds window.api from the channel table over IPC, and window.bridge for events and dropped files.
// No logic, no fs.

import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { buildApi } from '../shared/ipc/build-api'
import { DROP_CHANNEL, EVENT_CHANNEL } from '../shared/ipc/channels'
import { EVENT_NAMES, type Bridge, type Envelope, type EventName } from '../shared/ipc/contract'

const api = buildApi((channel, args) => ipcRenderer.invoke(channel, ...args) as Promise<Envelope<unknown>>)

const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
ipcRenderer.on(EVENT_CHANNEL, (_e, event: EventName, payload: unknown) => {
  for (const l of listeners.get(event) ?? []) l(payload)
})

const bridge: Bridge = {
  on(event, listener) {
    if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event ${String(event)}`)
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    set.add(listener as (p: unknown) => void)
    return () => set.delete(listener as (p: unknown) => void)
  },
  pathForFile: (file) => {
    const p = webUtils.getPathForFile(file)
    // Synchronous, so main knows the reviewer dropped it before the window's import call arrives.
    if (p) ipcRenderer.sendSync(DROP_CHANNEL, p)
    return p
  }
}

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('bridge', bridge)

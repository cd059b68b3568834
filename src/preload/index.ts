// Builds window.api from the channel table over IPC. No logic, no fs.

import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '../shared/ipc/build-api'
import type { Envelope } from '../shared/ipc/contract'

const api = buildApi((channel, args) => ipcRenderer.invoke(channel, ...args) as Promise<Envelope<unknown>>)
contextBridge.exposeInMainWorld('api', api)

import type { Api, Bridge } from '../shared/ipc/contract'

declare global {
  interface Window {
    api: Api
    bridge: Bridge
  }
}
export {}

// The only module that touches window.api and window.bridge.
import type { Api, Bridge } from '../../../shared/ipc/contract'

export const api: Api = window.api
export const bridge: Bridge = window.bridge

// The only module that touches window.api.
import type { Api } from '../../../shared/ipc/contract'

export const api: Api = window.api

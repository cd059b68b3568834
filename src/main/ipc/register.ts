// The thin Electron IPC layer: one handler per channel, sender checked, arguments validated by dispatch.

import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../shared/ipc/channels'
import type { Dispatch } from './dispatch'

export function registerIpc(dispatch: Dispatch, isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  for (const channel of Object.keys(CHANNELS)) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'invalid-argument', message: '来源不受信任的调用已被拒绝。' } }
      return dispatch(channel, args)
    })
  }
}

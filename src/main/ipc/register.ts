// The thin Electron IPC layer: one handler per channel, sender checked, arguments validated by dispatch.

import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, DROP_CHANNEL } from '../../shared/ipc/channels'
import { acceptDroppedPath, type Dispatch } from './dispatch'

export type SenderCheck = (e: IpcMainInvokeEvent | IpcMainEvent) => boolean

export function registerIpc(dispatch: Dispatch, isTrustedSender: SenderCheck, grantDropped: (p: string) => void): void {
  ipcMain.on(DROP_CHANNEL, (event, p: unknown) => {
    event.returnValue = isTrustedSender(event) && acceptDroppedPath(grantDropped, p)
  })
  for (const channel of Object.keys(CHANNELS)) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'invalid-argument', message: '来源不受信任的调用已被拒绝。' } }
      return dispatch(channel, args)
    })
  }
}

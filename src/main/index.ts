// Electron entry: lifecycle, single instance, the window and the IPC wiring. Services live elsewhere.

import { app, BrowserWindow } from 'electron'
import { createDispatcher, createServices } from './ipc/dispatch'
import { registerIpc } from './ipc/register'
import { createMainWindow } from './windows/main-window'

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (ev) => ev.preventDefault())
  })
  void app.whenReady().then(() => {
    registerIpc(createDispatcher(createServices()), (event) => event.senderFrame !== null && event.sender === mainWindow?.webContents)
    mainWindow = createMainWindow()
    mainWindow.on('closed', () => (mainWindow = null))
  })
  app.on('window-all-closed', () => app.quit())
}

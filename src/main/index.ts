// Electron entry: lifecycle, single instance, the window and the IPC wiring. Services live elsewhere.

import { app, BrowserWindow } from 'electron'
import path from 'node:path'
import { EVENT_CHANNEL } from '../shared/ipc/channels'
import { createDispatcher } from './ipc/dispatch'
import { createServices, type Services } from './services/create-services'
import { registerIpc } from './ipc/register'
import { nativeDialogs } from './windows/dialogs'
import { electronPdf } from './windows/pdf'
import { createMainWindow } from './windows/main-window'
import { utilityParseProcess } from './windows/parse-process'
import { createParsePool } from './pipeline/parse-pool'

let mainWindow: BrowserWindow | null = null
let services: Services | null = null

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
    // The embedded default project lives in the user-data folder; REPORT_AUDIT_PROJECT points elsewhere (tests).
    const projectFile = process.env.REPORT_AUDIT_PROJECT ?? path.join(app.getPath('userData'), 'projects', '默认项目.raudit')
    services = createServices({
      projectFile,
      settingsFile: path.join(app.getPath('userData'), 'settings.json'),
      reopenLast: !process.env.REPORT_AUDIT_PROJECT,
      emit: (event, payload) => mainWindow?.webContents.send(EVENT_CHANNEL, event, payload),
      dialogs: nativeDialogs(() => mainWindow),
      pdf: electronPdf,
      // Parsing in utility processes the pool can kill (a file over its time or memory budget, a cancel).
      pool: (checklist) => createParsePool(checklist, { spawn: utilityParseProcess })
    })
    registerIpc(createDispatcher(services.api), (event) => event.senderFrame !== null && event.sender === mainWindow?.webContents)
    mainWindow = createMainWindow()
    mainWindow.on('closed', () => (mainWindow = null))
  })
  app.on('window-all-closed', () => app.quit())
  // Stop the workers and checkpoint the project before leaving.
  let closing = false
  app.on('will-quit', (e) => {
    if (closing || !services) return
    e.preventDefault()
    closing = true
    void services.close().finally(() => app.quit())
  })
}

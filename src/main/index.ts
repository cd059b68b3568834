// Electron entry: lifecycle, single instance, the window and the IPC wiring. Services live elsewhere.

import { app, BrowserWindow, Menu, session, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron'
import path from 'node:path'
import { EVENT_CHANNEL } from '../shared/ipc/channels'
import { createDispatcher, isAppPage } from './ipc/dispatch'
import { createServices, type Services } from './services/create-services'
import { registerIpc } from './ipc/register'
import { nativeDialogs } from './windows/dialogs'
import { electronPdf } from './windows/pdf'
import { createMainWindow, rendererUrl } from './windows/main-window'
import { utilityParseProcess } from './windows/parse-process'
import { createParsePool } from './pipeline/parse-pool'

let mainWindow: BrowserWindow | null = null
let services: Services | null = null

/** Calls come only from the app's page in the main frame of its one window. */
function isTrustedSender(e: IpcMainInvokeEvent | IpcMainEvent): boolean {
  const frame = e.senderFrame
  return !!frame && !!mainWindow && e.sender === mainWindow.webContents && frame === e.sender.mainFrame && isAppPage(frame.url, rendererUrl())
}

// The installed app has no default menu (its View menu opens DevTools and reloads the page).
if (app.isPackaged) Menu.setApplicationMenu(null)

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
    contents.on('will-navigate', (ev) => ev.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
  void app.whenReady().then(() => {
    // The app asks for no camera, microphone, notifications, geolocation …: every request is refused.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
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
    const granted = services.grants
    registerIpc(createDispatcher(services.api), isTrustedSender, (p) => granted.grantRead(p))
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
    // Closing kills the parse processes in hand; a project that will not close in 3 s does not hold the quit.
    void Promise.race([services.close(), new Promise((r) => setTimeout(r, 3000))]).finally(() => app.quit())
  })
}

// The one application window, hardened: sandbox, context isolation, no Node, navigation and pop-ups blocked.

import { app, BrowserWindow, shell } from 'electron'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The only way out to the web: http(s) links opened in the system browser after a check. */
export function openExternal(url: string): void {
  try {
    const u = new URL(url)
    if (u.protocol === 'https:' || u.protocol === 'http:') void shell.openExternal(u.toString())
  } catch {
    /* not a URL: ignore */
  }
}

/** The one page the window shows (the dev server while developing): the sender check compares frames with it. */
export function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL && !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : pathToFileURL(path.join(here, '../renderer/index.html')).href
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '法治报告审核台',
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A reviewer's installed app has no DevTools (a way into the page and its calls); developers keep them.
      devTools: !app.isPackaged
    }
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (e) => e.preventDefault())
  void win.loadURL(rendererUrl())
  return win
}

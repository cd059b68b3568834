// Launches the real Electron app where an Electron binary exists (a user's machine); skips here otherwise.
import { _electron as electron, expect, test } from '@playwright/test'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** The installed Electron executable, found without require('electron'), which would start a download. */
function electronBinary(): string | null {
  const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron')
    return fs.existsSync(p) ? p : null
  }
  const pathFile = path.join(dir, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const p = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim())
  return fs.existsSync(p) ? p : null
}

test('the desktop app opens its window and checks the samples', async () => {
  const bin = electronBinary()
  test.skip(!bin, 'Electron 的可执行文件不在本机（本环境无法下载）：在装有 Electron 的用户机器上运行此测试。')
  const app = await electron.launch({ executablePath: bin!, args: [ROOT], cwd: ROOT })
  try {
    const win = await app.firstWindow()
    await expect(win.getByRole('heading', { name: '法治报告审核台' })).toBeVisible()
    const sandboxed = await win.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined')
    expect(sandboxed).toBe(true)
    await win.getByRole('button', { name: '检查示例报告' }).click()
    await expect(win.getByTestId('results').locator('tbody tr')).toHaveCount(4)
  } finally {
    await app.close()
  }
})

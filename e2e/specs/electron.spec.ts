// Launches the real Electron app where an Electron binary exists (a user's machine); skips here otherwise.
import { _electron as electron, expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
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

test('the desktop app: import a folder through the dialog, see the library, reload and find it again', async ({}, testInfo) => {
  const bin = electronBinary()
  test.skip(!bin, 'Electron 的可执行文件不在本机（本环境无法下载）：在装有 Electron 的用户机器上运行此测试。')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-electron-'))
  const folder = path.join(dir, '报告')
  fs.mkdirSync(folder)
  for (const f of ['gekeng-2024.docx', 'xincheng-2020.pdf', 'xiaduopu-2020.gbk.html']) fs.copyFileSync(path.join(ROOT, 'tests/fixtures/corpus/formats', f), path.join(folder, f))
  fs.writeFileSync(path.join(folder, '空白.txt'), '')
  const app = await electron.launch({ executablePath: bin!, args: [ROOT], cwd: ROOT, env: { ...process.env, REPORT_AUDIT_PROJECT: path.join(dir, 'e2e.raudit') } })
  try {
    const win = await app.firstWindow()
    await expect(win.getByRole('heading', { name: '法治报告审核台' })).toBeVisible()
    const sandboxed = await win.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined')
    expect(sandboxed).toBe(true)
    // A profile that never gave a reviewer name is welcomed with a question it may skip.
    await win.getByRole('button', { name: '以后再说' }).click({ timeout: 5000 }).catch(() => {})
    await expect(win.getByTestId('empty-state')).toBeVisible()
    // The native folder dialog answers with our folder.
    await app.evaluate(({ dialog }, p) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [p] })) as typeof dialog.showOpenDialog
    }, folder)
    await win.getByRole('button', { name: '导入文件夹…' }).first().click()
    await expect(win.getByTestId('import-summary')).toContainText('导入 3，重复 0，失败 1')
    await expect(win.getByTestId('import-failures').locator('li[data-file="空白.txt"]')).toBeVisible()
    const rows = win.getByTestId('library').locator('tbody tr[data-file]')
    await expect(rows).toHaveCount(3)
    await expect(win.locator('tr[data-file="gekeng-2024.docx"] [data-item="shortcomings"]')).toHaveText('具备')
    await win.reload()
    await expect(rows).toHaveCount(3)
    await win.screenshot({ path: testInfo.outputPath('electron-library.png') })
  } finally {
    await app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

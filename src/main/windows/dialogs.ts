// The native file dialogs behind DialogHost: pick reports to import, pick a project to open or save.

import { dialog, type BrowserWindow } from 'electron'
import type { DialogHost } from '../services/workspace'
import { SUPPORTED_EXTENSIONS } from '../readers'

const PROJECT_FILTER = [{ name: '审核项目', extensions: ['raudit'] }]

/** All report files first (the default), then one group per kind, so a reviewer can narrow the list. */
const bare = SUPPORTED_EXTENSIONS.map((e) => e.slice(1))
const REPORT_FILTERS: Electron.FileFilter[] = [
  { name: '报告文件', extensions: bare },
  { name: 'Word / WPS 文档', extensions: bare.filter((e) => /^(docx|doc|wps)$/.test(e)) },
  { name: '版式文件（PDF、OFD）', extensions: bare.filter((e) => /^(pdf|ofd)$/.test(e)) },
  { name: '网页', extensions: bare.filter((e) => /html?$|^mht/.test(e)) },
  { name: '文本', extensions: bare.filter((e) => /^(txt|text|md|markdown)$/.test(e)) },
  { name: '所有文件', extensions: ['*'] }
]

export function nativeDialogs(window: () => BrowserWindow | null): DialogHost {
  const parent = () => window() ?? undefined
  return {
    async pickReports(kind) {
      const opts: Electron.OpenDialogOptions =
        kind === 'folder'
          ? { title: '选择要导入的文件夹', properties: ['openDirectory', 'multiSelections'] }
          : {
              title: '选择要导入的报告',
              properties: ['openFile', 'multiSelections'],
              filters: REPORT_FILTERS
            }
      const w = parent()
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts)
      return r.canceled ? [] : r.filePaths
    },
    async pickProjectToOpen() {
      const opts: Electron.OpenDialogOptions = { title: '打开审核项目', properties: ['openFile'], filters: PROJECT_FILTER }
      const w = parent()
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async pickFolder(title) {
      const opts: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] }
      const w = parent()
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async pickSheet() {
      const opts: Electron.OpenDialogOptions = {
        title: '选择报送单位名单',
        properties: ['openFile'],
        filters: [
          { name: '表格（Excel、CSV、文本）', extensions: ['xlsx', 'csv', 'txt'] },
          { name: '所有文件', extensions: ['*'] }
        ]
      }
      const w = parent()
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async pickSavePath(suggestedName, kind) {
      const filters = { xlsx: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], csv: [{ name: 'CSV（逗号分隔）', extensions: ['csv'] }], json: [{ name: 'JSON', extensions: ['json'] }], docx: [{ name: 'Word 文档', extensions: ['docx'] }] }[kind]
      const opts: Electron.SaveDialogOptions = { title: '导出', defaultPath: suggestedName, filters }
      const w = parent()
      const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts)
      return r.canceled ? null : (r.filePath ?? null)
    },
    async pickProjectToSave(suggestedName) {
      const opts: Electron.SaveDialogOptions = { title: '保存审核项目', defaultPath: `${suggestedName}.raudit`, filters: PROJECT_FILTER }
      const w = parent()
      const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts)
      return r.canceled ? null : (r.filePath ?? null)
    }
  }
}

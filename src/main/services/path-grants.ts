// The paths the reviewer has chosen since the app started: in a file dialog, by dropping files on the
// window, or on the command line. A call from the window may read or write only those: a renderer that
// has been subverted cannot make the app read ~/.ssh or write over ~/.bashrc. A file chosen in a save
// dialog may be overwritten (the dialog asked); any other existing file never is.

import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../shared/errors'
import type { DialogHost } from './workspace'

const key = (p: string) => {
  const abs = path.resolve(p)
  return process.platform === 'win32' ? abs.toLowerCase() : abs
}

/** `p` is `root` or inside it. */
function within(p: string, root: string): boolean {
  if (p === root) return true
  const rel = path.relative(root, p)
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
}

/** The real path of `p`'s nearest existing ancestor joined with the rest: links inside a granted folder cannot lead out of it. */
function realish(p: string): string {
  const abs = path.resolve(p)
  const rest: string[] = []
  let cur = abs
  for (;;) {
    try {
      return key(path.join(fs.realpathSync(cur), ...rest.reverse()))
    } catch {
      const parent = path.dirname(cur)
      if (parent === cur) return key(abs)
      rest.push(path.basename(cur))
      cur = parent
    }
  }
}

export class PathGrants {
  /** Files and folders that may be read (a folder with everything in it). */
  private readonly reads = new Set<string>()
  /** Files chosen in a save dialog: may be written, over an existing file too. */
  private readonly saves = new Set<string>()
  /** Folders chosen to write into: new files only, never over one that exists. */
  private readonly dirs = new Set<string>()

  /** Files or folders chosen to open or import (a dialog, a drop, the command line). */
  grantRead(...paths: string[]): void {
    for (const p of paths) if (p) this.reads.add(key(p))
  }

  /** A file chosen in a save dialog (which asked before replacing one). */
  grantSave(file: string): void {
    this.saves.add(key(file))
  }

  /** A folder chosen to write new files into. */
  grantFolder(dir: string): void {
    this.dirs.add(realish(dir))
  }

  /** The path, if it may be read; else refused with the reason. */
  checkRead(p: string): string {
    const k = key(p)
    if ([...this.reads].some((r) => within(k, r))) return path.resolve(p)
    throw new AppError('invalid-argument', `不能读取未经选择的路径：${p}。请用“导入文件…”“打开项目…”或拖放来选择。`)
  }

  /** A folder to write new files into: one chosen to write into, or inside it (made when missing). */
  checkFolder(dir: string): string {
    const real = realish(dir)
    if ([...this.dirs].some((d) => within(real, d))) return path.resolve(dir)
    throw new AppError('invalid-argument', `不能写入未经选择的文件夹：${dir}。请用“导出…”对话框选择文件夹。`)
  }

  /**
   * The file to write for `file`, with `ext` (".xlsx") kept: added when missing, so no call can write
   * a summary table over ".bashrc". It may replace an existing file only when it is the very file the
   * reviewer chose in a save dialog; a new file may also go into a folder chosen to write into.
   */
  checkSave(file: string, ext: string): string {
    const target = path.extname(file).toLowerCase() === ext.toLowerCase() ? path.resolve(file) : `${path.resolve(file)}${ext}`
    if (this.saves.has(key(target))) return target
    const chosen = this.saves.has(key(file)) || [...this.dirs].some((d) => within(realish(target), d))
    if (!chosen) throw new AppError('invalid-argument', `不能写入未经选择的位置：${target}。请用“导出…”对话框选择保存位置。`)
    if (fs.existsSync(target)) throw new AppError('invalid-argument', `已存在文件 ${path.basename(target)}，未覆盖。请换一个文件名，或在保存对话框中确认替换。`)
    return target
  }
}

/** The host's dialogs, with every path the reviewer picks granted: the native ones and the e2e stand-ins alike. */
export function grantingDialogs(host: DialogHost, grants: PathGrants): DialogHost {
  return {
    async pickReports(kind) {
      const paths = await host.pickReports(kind)
      grants.grantRead(...paths)
      return paths
    },
    async pickProjectToOpen() {
      const file = await host.pickProjectToOpen()
      if (file) grants.grantRead(file)
      return file
    },
    async pickProjectToSave(suggestedName) {
      const file = await host.pickProjectToSave(suggestedName)
      if (file) grants.grantSave(file)
      return file
    },
    async pickFolder(title) {
      const dir = await host.pickFolder(title)
      if (dir) grants.grantFolder(dir)
      return dir
    },
    async pickSheet() {
      const file = await host.pickSheet()
      if (file) grants.grantRead(file)
      return file
    },
    async pickSavePath(suggestedName, kind) {
      const file = await host.pickSavePath(suggestedName, kind)
      if (file) grants.grantSave(file)
      return file
    }
  }
}

// ProjectsApi: the open project file; create, open and "save as" it, directly or through the dialogs.

import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../shared/errors'
import type { ProjectsApi } from '../../shared/ipc/contract'
import type { ProjectInfo } from '../../shared/models/library'
import { withExtension, type Workspace } from './workspace'
import { PROJECT_EXTENSION } from '../store/database'

export class ProjectService implements ProjectsApi {
  constructor(private readonly ws: Workspace) {}

  async current(): Promise<ProjectInfo> {
    return this.ws.info()
  }

  async create(file: string): Promise<ProjectInfo> {
    return this.ws.switchTo(this.freeTarget(file), { create: true })
  }

  async open(file: string): Promise<ProjectInfo> {
    const target = this.ws.grants.checkRead(file)
    if (target === this.ws.openFile()) return this.ws.info()
    return this.ws.switchTo(target, { create: false })
  }

  async saveAs(file: string): Promise<ProjectInfo> {
    if (withExtension(path.resolve(file)) === this.ws.project.file) return this.ws.info()
    const target = this.freeTarget(file)
    this.ws.assertIdle()
    await this.ws.project.copyTo(target)
    return this.ws.switchTo(target, { create: false })
  }

  async saveCopy(file: string): Promise<string> {
    if (withExtension(path.resolve(file)) === this.ws.project.file) throw new AppError('invalid-argument', '副本不能与项目本身同名。')
    const target = this.freeTarget(file)
    await this.ws.project.copyTo(target)
    return target
  }

  async pickAndSaveCopy(): Promise<string | null> {
    const file = await this.ws.dialogs.pickProjectToSave(`${this.ws.project.name}-备份-${new Date().toISOString().slice(0, 10)}`)
    return file ? this.saveCopy(file) : null
  }

  async pickAndCreate(): Promise<ProjectInfo | null> {
    const file = await this.ws.dialogs.pickProjectToSave('新建审核项目')
    return file ? this.create(file) : null
  }

  async pickAndOpen(): Promise<ProjectInfo | null> {
    const file = await this.ws.dialogs.pickProjectToOpen()
    return file ? this.open(file) : null
  }

  async pickAndSaveAs(): Promise<ProjectInfo | null> {
    const file = await this.ws.dialogs.pickProjectToSave(`${this.ws.project.name}-副本`)
    return file ? this.saveAs(file) : null
  }

  /** A project file to write: where the reviewer chose, the app's extension added, never one that exists (its review data would be lost). */
  private freeTarget(file: string): string {
    return freeTarget(this.ws.grants.checkSave(file, PROJECT_EXTENSION))
  }
}

function freeTarget(file: string): string {
  const target = withExtension(path.resolve(file))
  if (fs.existsSync(target)) throw new AppError('invalid-argument', `已存在文件 ${path.basename(target)}，为免覆盖其中的审核数据，请换一个文件名。`)
  return target
}

// Opens a project file: WAL mode, foreign keys, and the numbered migrations, with a copy of the file
// taken before any migration touches an existing project.

import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../shared/errors'
import { MIGRATIONS, type Migration } from './migrations'

export type Db = Database.Database

const APP_ID = 0x52414431 // 'RAD1': marks a file as a Report Audit Desk project

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean
  /** The schema to bring the file to (tests pass their own list). */
  migrations?: Migration[]
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const exists = fs.existsSync(file)
  if (!exists && opts.create === false) throw new AppError('not-found', `项目文件不存在：${file}`)
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true })
  let db: Db
  try {
    db = new Database(file)
    db.pragma('journal_mode = WAL')
  } catch (e) {
    throw new AppError('corrupt', `无法打开项目文件 ${path.basename(file)}：${(e as Error).message}`)
  }
  try {
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL') // safe with WAL: a crash can lose the last commit, never corrupt
    db.pragma('busy_timeout = 5000')
    const migrations = opts.migrations ?? MIGRATIONS
    const latest = migrations[migrations.length - 1]!.version
    const appId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0
    if (hasTables && appId !== APP_ID) throw new AppError('unsupported-format', `${path.basename(file)} 不是审核台的项目文件。`)
    if (version > latest) throw new AppError('unsupported-format', `${path.basename(file)} 由更新版本的审核台创建（结构版本 ${version}），请升级后再打开。`)
    if (version < latest) {
      if (hasTables) backupBeforeMigration(db, file, version)
      migrate(db, version, migrations)
    }
    return db
  } catch (e) {
    db.close()
    if (e instanceof AppError) throw e
    throw new AppError('corrupt', `项目文件 ${path.basename(file)} 已损坏：${(e as Error).message}`)
  }
}

function migrate(db: Db, from: number, migrations: Migration[]): void {
  for (const m of migrations) {
    if (m.version <= from) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
      db.pragma(`application_id = ${APP_ID}`)
    })()
  }
}

/** A consistent copy beside the project, named after the version it had: 项目.raudit → 项目.v1.bak.raudit. */
function backupBeforeMigration(db: Db, file: string, version: number): void {
  const ext = path.extname(file)
  const target = path.join(path.dirname(file), `${path.basename(file, ext)}.v${version}.bak${ext}`)
  if (fs.existsSync(target)) return
  db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`)
}

export const PROJECT_EXTENSION = '.raudit'

// Opens a project file. A file may come from someone else, so it is first opened read-only and checked
// (a SQLite file at all, the app's mark, a version this app knows, and exactly the schema its migrations
// make: no added trigger or view runs, since nothing is written before the check); only then is it
// opened for writing, in WAL mode, with the app's own triggers put back and the numbered migrations
// applied (a copy of the file taken first). A file that cannot be written opens read-only, with the reason.

import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { AppError, storageErrorInfo } from '../../shared/errors'
import { MIGRATIONS, type Migration } from './migrations'
import { compareSchema, describeRefusal, expectedSchema, readSchema, repairSchema, type SchemaEntry } from './schema-check'

export type Db = Database.Database

const APP_ID = 0x52414431 // 'RAD1': marks a file as a Report Audit Desk project

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean
  /** The schema to bring the file to (tests pass their own list). */
  migrations?: Migration[]
  /** Open for reading only, even when the file could be written. */
  readOnly?: boolean
}

export interface OpenedDatabase {
  db: Db
  /** Why the project can only be read (a read-only file or place, a full disk), or null. */
  readOnly: string | null
  /** The app's own triggers and indexes that were missing or altered and have been put back. */
  repaired: string[]
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  return openProjectDatabase(file, opts).db
}

/** Settings every connection gets before it reads anything: no function or virtual table from the file's schema is trusted. */
function harden(db: Db): Db {
  db.pragma('trusted_schema = OFF')
  db.pragma('cell_size_check = ON')
  return db
}

const name = (file: string) => path.basename(file)

function refuse(file: string, e: unknown): never {
  if (e instanceof AppError) throw e
  const storage = storageErrorInfo(e)
  const reason = storage?.code === 'corrupt' || !storage ? '文件已损坏或不是项目文件' : storage.message.replace(/。$/, '')
  throw new AppError(storage?.code === 'busy' ? 'busy' : 'corrupt', `无法打开项目文件 ${name(file)}：${reason}（${(e as Error).message}）。`)
}

export function openProjectDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  const migrations = opts.migrations ?? MIGRATIONS
  if (!fs.existsSync(file)) {
    if (opts.create === false) throw new AppError('not-found', `项目文件不存在：${file}`)
    return createDatabase(file, migrations)
  }
  // 1. Read-only: what is this file? Nothing in it runs, nothing is written (not even the journal mode).
  const { db: ro, copied } = openReadOnly(file)
  let version: number
  try {
    version = inspect(ro, file, migrations)
  } catch (e) {
    ro.close()
    refuse(file, e)
  }
  const latest = migrations[migrations.length - 1]!.version
  const cannotWrite = opts.readOnly ? '项目以只读方式打开。' : copied ? '项目文件位于只读位置或已满的磁盘上，只能查看和导出。' : writeBlocker(file)
  if (cannotWrite) {
    if (version < latest) {
      ro.close()
      throw new AppError('io-error', `项目文件 ${name(file)} 需要升级到新的结构才能使用，但${cannotWrite.replace(/只能查看和导出。$/, '无法写入。')}请把它复制到可写的位置后再打开。`)
    }
    return { db: ro, readOnly: cannotWrite, repaired: [] }
  }
  ro.close()
  // 2. Read-write, checked again on this connection before its first write (the file may have changed since).
  let db: Db
  try {
    db = harden(new Database(file, { fileMustExist: true }))
  } catch (e) {
    refuse(file, e)
  }
  try {
    version = inspect(db, file, migrations)
    if (db.readonly) return { db, readOnly: '项目文件是只读的，只能查看和导出。', repaired: [] }
    const repaired = repairOwnObjects(db, migrations, version)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL') // safe with WAL: a crash can lose the last commit, never corrupt
    db.pragma('busy_timeout = 5000')
    if (version < latest) {
      backupBeforeMigration(db, file, version)
      migrate(db, version, migrations)
    }
    return { db, readOnly: null, repaired }
  } catch (e) {
    db.close()
    refuse(file, e)
  }
}

/**
 * A second connection to a project another connection already opened and checked (the import's writer
 * thread): the same file, mark and version or nothing, the same settings; `maxPageCount` carries over a
 * size cap set on the first connection (SQLite keeps it per connection).
 */
export function openWriterConnection(file: string, opts: { maxPageCount?: number } = {}): Db {
  const db = harden(new Database(file, { fileMustExist: true }))
  try {
    const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version
    if (db.pragma('application_id', { simple: true }) !== APP_ID || db.pragma('user_version', { simple: true }) !== latest) {
      throw new AppError('corrupt', `项目文件 ${name(file)} 在导入时被替换，导入已停止。`)
    }
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    if (opts.maxPageCount) db.pragma(`max_page_count = ${Math.floor(opts.maxPageCount)}`)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

function createDatabase(file: string, migrations: Migration[]): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  let db: Db
  try {
    db = harden(new Database(file))
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    migrate(db, 0, migrations)
  } catch (e) {
    fs.rmSync(file, { force: true })
    refuse(file, e)
  }
  return { db, readOnly: null, repaired: [] }
}

/** Largest project read into memory when it cannot be read in place. */
const MAX_IN_MEMORY = 1024 * 1048576

/**
 * A read-only connection. A project in WAL mode cannot be read in place where SQLite cannot make its
 * -shm file beside it (a read-only disk or share, a full disk), so its image is read into memory instead,
 * marked as a rollback-journal file (the image has no -shm), and opened read-only from there.
 */
function openReadOnly(file: string): { db: Db; copied: boolean } {
  let db: Db | null = null
  try {
    db = harden(new Database(file, { readonly: true, fileMustExist: true }))
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return { db, copied: false }
  } catch (e) {
    db?.close()
    const code = (e as { code?: string }).code ?? ''
    if (code !== 'SQLITE_CANTOPEN' && !code.startsWith('SQLITE_IOERR')) refuse(file, e)
  }
  if (fs.statSync(file).size > MAX_IN_MEMORY) throw new AppError('io-error', `项目文件 ${name(file)} 位于只读位置或已满的磁盘上，且过大，无法只读打开。请把它复制到有空间的可写位置后再打开。`)
  const image = fs.readFileSync(file)
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) {
    image[18] = 1
    image[19] = 1
  }
  try {
    return { db: harden(new Database(image, { readonly: true })), copied: true }
  } catch (e) {
    refuse(file, e)
  }
}

/** Why the file cannot be written, or null: its own permission or its folder's (WAL keeps files beside it). */
function writeBlocker(file: string): string | null {
  try {
    fs.accessSync(file, fs.constants.W_OK)
  } catch {
    return '项目文件是只读的，只能查看和导出。'
  }
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK)
  } catch {
    return '项目文件所在的文件夹是只读的，只能查看和导出。'
  }
  return null
}

/** Checks the mark, the version and the schema; returns the file's schema version. Reads only. */
function inspect(db: Db, file: string, migrations: Migration[]): number {
  const latest = migrations[migrations.length - 1]!.version
  const appId = db.pragma('application_id', { simple: true }) as number
  const version = db.pragma('user_version', { simple: true }) as number
  const schema = readSchema(db)
  if (schema.length && appId !== APP_ID) throw new AppError('unsupported-format', `${name(file)} 不是审核台的项目文件。`)
  if (version > latest) throw new AppError('unsupported-format', `${name(file)} 由更新版本的审核台创建（结构版本 ${version}），请升级后再打开。`)
  if (!schema.length) return 0
  if (version < 1) throw new AppError('corrupt', `项目文件 ${name(file)} 已损坏：缺少结构版本。`)
  const refusal = describeRefusal(compareSchema(schema, expectedSchema(migrations, version)))
  if (refusal) throw new AppError('corrupt', `项目文件 ${name(file)} 的结构与审核台不符（${refusal}），可能被其他程序改动过。为安全起见未打开。`)
  return version
}

/** The app's triggers and indexes as its migrations define them: an altered one is replaced before any write fires it. */
function repairOwnObjects(db: Db, migrations: Migration[], version: number): string[] {
  if (version < 1) return []
  const { repairs } = compareSchema(readSchema(db), expectedSchema(migrations, version))
  repairSchema(db, repairs)
  return repairs.map((r: SchemaEntry) => r.name)
}

function migrate(db: Db, from: number, migrations: Migration[]): void {
  for (const m of migrations) {
    if (m.version <= from) continue
    db.transaction(() => {
      db.exec(m.sql)
      m.after?.(db)
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

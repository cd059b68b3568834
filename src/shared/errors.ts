// Stable error codes for files that cannot be read, with messages a reviewer understands.

export const READ_ERROR_CODES = [
  'empty',
  'unsupported-format',
  'corrupt',
  'encrypted',
  'no-text-layer',
  'too-large',
  'not-a-report',
  'not-chinese',
  'io-error',
  'timeout'
] as const

export type ReadErrorCode = (typeof READ_ERROR_CODES)[number]

/** Why a page could not be fetched from its address (「从网址导入」). */
export const FETCH_ERROR_CODES = ['bad-url', 'blocked-address', 'unreachable', 'timeout', 'http-error', 'too-many-redirects', 'not-a-page'] as const

export type FetchErrorCode = (typeof FETCH_ERROR_CODES)[number]

export type AppErrorCode = ReadErrorCode | FetchErrorCode | 'invalid-argument' | 'not-found' | 'busy' | 'cancelled' | 'internal'

const MESSAGES: Record<AppErrorCode, string> = {
  empty: '文件为空或没有可读的文字。',
  'unsupported-format': '不支持的文件格式。',
  corrupt: '文件已损坏，无法解析。',
  encrypted: '文件已加密或设有密码，请解除保护后再导入。',
  'no-text-layer': 'PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）或提供 Word 版本。',
  'too-large': '文件过大，超出可处理的范围。',
  'not-a-report': '内容不像法治政府建设年度报告。',
  'not-chinese': '不是中文文本。',
  'io-error': '无法读取文件。',
  timeout: '处理超时，已中止。',
  'bad-url': '不是有效的网址。',
  'blocked-address': '该网址指向本机或内部网络，未获取。',
  unreachable: '无法连接到该网站。',
  'http-error': '网站返回了错误。',
  'too-many-redirects': '网址跳转次数过多。',
  'not-a-page': '该网址返回的不是网页或报告文件。',
  'invalid-argument': '参数无效。',
  'not-found': '未找到。',
  busy: '有任务正在进行，请等它完成或取消后再试。',
  cancelled: '操作已取消。',
  internal: '内部错误。'
}

export class AppError extends Error {
  readonly code: AppErrorCode
  constructor(code: AppErrorCode, message?: string) {
    super(message ?? MESSAGES[code])
    this.name = 'AppError'
    this.code = code
  }
}

export function defaultMessage(code: AppErrorCode): string {
  return MESSAGES[code]
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}

/**
 * What a failed write or read of the project file means for the reviewer (SQLite's result codes as
 * better-sqlite3 reports them, and the file system's), or null for other errors.
 */
export function storageErrorInfo(e: unknown): { code: AppErrorCode; message: string } | null {
  const code = (e as { code?: unknown } | undefined)?.code
  if (typeof code !== 'string') return null
  if (code === 'SQLITE_FULL') return { code: 'io-error', message: '磁盘空间已满，无法写入项目文件。请腾出磁盘空间后再试；已保存的内容不受影响。' }
  if (code === 'ENOSPC') return { code: 'io-error', message: '磁盘空间已满，无法写入文件（ENOSPC）。请腾出磁盘空间后再试。' }
  if (code === 'EROFS') return { code: 'io-error', message: '该位置是只读的，无法写入（EROFS）。' }
  if (code.startsWith('SQLITE_READONLY')) return { code: 'io-error', message: '项目文件是只读的（或位于只读位置），只能查看和导出，不能修改。' }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return { code: 'corrupt', message: '项目文件已损坏，无法读取。' }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { code: 'busy', message: '项目文件正被另一个程序占用，请稍后再试。' }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return { code: 'io-error', message: `读写项目文件时出错（${code}），可能是磁盘故障或文件被移走。` }
  return null
}

/** Turns anything thrown into a code and a message fit to show the reviewer. */
export function toErrorInfo(e: unknown): { code: AppErrorCode; message: string } {
  if (isAppError(e)) return { code: e.code, message: e.message }
  const storage = storageErrorInfo(e)
  if (storage) return storage
  const err = e as { code?: unknown; message?: string } | undefined
  if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
    return { code: 'io-error', message: `${MESSAGES['io-error']}（${err.code}）` }
  }
  return { code: 'internal', message: `${MESSAGES.internal}${err?.message ? `：${err.message}` : ''}` }
}

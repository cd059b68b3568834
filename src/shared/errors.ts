// Stable error codes for files that cannot be read, with messages a reviewer understands.

export const READ_ERROR_CODES = [
  'empty',
  'unsupported-format',
  'corrupt',
  'encrypted',
  'no-text-layer',
  'too-large',
  'not-a-report',
  'io-error'
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
  'io-error': '无法读取文件。',
  'bad-url': '不是有效的网址。',
  'blocked-address': '该网址指向本机或内部网络，未获取。',
  unreachable: '无法连接到该网站。',
  timeout: '网站长时间没有响应。',
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

/** Turns anything thrown into a code and a message fit to show the reviewer. */
export function toErrorInfo(e: unknown): { code: AppErrorCode; message: string } {
  if (isAppError(e)) return { code: e.code, message: e.message }
  const err = e as { code?: unknown; message?: string } | undefined
  if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
    return { code: 'io-error', message: `${MESSAGES['io-error']}（${err.code}）` }
  }
  return { code: 'internal', message: `${MESSAGES.internal}${err?.message ? `：${err.message}` : ''}` }
}

// Reads chosen entries of a zip archive with a hard cap on inflated bytes (zip bombs stop early).

import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate'
import { AppError } from '../../shared/errors'

/** fflate's error codes in the reviewer's words. */
const FLATE_ERRORS: Record<number, string> = {
  0: '数据意外结束，文件可能不完整',
  1: '压缩数据损坏',
  2: '压缩数据损坏',
  3: '压缩数据损坏',
  8: '文件名编码无效',
  9: '条目信息过长',
  11: '文件名过长',
  13: '不是有效的压缩包结构',
  14: '使用了不支持的压缩方式'
}

export function zipErrorReason(e: unknown): string {
  const code = (e as { code?: unknown })?.code
  return (typeof code === 'number' && FLATE_ERRORS[code]) || '无法解压'
}

export interface ZipBounds {
  /** Most entries looked at, wanted or not. */
  maxEntries?: number
  /** Most inflated bytes of all wanted entries together. */
  maxTotalBytes?: number
}

export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, maxEntryBytes: number, bounds: ZipBounds = {}): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>()
  let failure: AppError | null = null
  let entries = 0
  let inflated = 0
  const unzip = new Unzip((file) => {
    if (failure) return
    if (bounds.maxEntries !== undefined && ++entries > bounds.maxEntries) {
      failure = new AppError('too-large', `压缩包中的条目超过 ${bounds.maxEntries} 个，可能是异常文件。`)
      return
    }
    if (!wanted(file.name)) return
    const chunks: Uint8Array[] = []
    let total = 0
    file.ondata = (err, chunk, final) => {
      if (failure) return
      if (err) {
        failure = new AppError('corrupt', `压缩内容损坏（${file.name}：${zipErrorReason(err)}）。`)
        return
      }
      total += chunk.length
      inflated += chunk.length
      if (bounds.maxTotalBytes !== undefined && inflated > bounds.maxTotalBytes) {
        failure = new AppError('too-large', `压缩包解压后超过 ${Math.round(bounds.maxTotalBytes / 1048576)} MB，可能是异常文件。`)
        file.terminate()
        return
      }
      if (total > maxEntryBytes) {
        failure = new AppError('too-large', `文档内容解压后超过 ${Math.round(maxEntryBytes / 1048576)} MB（${file.name}），可能是异常文件。`)
        file.terminate()
        return
      }
      chunks.push(chunk)
      if (final) out.set(file.name, concat(chunks, total))
    }
    try {
      file.start()
    } catch (e) {
      failure = new AppError('corrupt', `压缩内容损坏（${file.name}：${zipErrorReason(e)}）。`)
    }
  })
  unzip.register(UnzipInflate)
  unzip.register(UnzipPassThrough)
  try {
    // Push in slices so that a bomb is stopped after at most one slice past the cap (8 KB inflate to at most ~8 MB).
    const step = 1 << 13
    for (let i = 0; i < bytes.length && !failure; i += step) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + step)), i + step >= bytes.length)
  } catch (e) {
    if (!failure) failure = new AppError('corrupt', `压缩包结构损坏（${zipErrorReason(e)}），文件可能不完整或已损坏。`)
  }
  if (failure) throw failure
  return out
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(total)
  let o = 0
  for (const c of chunks) {
    out.set(c, o)
    o += c.length
  }
  return out
}

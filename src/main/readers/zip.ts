// Reads chosen entries of a zip archive with a hard cap on inflated bytes (zip bombs stop early).

import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate'
import { AppError } from '../../shared/errors'

export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, maxEntryBytes: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>()
  let failure: AppError | null = null
  const unzip = new Unzip((file) => {
    if (!wanted(file.name) || failure) return
    const chunks: Uint8Array[] = []
    let total = 0
    file.ondata = (err, chunk, final) => {
      if (failure) return
      if (err) {
        failure = new AppError('corrupt', `压缩内容损坏（${file.name}）。`)
        return
      }
      total += chunk.length
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
    } catch {
      failure = new AppError('corrupt', `压缩内容损坏（${file.name}）。`)
    }
  })
  unzip.register(UnzipInflate)
  unzip.register(UnzipPassThrough)
  try {
    // Push in slices so that a bomb is stopped after at most one slice past the cap.
    const step = 1 << 16
    for (let i = 0; i < bytes.length && !failure; i += step) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + step)), i + step >= bytes.length)
  } catch (e) {
    if (!failure) failure = new AppError('corrupt', `压缩包结构损坏：${(e as Error).message}`)
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

// Reads chosen entries of a zip archive through its central directory, with hard caps on the number
// of entries, on each entry's inflated size and on all inflated bytes together: a zip bomb, or an
// archive repeating one huge part hundreds of times, stops at the first cap with `too-large`.
// Each wanted name is inflated once (the first entry of that name), in small slices, so memory stays
// within the caps however the sizes are declared.

import { Inflate } from 'fflate'
import { AppError } from '../../shared/errors'
import { LIMITS } from './limits'

export interface ZipCaps {
  /** Largest inflated entry. */
  maxEntryBytes: number
  /** All inflated entries together. */
  maxTotalBytes: number
  /** Entries in the archive's directory. */
  maxEntries: number
}

const MB = 1048576
const corrupt = (why: string) => new AppError('corrupt', `压缩包结构损坏：${why}。`)

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8)
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000
}

interface Directory {
  entries: number
  offset: number
  size: number
}

function findDirectory(bytes: Uint8Array): Directory {
  const min = Math.max(0, bytes.length - 22 - 0xffff)
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(bytes, i) !== 0x06054b50) continue
    let dir: Directory = { entries: u16(bytes, i + 10), size: u32(bytes, i + 12), offset: u32(bytes, i + 16) }
    // Zip64: the locator sits just before the end record and points at the zip64 end record.
    if (i >= 20 && u32(bytes, i - 20) === 0x07064b50) {
      const at = u64(bytes, i - 12)
      if (at + 56 <= bytes.length && u32(bytes, at) === 0x06064b50) dir = { entries: u64(bytes, at + 32), size: u64(bytes, at + 40), offset: u64(bytes, at + 48) }
    }
    return dir
  }
  throw corrupt('找不到文件目录（文件可能不完整）')
}

function inflateCapped(data: Uint8Array, name: string, room: number, caps: ZipCaps): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  let over: AppError | null = null
  const inflater = new Inflate((chunk) => {
    if (over) return
    total += chunk.length
    if (total > caps.maxEntryBytes) over = tooLargeEntry(name, caps)
    else if (total > room) over = tooLargeTotal(caps)
    else chunks.push(chunk)
  })
  // Small slices: a bomb inflates at most ~1000× a slice before the caps are checked again.
  const step = 4096
  try {
    for (let i = 0; i < data.length && !over; i += step) inflater.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length)
    if (data.length === 0) inflater.push(new Uint8Array(0), true)
  } catch {
    if (!over) throw new AppError('corrupt', `压缩内容损坏（${name}）。`)
  }
  if (over) throw over
  return concat(chunks, total)
}

const tooLargeEntry = (name: string, caps: ZipCaps) =>
  new AppError('too-large', `文档内容解压后超过 ${Math.round(caps.maxEntryBytes / MB)} MB（${name}），可能是异常文件。`)
const tooLargeTotal = (caps: ZipCaps) => new AppError('too-large', `文档各部分解压后合计超过 ${Math.round(caps.maxTotalBytes / MB)} MB，可能是异常文件。`)

export function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  maxEntryBytes: number,
  caps: Partial<ZipCaps> = {}
): Map<string, Uint8Array> {
  const limits: ZipCaps = { maxEntryBytes, maxTotalBytes: caps.maxTotalBytes ?? LIMITS.maxZipInflatedBytes, maxEntries: caps.maxEntries ?? LIMITS.maxZipEntries }
  const dir = findDirectory(bytes)
  if (dir.entries > limits.maxEntries) {
    throw new AppError('too-large', `压缩包内有 ${dir.entries} 个文件，超过上限 ${limits.maxEntries} 个，可能是异常文件。`)
  }
  if (dir.offset + dir.size > bytes.length) throw corrupt('文件目录超出文件末尾（文件可能不完整）')
  const out = new Map<string, Uint8Array>()
  let total = 0
  let p = dir.offset
  for (let n = 0; n < dir.entries; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw corrupt('文件目录条目无效')
    const flags = u16(bytes, p + 8)
    const method = u16(bytes, p + 10)
    let compressed = u32(bytes, p + 20)
    let size = u32(bytes, p + 24)
    const nameLen = u16(bytes, p + 28)
    const extraLen = u16(bytes, p + 30)
    const commentLen = u16(bytes, p + 32)
    let local = u32(bytes, p + 42)
    const nameEnd = p + 46 + nameLen
    if (nameEnd + extraLen + commentLen > bytes.length) throw corrupt('文件目录条目超出文件末尾')
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(bytes.subarray(p + 46, nameEnd))
    // Zip64 sizes and offset live in an extra field when the 32-bit ones are saturated.
    for (let e = nameEnd; e + 4 <= nameEnd + extraLen; ) {
      const id = u16(bytes, e)
      const len = u16(bytes, e + 2)
      if (id === 0x0001) {
        let f = e + 4
        const end = e + 4 + len
        if (size === 0xffffffff && f + 8 <= end) {
          size = u64(bytes, f)
          f += 8
        }
        if (compressed === 0xffffffff && f + 8 <= end) {
          compressed = u64(bytes, f)
          f += 8
        }
        if (local === 0xffffffff && f + 8 <= end) local = u64(bytes, f)
      }
      e += 4 + len
    }
    p = nameEnd + extraLen + commentLen
    if (!wanted(name) || out.has(name)) continue
    if (flags & 1) throw new AppError('encrypted', `文档的压缩内容已加密（${name}），请解除密码后再导入。`)
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw corrupt(`找不到 ${name} 的内容`)
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28)
    if (start + compressed > bytes.length) throw corrupt(`${name} 超出文件末尾（文件可能不完整）`)
    const data = bytes.subarray(start, start + compressed)
    let inflated: Uint8Array
    if (method === 0) {
      if (data.length > limits.maxEntryBytes) throw tooLargeEntry(name, limits)
      if (total + data.length > limits.maxTotalBytes) throw tooLargeTotal(limits)
      inflated = data
    } else if (method === 8) inflated = inflateCapped(data, name, limits.maxTotalBytes - total, limits)
    else throw new AppError('corrupt', `不支持的压缩方式（${name}，方式 ${method}）。`)
    total += inflated.length
    out.set(name, inflated)
  }
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

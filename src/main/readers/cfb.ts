// Compound File Binary ([MS-CFB], the container of .doc, .wps, .xls and encrypted Office files):
// the root storage's streams, read with every sector chain checked (in range, no cycles), so a hostile
// file costs at most its own size in memory and one pass in time.

import { AppError } from '../../shared/errors'
import { LIMITS } from './limits'

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const END_OF_CHAIN = 0xfffffffe
const FREE_SECT = 0xffffffff
const MAX_REG_SECT = 0xfffffffa

export interface CfbEntry {
  name: string
  type: 'storage' | 'stream' | 'root'
  start: number
  size: number
}

export interface CompoundFile {
  /** Streams and storages directly under the root, by name. */
  entries: Map<string, CfbEntry>
  read(name: string): Uint8Array | null
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return SIGNATURE.every((v, i) => bytes[i] === v)
}

function broken(why: string): AppError {
  return new AppError('corrupt', `文件结构损坏（${why}），可能不完整或已损坏。`)
}

export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (!isCompoundFile(bytes)) throw broken('不是复合文档')
  if (bytes.length < 512) throw broken('文件头不完整')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (o: number) => view.getUint16(o, true)
  const u32 = (o: number) => view.getUint32(o, true)
  const shift = u16(0x1e)
  if (shift !== 9 && shift !== 12) throw broken('扇区大小无效')
  const ssz = 1 << shift
  const miniShift = u16(0x20)
  if (miniShift !== 6) throw broken('小扇区大小无效')
  const miniSize = 1 << miniShift
  const cutoff = u32(0x38)
  if (cutoff !== 4096) throw broken('小流界限无效')
  // The last sector may be short in a file cut at the end; reads past the end are refused below.
  const sectorCount = Math.ceil((bytes.length - ssz) / ssz)
  if (sectorCount <= 0) throw broken('没有数据扇区')

  const sector = (n: number): Uint8Array => {
    const at = (n + 1) * ssz
    if (n >= sectorCount || at + ssz > bytes.length) throw broken('扇区超出文件末尾')
    return bytes.subarray(at, at + ssz)
  }

  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = []
  const fatCount = u32(0x2c)
  if (fatCount > sectorCount) throw broken('分配表过大')
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + i * 4))
  let difat = u32(0x44)
  const seenDifat = new Set<number>()
  while (fatSectors.length < fatCount && difat !== END_OF_CHAIN && difat !== FREE_SECT) {
    if (difat > MAX_REG_SECT || seenDifat.has(difat)) throw broken('分配表链无效')
    seenDifat.add(difat)
    const s = sector(difat)
    const sv = new DataView(s.buffer, s.byteOffset, s.byteLength)
    for (let i = 0; i < ssz / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(sv.getUint32(i * 4, true))
    difat = sv.getUint32(ssz - 4, true)
  }
  if (fatSectors.length < fatCount) throw broken('分配表不完整')
  const fat = new Uint32Array(fatSectors.length * (ssz / 4))
  fatSectors.forEach((fs, i) => {
    if (fs >= sectorCount) throw broken('分配表扇区超出文件末尾')
    const s = sector(fs)
    fat.set(new Uint32Array(s.buffer.slice(s.byteOffset, s.byteOffset + ssz)), i * (ssz / 4))
  })

  /** Follows a chain: every sector in range, none twice, at most `limit` sectors. */
  const chain = (table: Uint32Array, start: number, count: number, limit: number): number[] => {
    const out: number[] = []
    const seen = new Uint8Array(count)
    for (let s = start; s !== END_OF_CHAIN; ) {
      if (s >= count || s >= table.length) throw broken('扇区链指向文件之外')
      if (seen[s]) throw broken('扇区链成环')
      if (out.length >= limit) break
      seen[s] = 1
      out.push(s)
      s = table[s]!
    }
    return out
  }

  const readFat = (start: number, size: number): Uint8Array => {
    const need = Math.ceil(size / ssz)
    const sectors = size === 0 ? [] : chain(fat, start, sectorCount, need)
    if (sectors.length < need) throw broken('数据流不完整')
    const out = new Uint8Array(need * ssz)
    sectors.forEach((s, i) => out.set(sector(s), i * ssz))
    return out.subarray(0, size)
  }

  // Directory: 128-byte entries along the directory chain.
  const dirSectors = chain(fat, u32(0x30), sectorCount, sectorCount)
  const dirBytes = new Uint8Array(dirSectors.length * ssz)
  dirSectors.forEach((s, i) => dirBytes.set(sector(s), i * ssz))
  const dv = new DataView(dirBytes.buffer, dirBytes.byteOffset, dirBytes.byteLength)
  const entryCount = Math.min(dirBytes.length / 128, LIMITS.maxCfbEntries)
  const TYPES: Record<number, CfbEntry['type']> = { 1: 'storage', 2: 'stream', 5: 'root' }
  const entry = (i: number) => {
    const o = i * 128
    const nameLen = Math.min(dv.getUint16(o + 0x40, true), 64)
    const name = new TextDecoder('utf-16le').decode(dirBytes.subarray(o, o + Math.max(0, nameLen - 2)))
    const high = dv.getUint32(o + 0x7c, true)
    return {
      name,
      type: TYPES[dirBytes[o + 0x42]!],
      left: dv.getUint32(o + 0x44, true),
      right: dv.getUint32(o + 0x48, true),
      child: dv.getUint32(o + 0x4c, true),
      start: dv.getUint32(o + 0x74, true),
      size: shift === 9 ? dv.getUint32(o + 0x78, true) : high ? Infinity : dv.getUint32(o + 0x78, true)
    }
  }
  if (entryCount < 1) throw broken('目录为空')
  const root = entry(0)
  if (root.type !== 'root') throw broken('缺少根目录')

  // The root's children form a tree through left/right; walk it without recursion, each entry once.
  const entries = new Map<string, CfbEntry>()
  const visited = new Uint8Array(entryCount)
  const stack = [root.child]
  while (stack.length) {
    const i = stack.pop()!
    if (i === FREE_SECT) continue
    if (i >= entryCount || visited[i]) throw broken('目录结构无效')
    visited[i] = 1
    const e = entry(i)
    if (e.type && !entries.has(e.name)) entries.set(e.name, { name: e.name, type: e.type, start: e.start, size: e.size })
    stack.push(e.left, e.right)
  }

  let miniStream: Uint8Array | null = null
  let miniFat: Uint32Array | null = null
  const readMini = (start: number, size: number): Uint8Array => {
    if (!miniStream) {
      if (root.size > bytes.length) throw broken('小流大小无效')
      miniStream = readFat(root.start, root.size)
      const mfSectors = chain(fat, u32(0x3c), sectorCount, u32(0x40))
      miniFat = new Uint32Array(mfSectors.length * (ssz / 4))
      mfSectors.forEach((s, i) => {
        const b = sector(s)
        miniFat!.set(new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + ssz)), i * (ssz / 4))
      })
    }
    const need = Math.ceil(size / miniSize)
    const count = Math.floor(miniStream.length / miniSize)
    const sectors = size === 0 ? [] : chain(miniFat!, start, count, need)
    if (sectors.length < need) throw broken('数据流不完整')
    const out = new Uint8Array(need * miniSize)
    sectors.forEach((s, i) => out.set(miniStream!.subarray(s * miniSize, (s + 1) * miniSize), i * miniSize))
    return out.subarray(0, size)
  }

  return {
    entries,
    read(name) {
      const e = entries.get(name)
      if (!e || e.type !== 'stream') return null
      if (e.size > bytes.length) throw broken(`数据流“${name}”大小超出文件`)
      return e.size < cutoff ? readMini(e.start, e.size) : readFat(e.start, e.size)
    }
  }
}

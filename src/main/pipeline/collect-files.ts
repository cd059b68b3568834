// Expands files and folders (recursively, without recursion on the stack) into the list of files to read.
// Symbolic links are followed (a folder reached twice, as through a link to a parent, is walked once);
// pipes, sockets and devices are listed as not read, never opened.

import fs from 'node:fs/promises'
import path from 'node:path'
import type { CheckedReport } from '../../shared/models/check'
import { SUPPORTED_EXTENSIONS, sniff } from '../readers'

export interface Collected {
  /** Files to read, in a stable order. */
  files: string[]
  /** Files found in folders whose type cannot be read, with the reason and advice: listed, never silently skipped. */
  unsupported: Array<{ file: string; reason: string }>
  /** Paths that do not exist or cannot be listed. */
  missing: Array<{ path: string; reason: string }>
  /** Pipes, sockets and devices: not files, so not opened (reading a pipe would wait for ever). */
  special: Array<{ file: string; reason: string }>
}

/** Why something that is neither a file nor a folder is not read. */
function specialReason(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  const kind = st.isFIFO() ? '管道（FIFO）' : st.isSocket() ? '套接字' : st.isCharacterDevice() || st.isBlockDevice() ? '设备文件' : '特殊文件'
  return `这是${kind}，不是普通文件，未读取。`
}

const supported = new Set<string>(SUPPORTED_EXTENSIONS)

export async function collectFiles(paths: string[]): Promise<Collected> {
  const out: Collected = { files: [], unsupported: [], missing: [], special: [] }
  for (const p of paths) {
    let st
    try {
      st = await fs.stat(p)
    } catch (e) {
      out.missing.push({ path: p, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件或文件夹不存在。' : '无法访问。' })
      continue
    }
    if (st.isFile()) {
      out.files.push(p) // a file named explicitly is always read (its content decides the format)
      continue
    }
    if (!st.isDirectory()) {
      out.special.push({ file: p, reason: specialReason(st) })
      continue
    }
    const stack = [p]
    const found: string[] = []
    // Folders by their real path: a link back to a parent (or to a folder seen already) is walked once.
    const seen = new Set<string>()
    while (stack.length) {
      const dir = stack.pop()!
      let entries
      try {
        const real = await fs.realpath(dir)
        if (seen.has(real)) continue
        seen.add(real)
        entries = await fs.readdir(dir, { withFileTypes: true })
      } catch {
        out.missing.push({ path: dir, reason: '无法读取文件夹。' })
        continue
      }
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name.startsWith('~$')) continue // hidden files, Office lock files
        const full = path.join(dir, e.name)
        let kind: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean } = e
        if (e.isSymbolicLink()) {
          try {
            kind = await fs.stat(full)
          } catch {
            out.missing.push({ path: full, reason: '快捷方式（符号链接）指向的文件不存在。' })
            continue
          }
        }
        if (kind.isDirectory()) stack.push(full)
        else if (kind.isFile()) found.push(full)
        else out.special.push({ file: full, reason: specialReason(kind) })
      }
    }
    found.sort((a, b) => a.localeCompare(b, 'zh-CN'))
    for (const f of found) {
      if (supported.has(path.extname(f).toLowerCase())) out.files.push(f)
      else out.unsupported.push({ file: f, reason: await unsupportedReason(f) })
    }
  }
  return out
}

const HEAD_BYTES = 64 * 1024

/**
 * Why a file found in a folder is not read, with what to do about it: the same words the readers give
 * for that kind of file (an old Word file is told to be saved as .docx), from the first bytes.
 */
async function unsupportedReason(file: string): Promise<string> {
  const generic = `不支持的文件类型（${path.extname(file) || '无扩展名'}），请提供 Word（.docx）、PDF、网页或文本格式的报告。`
  let head: Uint8Array
  try {
    const fh = await fs.open(file, 'r')
    try {
      const buf = new Uint8Array(HEAD_BYTES)
      const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0)
      head = buf.subarray(0, bytesRead)
    } finally {
      await fh.close()
    }
  } catch {
    return generic
  }
  if (!head.length) return `${generic.slice(0, -1)}（文件是空的）。`
  const kind = sniff(head, file)
  if (kind === 'encrypted-office') return 'Office 文档设有密码保护，请解除密码后再导入。'
  return typeof kind === 'object' ? kind.unsupported : generic
}

/** The records reported for files that were found but are not read: missing paths and unsupported types. */
export function notReadReports(c: Collected): CheckedReport[] {
  return [
    ...c.missing.map((m): CheckedReport => ({ file: m.path, ok: false, error: { code: 'io-error', message: m.reason } })),
    ...c.unsupported.map((u): CheckedReport => ({ file: u.file, ok: false, error: { code: 'unsupported-format', message: u.reason } })),
    ...c.special.map((u): CheckedReport => ({ file: u.file, ok: false, error: { code: 'unsupported-format', message: u.reason } }))
  ]
}

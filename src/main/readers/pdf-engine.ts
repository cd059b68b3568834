// PDFium compiled to WebAssembly (@embedpdf/pdfium) behind a small API: open a document from bytes and
// read each page's characters with their positions, on a heap whose maximum size is fixed here.

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { init } from '@embedpdf/pdfium'
import { AppError } from '../../shared/errors'
import { LIMITS } from './limits'

/** One character as PDFium reports it: page space, y up. */
export interface PdfChar {
  /** Unicode code point. */
  code: number
  /** Baseline origin. */
  x: number
  y: number
  /** Loose box (the font's ascent to descent, the glyph's advance). */
  left: number
  right: number
  bottom: number
  top: number
  size: number
  /** Radians, counter-clockwise, of the text's baseline. */
  angle: number
}

export interface PdfPageChars {
  width: number
  height: number
  chars: PdfChar[]
}

/** The exports of the PDFium build this module calls (C functions; pointers are numbers). */
interface Exports {
  malloc(n: number): number
  free(p: number): void
  FPDF_LoadMemDocument(data: number, size: number, password: number): number
  FPDF_CloseDocument(doc: number): void
  FPDF_GetLastError(): number
  FPDF_GetPageCount(doc: number): number
  FPDF_LoadPage(doc: number, index: number): number
  FPDF_ClosePage(page: number): void
  FPDF_GetPageWidthF(page: number): number
  FPDF_GetPageHeightF(page: number): number
  FPDF_GetMetaText(doc: number, tag: number, buffer: number, length: number): number
  FPDFText_LoadPage(page: number): number
  FPDFText_ClosePage(text: number): void
  FPDFText_CountChars(text: number): number
  FPDFText_GetUnicode(text: number, i: number): number
  FPDFText_IsGenerated(text: number, i: number): number
  FPDFText_GetFontSize(text: number, i: number): number
  FPDFText_GetCharAngle(text: number, i: number): number
  FPDFText_GetCharOrigin(text: number, i: number, x: number, y: number): number
  FPDFText_GetLooseCharBox(text: number, i: number, rect: number): number
}

interface Instance {
  e: Exports
  heap(): Uint8Array
  /** Set when the heap could not grow: the next failure is an out-of-memory. */
  oom: boolean
  /** Set when PDFium aborted or trapped: the instance is unusable. */
  dead: boolean
}

const FPDF_ERR_PASSWORD = 4
const FPDF_ERR_SECURITY = 5

let compiled: Promise<WebAssembly.Module> | null = null
let current: Promise<Instance> | null = null

/**
 * Where the wasm file is: beside the package's JavaScript in node_modules. In a packaged app the
 * file must be unpacked from the asar archive, since a worker thread reads it with plain fs.
 */
export function wasmPath(): string {
  const file = createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm')
  const unpacked = file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)
  return unpacked !== file && fs.existsSync(unpacked) ? unpacked : file
}

/**
 * The wasm binary with its memory's maximum lowered to `maxBytes`: PDFium then fails an allocation
 * (and we report the file as too large) instead of taking gigabytes for a decompression bomb.
 */
export function capMemory(wasm: Uint8Array, maxBytes: number): Uint8Array {
  const maxPages = Math.floor(maxBytes / 65536)
  let p = 8
  const leb = (): number => {
    let r = 0
    let s = 0
    let b: number
    do {
      b = wasm[p++]!
      r += (b & 0x7f) * 2 ** s
      s += 7
    } while (b & 0x80)
    return r
  }
  const enc = (n: number): number[] => {
    const out: number[] = []
    do {
      let b = n & 0x7f
      n = Math.floor(n / 128)
      if (n) b |= 0x80
      out.push(b)
    } while (n)
    return out
  }
  while (p < wasm.length) {
    const start = p
    const id = wasm[p++]!
    const size = leb()
    const body = p
    if (id === 5) {
      const count = leb()
      const flags = leb()
      const min = leb()
      if (count !== 1 || flags > 1) throw new Error('unexpected wasm memory section')
      const max = Math.max(min, maxPages)
      const section = [count, ...enc(flags | 1), ...enc(min), ...enc(max)]
      const head = [5, ...enc(section.length)]
      const out = new Uint8Array(wasm.length - (body + size - start) + head.length + section.length)
      out.set(wasm.subarray(0, start))
      out.set(head, start)
      out.set(section, start + head.length)
      out.set(wasm.subarray(body + size), start + head.length + section.length)
      return out
    }
    p = body + size
  }
  throw new Error('wasm memory section not found')
}

async function instantiate(): Promise<Instance> {
  compiled ??= (async () => WebAssembly.compile(capMemory(await fs.promises.readFile(wasmPath()), LIMITS.pdfHeapBytes) as Uint8Array<ArrayBuffer>))()
  const mod = await compiled
  const inst: Partial<Instance> = { oom: false, dead: false }
  const wrapped = await init({
    instantiateWasm: (imports: WebAssembly.Imports, receive: (i: WebAssembly.Instance, m: WebAssembly.Module) => void) => {
      void WebAssembly.instantiate(mod, imports).then((i) => receive(i, mod))
      return {}
    },
    print: () => {},
    printErr: (msg: string) => {
      if (/grow|enlarge|out of memory|OOM/i.test(msg)) inst.oom = true
    },
    onAbort: () => {
      inst.dead = true
    }
  } as never)
  wrapped.PDFiumExt_Init()
  const module = wrapped.pdfium as unknown as { wasmExports: Exports; HEAPU8: Uint8Array }
  inst.e = module.wasmExports
  inst.heap = () => module.HEAPU8
  return inst as Instance
}

async function engine(): Promise<Instance> {
  current ??= instantiate()
  const inst = await current.catch((e: unknown) => {
    current = null
    throw e
  })
  if (inst.dead) {
    current = null
    return engine()
  }
  return inst
}

/** Forgets the instance: after a fault, or to hand a grown heap back (wasm memory never shrinks). */
function retire(inst: Instance): void {
  inst.dead = true
  if (current) void current.then((i) => (i === inst ? (current = null) : undefined))
}

/**
 * A fault inside PDFium (trap, abort, exhausted heap, a stack overflowed by nesting) as the reason a
 * reviewer can act on; the instance is discarded, since PDFium's state is lost mid-call. Errors of our
 * own code pass through unchanged.
 */
function fault(inst: Instance, e: unknown): unknown {
  if (e instanceof AppError) return e
  if (inst.oom) {
    retire(inst)
    return new AppError('too-large', `PDF 内容过于庞大（解析需要的内存超过 ${LIMITS.pdfHeapBytes / 1048576} MB），可能是异常或恶意构造的文件。`)
  }
  if (e instanceof RangeError) {
    retire(inst)
    return new AppError('corrupt', 'PDF 结构嵌套过深，无法解析，可能是异常或恶意构造的文件。')
  }
  if (e instanceof WebAssembly.RuntimeError || inst.dead) {
    retire(inst)
    return new AppError('corrupt', `PDF 结构损坏，无法解析（${(e as Error)?.message ?? String(e)}）。`)
  }
  return e
}

export interface PdfDocument {
  pageCount: number
  /** The characters of page `index` (0-based), or null when PDFium cannot load that page. */
  page(index: number): PdfPageChars | null
  /** A document information entry (`Title`, `Author`…). */
  meta(tag: string): string | undefined
}

/**
 * Opens `bytes` and runs `fn` on the document; closes it and frees its memory whatever happens.
 * Throws AppError: `encrypted` when the document needs a password to open, `corrupt` when PDFium
 * cannot parse it, `too-large` when parsing exhausts the heap.
 */
export async function withPdf<T>(bytes: Uint8Array, fn: (doc: PdfDocument) => T | Promise<T>): Promise<T> {
  const inst = await engine()
  const { e } = inst
  // A failed growth counts for this file only (PDFium survives some, such as a large image buffer).
  inst.oom = false
  let data = 0
  let doc = 0
  let scratch = 0
  try {
    data = e.malloc(bytes.length)
    if (!data) throw new AppError('too-large', `PDF 文件过大，无法载入（${(bytes.length / 1048576).toFixed(1)} MB）。`)
    inst.heap().set(bytes, data)
    doc = e.FPDF_LoadMemDocument(data, bytes.length, 0)
    if (!doc) {
      const err = e.FPDF_GetLastError()
      if (err === FPDF_ERR_PASSWORD) throw new AppError('encrypted', 'PDF 设有打开密码，请解除密码后再导入。')
      if (err === FPDF_ERR_SECURITY) throw new AppError('encrypted', 'PDF 使用了不支持的加密方式，请解除加密后再导入。')
      if (inst.oom) throw fault(inst, new Error('out of memory'))
      throw new AppError('corrupt', 'PDF 文件结构损坏，无法打开。')
    }
    scratch = e.malloc(64)
    const api: PdfDocument = {
      pageCount: e.FPDF_GetPageCount(doc),
      page: (index) => readPage(inst, doc, index, scratch),
      meta: (tag) => readMeta(inst, doc, tag)
    }
    return await fn(api)
  } catch (err) {
    throw fault(inst, err)
  } finally {
    if (!inst.dead) {
      try {
        if (doc) e.FPDF_CloseDocument(doc)
        if (scratch) e.free(scratch)
        if (data) e.free(data)
      } catch {
        retire(inst)
      }
      // A heap grown for one large file stays that large: start afresh for the next one.
      if (inst.heap().length > LIMITS.pdfHeapKeepBytes) retire(inst)
    }
  }
}

function readPage(inst: Instance, doc: number, index: number, scratch: number): PdfPageChars | null {
  const { e } = inst
  const page = e.FPDF_LoadPage(doc, index)
  if (!page) {
    if (inst.oom) throw new Error('out of memory')
    return null
  }
  let text = 0
  try {
    text = e.FPDFText_LoadPage(page)
    if (!text) return null
    const n = e.FPDFText_CountChars(text)
    if (n > LIMITS.maxPdfCharsPerPage) {
      throw new AppError('too-large', `PDF 第 ${index + 1} 页的文字多达 ${n} 个字符（上限 ${LIMITS.maxPdfCharsPerPage}），可能是异常或恶意构造的文件。`)
    }
    const chars: PdfChar[] = []
    const f64 = scratch >> 3
    const f32 = scratch >> 2
    let viewsOf: ArrayBufferLike | null = null
    let d: Float64Array<ArrayBufferLike> = new Float64Array(0)
    let f: Float32Array<ArrayBufferLike> = new Float32Array(0)
    for (let i = 0; i < n; i++) {
      const code = e.FPDFText_GetUnicode(text, i)
      // PDFium's own spaces and line breaks: lines are rebuilt here from positions.
      if (code === 0 || code === 0x0d || code === 0x0a || code === 0xfffe || e.FPDFText_IsGenerated(text, i) === 1) continue
      if (!e.FPDFText_GetCharOrigin(text, i, scratch, scratch + 8)) continue
      e.FPDFText_GetLooseCharBox(text, i, scratch + 16)
      const buffer = inst.heap().buffer
      if (buffer !== viewsOf) {
        viewsOf = buffer
        d = new Float64Array(buffer)
        f = new Float32Array(buffer)
      }
      chars.push({
        code,
        x: d[f64]!,
        y: d[f64 + 1]!,
        left: f[f32 + 4]!,
        top: f[f32 + 5]!,
        right: f[f32 + 6]!,
        bottom: f[f32 + 7]!,
        size: e.FPDFText_GetFontSize(text, i),
        angle: e.FPDFText_GetCharAngle(text, i)
      })
    }
    return { width: e.FPDF_GetPageWidthF(page), height: e.FPDF_GetPageHeightF(page), chars }
  } finally {
    if (text) e.FPDFText_ClosePage(text)
    e.FPDF_ClosePage(page)
  }
}

function readMeta(inst: Instance, doc: number, tag: string): string | undefined {
  const { e } = inst
  const key = Buffer.from(`${tag}\0`, 'latin1')
  const k = e.malloc(key.length)
  let buf = 0
  try {
    inst.heap().set(key, k)
    const n = e.FPDF_GetMetaText(doc, k, 0, 0)
    if (n <= 2 || n > 1 << 16) return undefined
    buf = e.malloc(n)
    e.FPDF_GetMetaText(doc, k, buf, n)
    const s = Buffer.from(inst.heap().subarray(buf, buf + n - 2)).toString('utf16le').trim()
    return s || undefined
  } finally {
    e.free(k)
    if (buf) e.free(buf)
  }
}

// Fetches report pages from portal addresses (「从网址导入」): bounded in time, size, redirects and content
// type; one request at a time to a site with a pause between, a few sites at once; never to this machine
// or an internal network unless allowed. What comes back is only bytes for the readers: nothing runs.

import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import path from 'node:path'
import { AppError } from '../../shared/errors'
import { LIMITS } from '../readers/limits'

export interface FetchPolicy {
  /** Fetch from loopback and private addresses too (tests on 127.0.0.1; an intranet portal on purpose). */
  allowPrivateNetworks: boolean
  /** Connecting and receiving the response headers, per request. */
  headersTimeoutMs: number
  /** The longest silence while the body arrives. */
  idleTimeoutMs: number
  /** The whole fetch of one address, redirects included. */
  totalTimeoutMs: number
  /** Largest body kept for a document (PDF, Word, OFD …); the transfer stops there. */
  maxBytes: number
  /** Largest body kept for a web page (the HTML reader's own bound). */
  maxPageBytes: number
  maxRedirects: number
  /** Pause after each request before the next one to the same site. */
  hostDelayMs: number
  /** Requests in flight in all. */
  maxConcurrent: number
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = {
  allowPrivateNetworks: false,
  headersTimeoutMs: 15_000,
  idleTimeoutMs: 20_000,
  totalTimeoutMs: 90_000,
  maxBytes: LIMITS.maxFileBytes,
  maxPageBytes: LIMITS.maxTextBytes,
  maxRedirects: 5,
  hostDelayMs: 1_000,
  maxConcurrent: 4
}

export interface FetchedPage {
  /** The address asked for, normalised. */
  url: string
  /** Where redirects ended, when elsewhere. */
  finalUrl: string | null
  fetchedAt: string
  /** The Last-Modified header as ISO time, when sent and valid. */
  lastModified: string | null
  /** The media type without parameters, when sent. */
  contentType: string | null
  /** A name for the stored file: from Content-Disposition or the address, with the extension its content type gives. */
  fileName: string
  /** The body as received (stored and hashed as is). */
  bytes: Uint8Array
  /** What the readers get when it differs from `bytes`: the header's charset declared inside an HTML page that declares none. */
  readBytes?: Uint8Array
}

const HTTP = new Set(['http:', 'https:'])

/**
 * A line the reviewer pasted (or a roster cell) as an address: the first http(s) address in it, else
 * the whole line, taken as http when it names no scheme (「www.x.gov.cn/…」, as copied from a browser bar).
 */
export function parseAddress(input: string): URL {
  const line = input.trim()
  const found = /https?:\/\/[^\s"'<>，。；、）」]+/i.exec(line)
  let s = (found ? found[0] : line).replace(/[)\].,;:!?'"）】」』，。；：！？]+$/u, '')
  if (!s) throw new AppError('bad-url', '网址为空。')
  const scheme = /^([a-z][a-z\d+.-]*):(?!\d)/i.exec(s)
  if (scheme && !/^https?$/i.test(scheme[1]!)) throw new AppError('bad-url', `只能获取 http 或 https 网址，不能获取「${scheme[1]}:」地址。`)
  if (!scheme) s = `http://${s}`
  let url: URL
  try {
    url = new URL(s)
  } catch {
    throw new AppError('bad-url', '不是有效的网址。')
  }
  if (!HTTP.has(url.protocol) || !url.hostname || !/[.:\]]|^localhost$/i.test(url.hostname)) throw new AppError('bad-url', '不是有效的网址。')
  if (url.username || url.password) throw new AppError('bad-url', '网址中含有用户名或密码，为安全起见未获取。')
  url.hash = ''
  return url
}

// Addresses that are not the public internet: this machine, private and link-local networks, carrier NAT,
// benchmarking, multicast and reserved ranges.
const PRIVATE = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]
] as const) PRIVATE.addSubnet(net, bits, 'ipv4')
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, bits, 'ipv6')

export function isPrivateAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '')
  const v = isIP(a)
  if (v === 4) return PRIVATE.check(a, 'ipv4')
  if (v !== 6) return true
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1, ::ffff:7f00:1) is that IPv4 address.
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)
  if (dotted) return PRIVATE.check(dotted[1]!, 'ipv4')
  const hex = /^::ffff:([\da-f]{1,4}):([\da-f]{1,4})$/i.exec(a)
  if (hex) {
    const hi = parseInt(hex[1]!, 16)
    const lo = parseInt(hex[2]!, 16)
    return PRIVATE.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4')
  }
  return PRIVATE.check(a, 'ipv6')
}

const BLOCKED = (host: string) =>
  new AppError('blocked-address', `网址指向本机或内部网络（${host}），为安全起见未获取；请确认是单位门户网站上的公开网址。`)

/**
 * Refuses an address on this machine or an internal network before connecting. The name is resolved here
 * and again by the connection: a site that answers differently the second time could still slip
 * through, which a desktop tool fetching pages its reviewer named accepts.
 */
async function checkTarget(url: URL, policy: FetchPolicy): Promise<void> {
  if (!HTTP.has(url.protocol)) throw new AppError('blocked-address', `只跟随 http 和 https 网址，不跟随「${url.protocol}」地址。`)
  if (policy.allowPrivateNetworks) return
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw BLOCKED(host)
    return
  }
  let addresses: Array<{ address: string }>
  try {
    addresses = await lookup(host, { all: true, verbatim: true })
  } catch (e) {
    throw networkError(e, url)
  }
  if (addresses.some((a) => isPrivateAddress(a.address))) throw BLOCKED(host)
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} 秒`

function networkError(e: unknown, url: URL): AppError {
  const err = e as { code?: string; cause?: { code?: string; message?: string }; message?: string }
  const code = err.cause?.code ?? err.code ?? ''
  const host = url.hostname
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return new AppError('unreachable', `找不到网站 ${host}（域名无法解析），请检查网址是否写错，或网络是否可用。`)
  if (code === 'ECONNREFUSED') return new AppError('unreachable', `网站 ${host} 拒绝连接。`)
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return new AppError('timeout', `连接网站 ${host} 超时。`)
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/.test(code)) {
    return new AppError('unreachable', `网站 ${host} 的安全证书无效（${code}），为安全起见未获取；可在浏览器中打开该网页，另存为 .mht 或 .html 后再导入。`)
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code.startsWith('UND_ERR')) return new AppError('unreachable', `与网站 ${host} 的连接中断（${code}）。`)
  return new AppError('unreachable', `无法连接到网站 ${host}${code ? `（${code}）` : ''}。`)
}

function httpError(status: number): AppError {
  const what =
    status === 404 || status === 410
      ? '网页不存在，可能已撤下或网址有误'
      : status === 401 || status === 403
        ? '网站拒绝访问'
        : status === 429
          ? '访问过于频繁，网站暂时拒绝'
          : status >= 500
            ? '网站出错，请稍后再试'
            : '网站返回了错误'
  return new AppError('http-error', `${what}（HTTP ${status}）。`)
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** Media types taken: web pages (and saved pages, plain text) and the documents the readers know by their bytes. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain', 'message/rfc822', 'multipart/related', 'application/x-mimearchive'])
const DOCUMENT_TYPES = new Set([
  'application/pdf', 'application/x-pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-works', 'application/kswps', 'application/wps-office.wps', 'application/wps-office.doc', 'application/wps-office.docx',
  'application/ofd', 'application/octet-stream', 'binary/octet-stream', 'application/x-download', 'application/force-download', 'application/download',
  'application/zip', 'application/x-zip-compressed'
])
const EXTENSION_OF: Record<string, string> = {
  'text/html': '.html', 'application/xhtml+xml': '.html', 'text/plain': '.txt', 'message/rfc822': '.mht', 'multipart/related': '.mht', 'application/x-mimearchive': '.mht',
  'application/pdf': '.pdf', 'application/x-pdf': '.pdf', 'application/msword': '.doc', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-works': '.wps', 'application/kswps': '.wps', 'application/wps-office.wps': '.wps', 'application/wps-office.doc': '.doc',
  'application/wps-office.docx': '.docx', 'application/ofd': '.ofd'
}
/** Extensions that agree with each page type (a .shtml page is a page). */
const FAMILY: Record<string, string[]> = {
  '.html': ['.html', '.htm', '.shtml', '.xhtml'], '.txt': ['.txt', '.text', '.md'], '.mht': ['.mht', '.mhtml'], '.doc': ['.doc', '.wps'], '.wps': ['.wps', '.doc']
}

function mediaType(res: Response): { type: string | null; charset: string | null } {
  const raw = res.headers.get('content-type')
  if (!raw) return { type: null, charset: null }
  const type = raw.split(';')[0]!.trim().toLowerCase() || null
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(raw)?.[1]?.toLowerCase() ?? null
  return { type, charset }
}

function dispositionName(header: string | null): string | null {
  if (!header) return null
  const star = /filename\*\s*=\s*(?:utf-8|gbk|gb2312)?'[^']*'([^;]+)/i.exec(header)
  let name: string | null = null
  if (star) {
    try {
      name = decodeURIComponent(star[1]!.trim())
    } catch {
      name = null
    }
  }
  name ??= /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(header)?.slice(1).find(Boolean)?.trim() ?? null
  if (!name) return null
  // Names sent as raw bytes (UTF-8, or GBK from older portals) arrive as Latin-1 characters.
  if (/[\u0080-\u00ff]/.test(name) && [...name].every((c) => c.charCodeAt(0) <= 0xff)) {
    const raw = Buffer.from(name, 'latin1')
    for (const enc of ['utf-8', 'gb18030']) {
      try {
        name = new TextDecoder(enc, { fatal: true }).decode(raw)
        break
      } catch {
        // not this one
      }
    }
  }
  return name
}

/** The name the stored file goes by: the attachment's own name, else the address's last part, with an extension that matches the content. */
export function pageFileName(url: URL, type: string | null, disposition: string | null): string {
  let name = dispositionName(disposition) ?? ''
  if (!name) {
    const last = url.pathname.split('/').filter(Boolean).pop() ?? ''
    try {
      name = decodeURIComponent(last)
    } catch {
      name = last
    }
  }
  name = [...path.basename(name.replace(/\\/g, '/'))].map((c) => (c.charCodeAt(0) < 0x20 || '<>:"|?*'.includes(c) ? '_' : c)).join('').slice(0, 120) || url.hostname
  const want = type ? EXTENSION_OF[type] : undefined
  const ext = path.extname(name).toLowerCase()
  if (want && !(FAMILY[want] ?? [want]).includes(ext)) name += want
  return name
}

/** The page with the charset its header declares, for a page whose own markup declares none. */
function withCharsetHint(bytes: Uint8Array, charset: string | null): Uint8Array | undefined {
  if (!charset || !/^[\w.:-]{2,40}$/.test(charset)) return undefined
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1')
  if (/<meta[^>]+charset/i.test(head)) return undefined
  return new Uint8Array(Buffer.concat([Buffer.from(`<meta charset="${charset}">`), bytes]))
}

const HEADERS = {
  // Portals turn away clients that do not look like a browser; this one says what it is as well.
  'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 ReportAuditDesk/1.0',
  accept: 'text/html,application/xhtml+xml,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/ofd;q=0.9,*/*;q=0.5',
  'accept-language': 'zh-CN,zh;q=0.9'
}

/** Fetches one address: redirects followed by hand (each target checked), the body read in a stream and cut at the bound. */
export async function fetchPage(url: URL, policy: FetchPolicy = DEFAULT_FETCH_POLICY, signal?: AbortSignal): Promise<FetchedPage> {
  if (signal?.aborted) throw new AppError('cancelled')
  const ctrl = new AbortController()
  let why: AppError | null = null
  const stop = (e: AppError) => {
    why ??= e
    ctrl.abort()
  }
  const onOuter = () => stop(new AppError('cancelled'))
  signal?.addEventListener('abort', onOuter, { once: true })
  const total = setTimeout(() => stop(new AppError('timeout', `获取网页超过 ${seconds(policy.totalTimeoutMs)} 仍未完成。`)), policy.totalTimeoutMs)
  try {
    let at = url
    for (let hop = 0; ; hop++) {
      await checkTarget(at, policy)
      if (why) throw why
      const waiting = setTimeout(() => stop(new AppError('timeout', `网站在 ${seconds(policy.headersTimeoutMs)} 内没有响应。`)), policy.headersTimeoutMs)
      let res: Response
      try {
        res = await fetch(at, { redirect: 'manual', signal: ctrl.signal, headers: HEADERS })
      } catch (e) {
        throw why ?? networkError(e, at)
      } finally {
        clearTimeout(waiting)
      }
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel().catch(() => {})
        const location = res.headers.get('location')
        if (!location) throw new AppError('http-error', `网站返回跳转（HTTP ${res.status}）却没有给出跳转到的网址。`)
        if (hop >= policy.maxRedirects) throw new AppError('too-many-redirects', `网址跳转超过 ${policy.maxRedirects} 次（可能是循环跳转），未获取。`)
        let next: URL
        try {
          next = new URL(location, at)
        } catch {
          throw new AppError('bad-url', `跳转到的网址无效：${location.slice(0, 200)}`)
        }
        next.hash = ''
        at = next
        continue
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => {})
        throw httpError(res.status)
      }
      const { type, charset } = mediaType(res)
      if (type && !PAGE_TYPES.has(type) && !DOCUMENT_TYPES.has(type)) {
        await res.body?.cancel().catch(() => {})
        throw new AppError('not-a-page', `网址返回的是 ${type.slice(0, 80)}，不是网页或报告文件（可导入网页、PDF、Word、WPS、OFD）。`)
      }
      const page = type === null || PAGE_TYPES.has(type)
      const limit = page ? policy.maxPageBytes : policy.maxBytes
      const tooLarge = () => new AppError('too-large', `${page ? '网页' : '文件'}过大（超过 ${limit / 1048576} MB），未获取。`)
      const declared = Number(res.headers.get('content-length'))
      if (Number.isFinite(declared) && declared > limit) {
        await res.body?.cancel().catch(() => {})
        throw tooLarge()
      }
      const bytes = await readBounded(res, limit, policy.idleTimeoutMs, stop, tooLarge, () => why, at)
      const modified = Date.parse(res.headers.get('last-modified') ?? '')
      return {
        url: url.href,
        finalUrl: at.href === url.href ? null : at.href,
        fetchedAt: new Date().toISOString(),
        lastModified: Number.isNaN(modified) ? null : new Date(modified).toISOString(),
        contentType: type,
        fileName: pageFileName(at, type, res.headers.get('content-disposition')),
        bytes,
        ...(type === 'text/html' || type === 'application/xhtml+xml' ? { readBytes: withCharsetHint(bytes, charset) } : {})
      }
    }
  } finally {
    clearTimeout(total)
    signal?.removeEventListener('abort', onOuter)
  }
}

async function readBounded(
  res: Response,
  limit: number,
  idleMs: number,
  stop: (e: AppError) => void,
  tooLarge: () => AppError,
  why: () => AppError | null,
  url: URL
): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array()
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let idle: NodeJS.Timeout | undefined
  const arm = () => {
    clearTimeout(idle)
    idle = setTimeout(() => stop(new AppError('timeout', `网页传输中断：${seconds(idleMs)} 内没有收到新的内容。`)), idleMs)
  }
  try {
    arm()
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>
      try {
        r = await reader.read()
      } catch (e) {
        throw why() ?? networkError(e, url)
      }
      if (r.done) break
      size += r.value.byteLength
      if (size > limit) {
        const e = tooLarge()
        stop(e)
        await reader.cancel().catch(() => {})
        throw e
      }
      chunks.push(r.value)
      arm()
    }
  } finally {
    clearTimeout(idle)
  }
  const e = why()
  if (e) throw e
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * Fetches addresses politely: one request at a time to a site, a pause after each before the next to it,
 * at most `maxConcurrent` in flight in all.
 */
export class PageFetcher {
  readonly policy: FetchPolicy
  private readonly hosts = new Map<string, Promise<void>>()
  private active = 0
  private readonly slots: Array<() => void> = []

  constructor(policy: Partial<FetchPolicy> = {}) {
    this.policy = { ...DEFAULT_FETCH_POLICY, ...policy }
  }

  async fetch(url: URL, signal?: AbortSignal): Promise<FetchedPage> {
    // A site is its host and port (an explicit port is another server; http and https of one name are one site).
    const host = url.host.toLowerCase()
    const before = this.hosts.get(host) ?? Promise.resolve()
    let release!: () => void
    const mine = new Promise<void>((r) => (release = r))
    const tail = before.then(() => mine)
    this.hosts.set(host, tail)
    void tail.then(() => {
      if (this.hosts.get(host) === tail) this.hosts.delete(host)
    })
    let asked = false
    try {
      await before
      if (signal?.aborted) throw new AppError('cancelled')
      await this.slot()
      try {
        asked = true
        return await fetchPage(url, this.policy, signal)
      } finally {
        this.active--
        this.slots.shift()?.()
      }
    } finally {
      // Kept referenced: a later address of this site waits on it, and nothing else may hold the process open.
      if (asked && this.policy.hostDelayMs > 0) setTimeout(release, this.policy.hostDelayMs)
      else release()
    }
  }

  private async slot(): Promise<void> {
    if (this.active >= this.policy.maxConcurrent) await new Promise<void>((r) => this.slots.push(r))
    this.active++
  }
}

/** Orders addresses so that neighbours are of different sites where possible: lanes then rarely wait on one site. */
export function interleaveByHost<T>(items: readonly T[], host: (item: T) => string): T[] {
  const groups = new Map<string, T[]>()
  for (const it of items) {
    const h = host(it)
    const g = groups.get(h) ?? []
    g.push(it)
    groups.set(h, g)
  }
  const queues = [...groups.values()]
  const out: T[] = []
  for (let i = 0; out.length < items.length; i++) for (const q of queues) if (i < q.length) out.push(q[i]!)
  return out
}

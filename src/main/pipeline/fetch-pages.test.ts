// The fetcher against a portal on 127.0.0.1: corpus pages in GBK and UTF-8, redirects, 404, slow,
// stalled and endless pages, a charset that lies, an image, a redirect loop, a link to file:, addresses
// on this machine refused, one request at a time per site. Nothing leaves the machine.
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { fetchPage, interleaveByHost, isPrivateAddress, PageFetcher, pageFileName, parseAddress, DEFAULT_FETCH_POLICY, type FetchPolicy } from './fetch-pages'
import { readReport } from '../readers'
import { fixture } from '../../../tests/helpers/fixtures'
import { lyingPage, startPageServer, type PageServer } from '../../../tests/helpers/page-server'

let server: PageServer
const policy: FetchPolicy = { ...DEFAULT_FETCH_POLICY, allowPrivateNetworks: true, hostDelayMs: 0, headersTimeoutMs: 400, idleTimeoutMs: 400, maxPageBytes: 1024 * 1024 }

beforeAll(async () => {
  server = await startPageServer()
})
afterAll(async () => {
  await server.close()
})

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return e as AppError
  }
  throw new Error('expected the fetch to fail')
}

describe('parseAddress', () => {
  it.each([
    ['https://www.ningxiang.gov.cn/xxgk/art_1.html', 'https://www.ningxiang.gov.cn/xxgk/art_1.html'],
    ['  www.ningxiang.gov.cn/xxgk/art_1.html  ', 'http://www.ningxiang.gov.cn/xxgk/art_1.html'],
    ['葛坑镇 http://www.dehua.gov.cn/zwgk/a.htm。', 'http://www.dehua.gov.cn/zwgk/a.htm'],
    ['「https://a.gov.cn/b.shtml」', 'https://a.gov.cn/b.shtml'],
    ['a.gov.cn:8080/c?id=3#top', 'http://a.gov.cn:8080/c?id=3'],
    ['http://[::1]/x', 'http://[::1]/x']
  ])('%s → %s', (input, href) => {
    expect(parseAddress(input).href).toBe(href)
  })

  it.each([['file:///etc/passwd'], ['javascript:alert(1)'], ['data:text/html,<p>'], ['不是网址'], ['http://user:pw@a.gov.cn/'], ['ftp://a.gov.cn/r.doc'], ['   ']])('refuses %s with a reason', (input) => {
    let err: unknown
    try {
      parseAddress(input)
    } catch (e) {
      err = e
    }
    expect((err as AppError).code).toBe('bad-url')
    expect((err as AppError).message).toMatch(/网址/)
  })
})

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true], ['10.3.4.5', true], ['172.20.0.1', true], ['192.168.1.1', true], ['169.254.169.254', true], ['100.64.0.1', true],
    ['0.0.0.0', true], ['::1', true], ['fe80::1', true], ['fd00::1', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::ffff:a00:1', true],
    ['202.103.0.1', false], ['172.32.0.1', false], ['2408:8000::1', false], ['::ffff:202.103.0.1', false]
  ])('%s → %s', (addr, priv) => {
    expect(isPrivateAddress(addr)).toBe(priv)
  })
})

describe('pageFileName', () => {
  it('takes the attachment name, else the last part of the address, with the extension of the content', () => {
    expect(pageFileName(new URL('http://a.gov.cn/art/2025/3/1/art_12.html'), 'text/html', null)).toBe('art_12.html')
    expect(pageFileName(new URL('http://a.gov.cn/content.jsp?id=3'), 'text/html', null)).toBe('content.jsp.html')
    expect(pageFileName(new URL('http://a.gov.cn/zwgk/'), 'text/html', null)).toBe('zwgk.html')
    expect(pageFileName(new URL('http://a.gov.cn/'), 'text/html', null)).toBe('a.gov.cn.html')
    expect(pageFileName(new URL('http://a.gov.cn/a.shtml'), 'text/html', null)).toBe('a.shtml')
    expect(pageFileName(new URL('http://a.gov.cn/dl?id=1'), 'application/octet-stream', `attachment; filename*=UTF-8''${encodeURIComponent('报告.docx')}`)).toBe('报告.docx')
    expect(pageFileName(new URL('http://a.gov.cn/dl?id=1'), 'application/pdf', 'attachment; filename="../../r"')).toBe('r.pdf')
    // Raw bytes in the header, as undici hands them over (one Latin-1 character a byte): UTF-8, and GBK from older portals.
    expect(pageFileName(new URL('http://a.gov.cn/dl'), null, `attachment; filename="${Buffer.from('报告.pdf', 'utf8').toString('latin1')}"`)).toBe('报告.pdf')
    expect(pageFileName(new URL('http://a.gov.cn/dl'), null, `attachment; filename="${Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]).toString('latin1')}.doc"`)).toBe('报告.doc')
  })
})

describe('fetchPage', () => {
  it('fetches a GBK page as it is, with the Last-Modified header and a file name', async () => {
    const p = await fetchPage(new URL(server.url('/gekeng.gbk.html')), policy)
    expect(Buffer.from(p.bytes).equals(Buffer.from(fixture('corpus', 'formats', 'gekeng-2024.gbk.html')))).toBe(true)
    expect(p.url).toBe(server.url('/gekeng.gbk.html'))
    expect(p.finalUrl).toBeNull()
    expect(p.lastModified).toBe('2025-02-28T08:00:00.000Z')
    expect(p.contentType).toBe('text/html')
    expect(p.fileName).toBe('gekeng.gbk.html')
    expect(Date.parse(p.fetchedAt)).not.toBeNaN()
    const doc = await readReport(p.readBytes ?? p.bytes, p.fileName)
    expect(doc.text).toContain('葛坑镇')
  })

  it('follows a redirect and keeps where it ended', async () => {
    const p = await fetchPage(new URL(server.url('/moved')), policy)
    expect(p.url).toBe(server.url('/moved'))
    expect(p.finalUrl).toBe(server.url('/zwgk/xiaduopu.html'))
    expect((await readReport(p.bytes, p.fileName)).text).toContain('夏铎铺镇')
  })

  it('reads a page whose header and <meta> both claim UTF-8 but whose bytes are GBK', async () => {
    const p = await fetchPage(new URL(server.url('/lying.html')), policy)
    expect(Buffer.from(p.bytes).equals(lyingPage())).toBe(true)
    const doc = await readReport(p.readBytes ?? p.bytes, p.fileName)
    expect(doc.encoding).toBe('gb18030')
    expect(doc.text).toContain('新城镇2020年法治政府建设情况报告')
  })

  it('gives the reader the charset the header declares when the page declares none', async () => {
    const body = Buffer.from('<html><body><p>报告正文</p></body></html>', 'utf8')
    const s = await startPageServer({ extra: { '/plain.html': (res) => res.writeHead(200, { 'content-type': 'text/html; charset=GBK' }).end(body) } })
    try {
      const p = await fetchPage(new URL(s.url('/plain.html')), policy)
      expect(Buffer.from(p.bytes).equals(body)).toBe(true)
      expect(Buffer.from(p.readBytes!).toString('latin1')).toMatch(/^<meta charset="gbk">/)
    } finally {
      await s.close()
    }
  })

  it('takes a PDF or a Word file linked directly, named by its attachment name', async () => {
    const pdf = await fetchPage(new URL(server.url('/xincheng.pdf')), policy)
    expect(pdf.fileName).toBe('xincheng.pdf')
    const docx = await fetchPage(new URL(server.url('/download.jsp')), policy)
    expect(docx.fileName).toBe('葛坑镇2024年法治政府建设报告.docx')
    expect((await readReport(docx.bytes, docx.fileName)).format).toBe('docx')
  })

  it.each([
    ['/missing.html', 'http-error', /网页不存在.*HTTP 404/],
    ['/error.html', 'http-error', /网站出错.*HTTP 500/],
    ['/slow.html', 'timeout', /没有响应/],
    ['/stalled.html', 'timeout', /没有收到新的内容/],
    ['/declared-huge.html', 'too-large', /网页过大/],
    ['/logo.png', 'not-a-page', /image\/png.*不是网页或报告文件/],
    ['/loop', 'too-many-redirects', /跳转超过 5 次/],
    ['/to-file', 'blocked-address', /file:/]
  ])('%s fails as %s with a reason in Chinese', async (p, code, message) => {
    const e = await failure(fetchPage(new URL(server.url(p)), policy))
    expect(e.code).toBe(code)
    expect(e.message).toMatch(message)
  })

  it('stops reading a page that never ends at its bound', async () => {
    const e = await failure(fetchPage(new URL(server.url('/huge.html')), policy))
    expect(e.code).toBe('too-large')
    expect(e.message).toContain('超过 1 MB')
    // The transfer was cut: the server sent far less than it would have (it never stops by itself).
    await new Promise((r) => setTimeout(r, 50))
    expect(server.hugeSent()).toBeLessThan(64 * 1024 * 1024)
  })

  it('refuses addresses on this machine or an internal network unless allowed', async () => {
    const strict = { ...policy, allowPrivateNetworks: false }
    const before = server.requests.length
    for (const u of [server.url('/gekeng.gbk.html'), server.url('/gekeng.gbk.html').replace('127.0.0.1', 'localhost'), 'http://10.0.0.1/a.html', 'http://[::1]/a.html']) {
      const e = await failure(fetchPage(new URL(u), strict))
      expect(e.code).toBe('blocked-address')
      expect(e.message).toMatch(/本机或内部网络/)
    }
    expect(server.requests.length).toBe(before)
  })

  it('stops when cancelled', async () => {
    const ctrl = new AbortController()
    const pending = fetchPage(new URL(server.url('/slow.html')), { ...policy, headersTimeoutMs: 60_000 }, ctrl.signal)
    setTimeout(() => ctrl.abort(), 20)
    expect((await failure(pending)).code).toBe('cancelled')
  })
})

describe('PageFetcher', () => {
  it('asks one site one thing at a time, and several sites at once', async () => {
    let active = 0
    let most = 0
    const counting = (res: http.ServerResponse) => {
      active++
      most = Math.max(most, active)
      setTimeout(() => {
        active--
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>报告</p>')
      }, 30)
    }
    const a = await startPageServer({ extra: { '/p': counting } })
    const fetcher = new PageFetcher({ ...policy, maxConcurrent: 4 })
    try {
      await Promise.all([1, 2, 3, 4].map((i) => fetcher.fetch(new URL(a.url(`/p?i=${i}`)))))
      expect(most).toBe(1)
      const b = await startPageServer({ extra: { '/p': counting } })
      try {
        most = 0
        // Two sites (another port is another server): one request each at a time, both at once.
        await Promise.all([1, 2, 3].flatMap((i) => [fetcher.fetch(new URL(a.url(`/p?i=${i}`))), fetcher.fetch(new URL(b.url(`/p?i=${i}`)))]))
        expect(most).toBe(2)
      } finally {
        await b.close()
      }
    } finally {
      await a.close()
    }
  })

  it('pauses between two requests to one site (a lower bound only: a slow machine only lengthens it)', async () => {
    const ends: number[] = []
    const starts: number[] = []
    const s = await startPageServer({
      extra: {
        '/p': (res) => {
          starts.push(Date.now())
          res.on('finish', () => ends.push(Date.now()))
          res.writeHead(200, { 'content-type': 'text/html' }).end('<p>报告</p>')
        }
      }
    })
    try {
      const fetcher = new PageFetcher({ ...policy, hostDelayMs: 150 })
      await Promise.all([fetcher.fetch(new URL(s.url('/p?1'))), fetcher.fetch(new URL(s.url('/p?2')))])
      expect(starts[1]! - ends[0]!).toBeGreaterThanOrEqual(140)
    } finally {
      await s.close()
    }
  })
})

describe('interleaveByHost', () => {
  it('puts different sites side by side, keeping each site in order', () => {
    expect(interleaveByHost(['a1', 'a2', 'a3', 'b1', 'c1', 'b2'], (s) => s[0]!)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3'])
  })
})

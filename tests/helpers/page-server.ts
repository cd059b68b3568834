// A portal on 127.0.0.1 for the tests of 「从网址导入」: the corpus's saved pages in GBK and UTF-8 and what
// real portals also do (redirects, 404s, slow and huge pages, a charset that lies, images, loops,
// attachments). Nothing leaves the machine.

import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { CORPUS } from './fixtures'

const corpus = (name: string) => fs.readFileSync(path.join(CORPUS, 'formats', name))

export interface PageServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  base: string
  url(p: string): string
  /** Every path asked for, in order. */
  requests: string[]
  /** How many bytes /huge sent before the client hung up. */
  hugeSent(): number
  close(): Promise<void>
}

/** The GBK page of xincheng-2020 whose <meta> and header both say UTF-8. */
export function lyingPage(): Buffer {
  const bytes = corpus('xincheng-2020.gbk.html')
  const latin = bytes.toString('latin1').replace(/charset=gbk/i, 'charset=utf-8')
  return Buffer.from(latin, 'latin1')
}

export async function startPageServer(opts: { host?: string; extra?: Record<string, (res: http.ServerResponse) => void> } = {}): Promise<PageServer> {
  const requests: string[] = []
  let hugeSent = 0
  const send = (res: http.ServerResponse, type: string, body: Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': type, 'content-length': String(body.length), ...headers })
    res.end(body)
  }
  const routes: Record<string, (res: http.ServerResponse, req: http.IncomingMessage) => void> = {
    '/gekeng.gbk.html': (res) => send(res, 'text/html', corpus('gekeng-2024.gbk.html'), { 'last-modified': 'Fri, 28 Feb 2025 08:00:00 GMT' }),
    '/xiaduopu.html': (res) => send(res, 'text/html; charset=utf-8', corpus('xiaduopu-2020.utf8.html')),
    '/xincheng.html': (res) => send(res, 'text/html; charset=gbk', corpus('xincheng-2020.gbk.html')),
    '/gekeng.utf8.html': (res) => send(res, 'text/html; charset=utf-8', corpus('gekeng-2024.utf8.html')),
    '/lying.html': (res) => send(res, 'text/html; charset=utf-8', lyingPage()),
    '/moved': (res) => {
      res.writeHead(302, { location: '/zwgk/xiaduopu.html' })
      res.end()
    },
    '/zwgk/xiaduopu.html': (res) => send(res, 'text/html; charset=utf-8', corpus('xiaduopu-2020.utf8.html')),
    '/loop': (res) => {
      res.writeHead(302, { location: '/loop' })
      res.end()
    },
    '/to-file': (res) => {
      res.writeHead(301, { location: 'file:///etc/passwd' })
      res.end()
    },
    '/missing.html': (res) => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<html><body>页面不存在</body></html>')
    },
    '/error.html': (res) => {
      res.writeHead(500, { 'content-type': 'text/html' })
      res.end('error')
    },
    // Headers never come: the client's own timeout must end it.
    '/slow.html': () => {},
    // Headers and a first part, then silence.
    '/stalled.html': (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.write('<html><body><p>第一段')
    },
    // A page that never ends: the client must stop reading at its bound.
    '/huge.html': (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      const chunk = Buffer.from(`<p>${'法治政府建设'.repeat(2000)}</p>\n`)
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) hugeSent += chunk.length
        if (!res.destroyed) res.once('drain', pump)
      }
      res.on('close', () => res.removeAllListeners('drain'))
      pump()
    },
    '/declared-huge.html': (res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(900 * 1024 * 1024) })
      res.write('<html>')
    },
    '/logo.png': (res) => send(res, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])),
    '/xincheng.pdf': (res) => send(res, 'application/pdf', corpus('xincheng-2020.pdf')),
    '/download.jsp': (res) =>
      send(res, 'application/octet-stream', corpus('gekeng-2024.docx'), { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('葛坑镇2024年法治政府建设报告.docx')}` }),
    '/empty.html': (res) => send(res, 'text/html', Buffer.alloc(0))
  }
  const server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname
    requests.push(p)
    const extra = opts.extra?.[p]
    if (extra) return extra(res)
    const route = routes[p]
    if (route) return route(res, req)
    res.writeHead(404).end()
  })
  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const base = `http://${host}:${(server.address() as AddressInfo).port}`
  return {
    base,
    url: (p) => `${base}${p}`,
    requests,
    hugeSent: () => hugeSent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

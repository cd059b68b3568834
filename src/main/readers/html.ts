// Saved portal pages: charset from BOM, <meta> or sniffing; main content only; scripts never run.
// The page is parsed by a streaming tokenizer into a depth-capped tree and walked without recursion,
// so a page nested 100,000 levels deep costs no more than a flat one.

import { Parser } from 'htmlparser2'
import type { BlockKind, ExtractedDoc } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { DocBuilder } from './doc-builder'
import { decodeText } from './encoding'
import { LIMITS } from './limits'

interface El {
  tag: string
  attrs: Record<string, string>
  children: Array<El | string>
  parent: El | null
  /** Non-link CJK/letter characters in the subtree, filled in by measure(). */
  textLen: number
  linkLen: number
}

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video',
  'audio', 'button', 'select', 'option', 'textarea', 'input', 'head', 'nav', 'footer', 'aside', 'menu', 'form', 'map'
])
const VOID_TAGS = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr', 'param'])
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'blockquote', 'pre', 'center', 'body', 'html', 'figure', 'figcaption', 'address', 'hr', 'br'
])
const CELL_TAGS = new Set(['td', 'th'])
/** class/id tokens of page furniture that is never report text. */
const JUNK_TOKEN =
  /^(?:nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|bread|position|location|dqwz|footer|foot|bottom|header|topbar|top|share|bdshare|bdsharebuttonbox|related|relate|xglj|xgwz|xgxx|xgzl|links?|friendlink|yqlj|sidebar|side|toolbar|tools?|print|fontsize|font-size|zihao|qrcode|ewm|erweima|copyright|banner|search|login|ads?|advert|comments?|pager|pagination|fenxiang|wzfx|share-box|wx|weixin)(?:[-_]?(?:box|bar|wrap|list|area|con|nav|links?)?\d*)$/i

function isJunk(el: El): boolean {
  if (SKIP_TAGS.has(el.tag)) return true
  const style = el.attrs.style
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true
  if ('hidden' in el.attrs) return true
  const tokens = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.split(/\s+/).filter(Boolean)
  return tokens.some((t) => JUNK_TOKEN.test(t))
}

function sniffCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)
  return m ? m[1]!.toLowerCase() : null
}

function parse(html: string): { root: El; title: string } {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null, textLen: 0, linkLen: 0 }
  let cur = root
  let overflow = 0 // elements opened beyond the depth cap
  let depth = 0
  let inTitle = false
  let title = ''
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true
        if (VOID_TAGS.has(name)) {
          if (name === 'br' || name === 'hr') cur.children.push({ tag: name, attrs: {}, children: [], parent: cur, textLen: 0, linkLen: 0 })
          return
        }
        if (depth >= LIMITS.maxHtmlDepth) {
          overflow++
          return
        }
        const el: El = { tag: name, attrs, children: [], parent: cur, textLen: 0, linkLen: 0 }
        cur.children.push(el)
        cur = el
        depth++
      },
      ontext(text) {
        if (inTitle) title += text
        cur.children.push(text)
      },
      onclosetag(name, implied) {
        if (name === 'title') inTitle = false
        if (VOID_TAGS.has(name)) return
        if (overflow > 0) {
          overflow--
          return
        }
        if (cur.parent && (cur.tag === name || implied)) {
          cur = cur.parent
          depth--
        } else if (cur.parent) {
          // Mismatched close: close up to the matching ancestor if there is one.
          let a: El | null = cur
          while (a && a.tag !== name) a = a.parent
          if (a && a.parent) {
            while (cur !== a) {
              cur = cur.parent!
              depth--
            }
            cur = a.parent
            depth--
          }
        }
      }
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true }
  )
  parser.write(html)
  parser.end()
  return { root, title: title.replace(/\s+/g, ' ').trim() }
}

const COUNTED = /[\u4e00-\u9fffA-Za-z0-9]/g

/** Post-order walk, no recursion: drops junk subtrees and measures text per element. */
function prune(root: El): void {
  const stack: Array<{ el: El; visited: boolean }> = [{ el: root, visited: false }]
  while (stack.length) {
    const top = stack[stack.length - 1]!
    if (!top.visited) {
      top.visited = true
      top.el.children = top.el.children.filter((c) => typeof c === 'string' || !isJunk(c))
      for (const c of top.el.children) if (typeof c !== 'string') stack.push({ el: c, visited: false })
      continue
    }
    stack.pop()
    const el = top.el
    let len = 0
    let link = 0
    for (const c of el.children) {
      if (typeof c === 'string') len += (c.match(COUNTED) ?? []).length
      else {
        len += c.textLen
        link += c.linkLen
      }
    }
    if (el.tag === 'a') link = len
    el.textLen = len
    el.linkLen = link
  }
}

/** The element that holds the report: descend while one child holds most of the text. */
function mainContent(root: El): El {
  let body: El = root
  for (const stack = [root]; stack.length; ) {
    const e = stack.pop()!
    if (e.tag === 'body') {
      body = e
      break
    }
    for (const c of e.children) if (typeof c !== 'string') stack.push(c)
  }
  let node = body
  for (;;) {
    const own = node.textLen - node.linkLen
    let best: El | null = null
    for (const c of node.children) {
      if (typeof c === 'string') continue
      if (!best || c.textLen - c.linkLen > best.textLen - best.linkLen) best = c
    }
    if (!best || best.textLen - best.linkLen < own * 0.7) break
    node = best
  }
  // Climb back up while the parent adds only a little (a title and a date line beside the text).
  while (node.parent && node !== body && node.parent !== body) {
    const extra = node.parent.textLen - node.parent.linkLen - (node.textLen - node.linkLen)
    if (extra > 400) break
    node = node.parent
  }
  return node
}

function headingLevel(tag: string): number | undefined {
  const m = /^h([1-6])$/.exec(tag)
  return m ? Number(m[1]) : undefined
}

/** Emits blocks in document order, one per block element, cells of a row on one line. */
function emit(node: El, b: DocBuilder): void {
  let buf = ''
  let kind: BlockKind = 'paragraph'
  let level: number | undefined
  const flush = () => {
    if (buf.trim()) b.add(buf.replace(/\s+/g, (s) => (s.includes('\u3000') ? s : ' ')).trim(), kind, level ? { level } : {})
    buf = ''
    kind = 'paragraph'
    level = undefined
  }
  type Frame = { el: El; i: number }
  const stack: Frame[] = [{ el: node, i: 0 }]
  while (stack.length && !b.isFull) {
    const f = stack[stack.length - 1]!
    if (f.i >= f.el.children.length) {
      stack.pop()
      if (BLOCK_TAGS.has(f.el.tag)) flush()
      else if (CELL_TAGS.has(f.el.tag)) buf += ' '
      continue
    }
    const c = f.el.children[f.i++]!
    if (typeof c === 'string') {
      buf += c
      continue
    }
    if (c.tag === 'br' || c.tag === 'hr') {
      flush()
      continue
    }
    if (BLOCK_TAGS.has(c.tag)) {
      flush()
      const hl = headingLevel(c.tag)
      if (hl) {
        kind = 'heading'
        level = hl
      } else if (c.tag === 'tr') kind = 'table'
      else if (c.tag === 'li') kind = 'list'
    }
    stack.push({ el: c, i: 0 })
  }
  flush()
}

export function readHtml(bytes: Uint8Array): ExtractedDoc {
  if (bytes.length > LIMITS.maxTextBytes) {
    throw new AppError('too-large', `网页文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${LIMITS.maxTextBytes / 1048576} MB）。`)
  }
  const decoded = decodeText(bytes, sniffCharset(bytes))
  const { root, title } = parse(decoded.text)
  prune(root)
  const b = new DocBuilder()
  emit(mainContent(root), b)
  return b.build('html', decoded.encoding, { declaredTitle: title || undefined })
}

// Saved portal pages: charset from BOM, <meta> or sniffing; main content only; scripts never run.
// The page is tokenized into a depth-capped tree (markup.ts, linear in the page's size), furniture is
// dropped by what it is (tags, hidden, class/id names, the headings that open related-links, recommendation
// and comment boxes), the rest is cut into text blocks, and the main content is the run of blocks with
// the most running text and the fewest link words (a maximum-sum run: one pass, however the page nests).

import type { BlockKind, ExtractedDoc } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { DocBuilder } from './doc-builder'
import { assertChinese, decodeText } from './encoding'
import { LIMITS } from './limits'
import { walkMarkup } from './markup'

interface El {
  tag: string
  attrs: Record<string, string>
  children: Array<El | string>
  parent: El | null
  /** Counted characters (Han, letters, digits) in the subtree, inside links and in all. */
  chars: number
  linkChars: number
  /** Position in document order and the first position after the subtree (ancestor tests in O(1)). */
  pre: number
  post: number
  /** Holds a line break or a block of its own somewhere inside (a table cell that is page layout). */
  blocky: boolean
  /** Named like furniture (class or id): skipped unless that leaves no report. */
  named: boolean
}

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video',
  'audio', 'button', 'select', 'option', 'textarea', 'input', 'head', 'nav', 'footer', 'aside', 'menu', 'map', 'label'
])
// <form> is not furniture: ASP.NET pages put the whole body inside <form id="Form1">. Search and login
// forms go by their names (search, login) or by having little text.
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote', 'pre', 'center', 'body', 'html', 'figure',
  'figcaption', 'address', 'hr', 'br', 'form', 'fieldset', 'legend', 'details', 'summary'
])
const KEPT_ATTRS = new Set(['class', 'id', 'style', 'hidden', 'aria-hidden'])

/** class/id tokens of page furniture that is never report text (the whole token, with an optional suffix). */
const JUNK_TOKEN =
  /^(?:nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|bread|position|location|dqwz|footer|foot|bottom|header|topbar|top|bdshare|bdsharebuttonbox|xglj|xgwz|xgxw|xgxx|xgzl|xgyd|tjyd|cnxh|rmtj|rdtj|links?|friendlink|yqlj|sidebar|side|toolbar|tools?|print|fontsize|font-size|zihao|qrcode|ewm|erweima|copyright|banner|search|login|ads?|advert|pager|pagination|fenxiang|wzfx|wx|weixin|hot|hotnews|ranking|rank|prev|next|prenext|sxp|sxy)(?:[-_]?(?:box|bar|wrap|list|area|con|nav|links?|btn|buttons?|panel|mod|module|block|form)?\d*)$/i
/** Furniture recognisable by one word of a class/id token (comment-list, article_share, relatedNews), not by
 *  letters inside a word (Baidu's share script marks whole articles "BSHARE_POP"). */
const JUNK_WORD = /^(?:comment|recommend|tuijian|share|relate|pinglun|reply|replies|guess|sponsor|advertis|copyright|login)/i

/** Furniture by what the element is: a tag that never holds report text, or hidden. */
function isJunkElement(el: El): boolean {
  if (SKIP_TAGS.has(el.tag)) return true
  const a = el.attrs
  if ('hidden' in a || a['aria-hidden'] === 'true') return true
  return !!a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)
}

/**
 * Furniture by its class or id: a whole token (nav, footer, bdshare…) or the first word of a token
 * (comment-list, relatedNews, shareBox), either word of a two-word one (article_share). Later words of
 * longer tokens describe something else (js_img_share_area marks an article whose images can be shared),
 * and never for the elements that are the content by definition (WordPress names an article after its
 * tags: "tag-share").
 */
function hasJunkName(el: El): boolean {
  if (el.tag === 'body' || el.tag === 'html' || el.tag === 'main' || el.tag === 'article') return false
  const names = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`
  if (!names.trim()) return false
  for (const t of names.split(/\s+/)) {
    if (!t) continue
    if (JUNK_TOKEN.test(t)) return true
    // Words of the token: split at - and _ and where lower case turns upper (relatedNews → related, News).
    const words: string[] = []
    let start = 0
    for (let i = 1; i <= t.length && words.length < 3; i++) {
      const c = t.charCodeAt(i)
      const boundary = i === t.length || c === 0x2d || c === 0x5f || (c >= 0x41 && c <= 0x5a && t.charCodeAt(i - 1) >= 0x61 && t.charCodeAt(i - 1) <= 0x7a)
      if (!boundary) continue
      if (i > start) words.push(t.slice(start, i))
      start = c === 0x2d || c === 0x5f ? i + 1 : i
    }
    if (words.length && JUNK_WORD.test(words[0]!)) return true
    if (words.length === 2 && JUNK_WORD.test(words[1]!)) return true
  }
  return false
}

/**
 * The first words of a heading that opens a box of page furniture: related links, recommendations,
 * rankings, comments, the site's legal notices. What follows it inside its box is furniture too.
 */
const BOX_CUE =
  /^[\s【[［（(「<《]*(?:相关(?:新闻|阅读|链接|文章|报道|稿件|信息|推荐|资讯|专题|文档|文件|内容|政策|附件下载)|延伸阅读|扩展阅读|推荐(?:阅读|新闻|文章|内容|视频)|热门(?:推荐|文章|新闻|排行|评论|阅读|标签|搜索)|热点(?:推荐|新闻|关注|排行)|猜你喜欢|为你推荐|精彩推荐|今日推荐|编辑推荐|网友评论|发表评论|我要评论|最新评论|热门评论|精彩评论|评论列表|全部评论|已有\d+条评论|共\d+条评论|排行榜|点击排行|阅读排行|版权声明|免责声明|反侵权公告|侵权声明)/
/** Lines of page furniture that are only themselves: share bars, print/close, previous/next article. */
const LINE_CUE = /^[\s【[［（(]*(?:更多(?:新闻|阅读|精彩|推荐|相关|图片|内容)|分享到|分享至|扫一扫|打印本页|打印此页|关闭窗口|【?打印】?\s*【?关闭】?|上一篇|下一篇|上一条|下一条|返回顶部|收藏本页|责任编辑|文明上网|网友评论仅供)/

/** The heading of a site's legal notice, after the site's name: 某某网版权与免责声明：. */
function isNoticeHeading(text: string): boolean {
  if (text.length > 30) return false
  const t = text.replace(/[:：\s]+$/, '')
  return t.endsWith('声明') && /版权|免责|侵权/.test(t)
}

function sniffCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).toLowerCase()
  for (let i = head.indexOf('<meta'); i >= 0; i = head.indexOf('<meta', i + 5)) {
    const end = head.indexOf('>', i)
    const tag = head.slice(i, end < 0 ? head.length : end)
    const at = tag.indexOf('charset')
    if (at < 0) continue
    let j = at + 7
    while (j < tag.length && /[\s=]/.test(tag[j]!)) j++
    while (j < tag.length && /["']/.test(tag[j]!)) j++
    let k = j
    while (k < tag.length && /[\w-]/.test(tag[k]!)) k++
    if (k > j) return tag.slice(j, k)
  }
  return null
}

function newEl(tag: string, attrs: Record<string, string>, parent: El | null): El {
  return { tag, attrs, children: [], parent, chars: 0, linkChars: 0, pre: 0, post: 0, blocky: false, named: false }
}

function parse(html: string): { root: El; title: string } {
  const root = newEl('#root', {}, null)
  let cur = root
  let depth = 0
  const created: boolean[] = [] // per open element: whether it became a node (deeper ones are flattened)
  let titleDepth = 0
  let title = ''
  walkMarkup(html, { xml: false, keepAttr: (n) => KEPT_ATTRS.has(n) }, {
    open(name, attrs) {
      if (name === 'title') titleDepth++
      if (name === 'br' || name === 'hr') {
        cur.children.push(newEl(name, {}, cur))
        created.push(false)
        return
      }
      if (depth >= LIMITS.maxHtmlDepth) {
        created.push(false)
        return
      }
      const el = newEl(name, attrs, cur)
      cur.children.push(el)
      cur = el
      depth++
      created.push(true)
    },
    close(name) {
      if (name === 'title' && titleDepth > 0) titleDepth--
      if (created.pop()) {
        cur = cur.parent!
        depth--
      }
    },
    text(t) {
      if (titleDepth > 0 && title.length < 500) title += t
      cur.children.push(t)
    }
  })
  return { root, title: title.replace(/\s+/g, ' ').trim() }
}

/** Letters and digits: Han, ASCII and full-width, and the letters of other scripts (to judge their language). */
function isCounted(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ||
    (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) ||
    (c >= 0x3041 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff) || (c >= 0x5d0 && c <= 0x6ff) || (c >= 0xe01 && c <= 0xe5b)
  )
}

function isPunct(c: number): boolean {
  // ，。！？；、 and their ASCII forms: sentences, which menus, link lists and date lines lack.
  return c === 0xff0c || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x3001 || c === 0x2c || c === 0x3b || c === 0x21 || c === 0x3f
}

function countChars(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) if (isCounted(s.charCodeAt(i))) n++
  return n
}

/** Post-order walk without recursion: counts each element's text, links and layout; numbers elements in document order. */
function count(root: El): void {
  let order = 0
  const stack: Array<{ el: El; visited: boolean }> = [{ el: root, visited: false }]
  while (stack.length) {
    const top = stack[stack.length - 1]!
    const el = top.el
    if (!top.visited) {
      top.visited = true
      el.pre = order++
      for (let i = el.children.length - 1; i >= 0; i--) {
        const c = el.children[i]!
        if (typeof c !== 'string') stack.push({ el: c, visited: false })
      }
      continue
    }
    stack.pop()
    el.post = order
    let chars = 0
    let link = 0
    let blocky = false
    for (const c of el.children) {
      if (typeof c === 'string') chars += countChars(c)
      else {
        chars += c.chars
        link += c.linkChars
        blocky ||= c.blocky || LAYOUT_TAGS.has(c.tag)
      }
    }
    el.chars = chars
    el.linkChars = el.tag === 'a' ? chars : link
    el.blocky = blocky
  }
}

/** Drops furniture subtrees (by tag, or hidden), marks those named like furniture, then counts what is left. */
function prune(root: El): void {
  const stack: El[] = [root]
  while (stack.length) {
    const el = stack.pop()!
    el.children = el.children.filter((c) => typeof c === 'string' || !isJunkElement(c))
    for (const c of el.children) {
      if (typeof c === 'string') continue
      c.named = hasJunkName(c)
      stack.push(c)
    }
  }
  count(root)
}

interface TextBlock {
  text: string
  kind: BlockKind
  level?: number
  chars: number
  linkChars: number
  punct: number
  /** The innermost block element the block's text sits in. */
  owner: El
  cue: 'box' | 'line' | null
  /** Inside a box opened by a cue: furniture. */
  boxed: boolean
}

function headingLevel(tag: string): number | undefined {
  return tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6' ? Number(tag[1]) : undefined
}

const LAYOUT_TAGS = new Set(['br', 'p', 'div', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** A table row of short cells is one line of data; a row holding paragraphs or long text is page layout. */
function isDataRow(tr: El): boolean {
  for (const cell of tr.children) if (typeof cell !== 'string' && (cell.chars > 200 || cell.blocky || LAYOUT_TAGS.has(cell.tag))) return false
  return true
}

/** Cuts the tree into text blocks in document order: one per block element, one line per data-table row. */
function linearize(body: El, skipNamed: boolean): TextBlock[] {
  const out: TextBlock[] = []
  let parts: string[] = []
  let chars = 0
  let link = 0
  let punct = 0
  let owner: El | null = null
  let kind: BlockKind = 'paragraph'
  let level: number | undefined
  let linkDepth = 0
  let dataRow = 0 // inside a data row: cells stay on one line

  const flush = () => {
    if (parts.length) {
      const text = parts.join('').replace(/\s+/g, (s) => (s.includes('\u3000') ? s : ' ')).trim()
      if (text && chars + punct > 0) {
        const head = text.slice(0, 24)
        // A box heading is only its words (相关报道：, 网友评论（共12条）); with a title after it
        // (延伸阅读：某某文章) it is one line of furniture inside the article, not the end of it.
        const boxCue = text.length <= 40 ? BOX_CUE.exec(head) : null
        const cue = (boxCue && text.length - boxCue[0].length <= 12) || isNoticeHeading(text) ? 'box' : boxCue || LINE_CUE.test(head) ? 'line' : null
        out.push({ text, kind, level, chars, linkChars: link, punct, owner: owner!, cue, boxed: false })
      }
    }
    parts = []
    chars = link = punct = 0
    owner = null
    kind = 'paragraph'
    level = undefined
  }
  type Frame = { el: El; i: number; block: boolean }
  const stack: Frame[] = [{ el: body, i: 0, block: true }]
  const blockOwners: El[] = [body]
  while (stack.length) {
    const f = stack[stack.length - 1]!
    if (f.i >= f.el.children.length) {
      stack.pop()
      if (f.el.tag === 'a') linkDepth--
      if (f.el.tag === 'tr' && dataRow > 0) {
        dataRow--
        if (dataRow === 0) flush()
      } else if ((f.el.tag === 'td' || f.el.tag === 'th') && dataRow > 0) parts.push(' ')
      else if (f.block) flush()
      if (f.block) blockOwners.pop()
      continue
    }
    const c = f.el.children[f.i++]!
    if (typeof c !== 'string' && skipNamed && c.named) continue
    if (typeof c === 'string') {
      if (!parts.length) owner = blockOwners[blockOwners.length - 1]!
      parts.push(c)
      for (let i = 0; i < c.length; i++) {
        const code = c.charCodeAt(i)
        if (isCounted(code)) {
          chars++
          if (linkDepth > 0) link++
        } else if (linkDepth === 0 && isPunct(code)) punct++
      }
      continue
    }
    if (c.tag === 'br' || c.tag === 'hr') {
      if (!dataRow) flush()
      else parts.push(' ')
      continue
    }
    const inRow = dataRow > 0
    let block = BLOCK_TAGS.has(c.tag) && !inRow
    if (c.tag === 'tr' && !inRow && isDataRow(c)) {
      flush()
      dataRow = 1
      kind = 'table'
      block = false
    } else if (c.tag === 'tr' && inRow) dataRow++
    if (block) {
      flush()
      const hl = headingLevel(c.tag)
      if (hl) {
        kind = 'heading'
        level = hl
      } else if (c.tag === 'li') kind = 'list'
    }
    if (c.tag === 'a') linkDepth++
    if (block) blockOwners.push(c)
    stack.push({ el: c, i: 0, block })
  }
  flush()
  return out
}

const inside = (el: El, box: El) => el.pre >= box.pre && el.pre < box.post

/**
 * Marks what a box cue opens: the blocks after it inside the smallest element holding more than the
 * cue, when the cue is that element's heading (its first block). Running prose ends the marking: a
 * heading that merely sits above the article in the same container does not take the article along.
 */
function markBoxes(blocks: TextBlock[]): void {
  // A box met inside an earlier box lies within it (it starts with its own cue, so it cannot hold the
  // earlier one): its marking goes no further than the earlier one went, so each block is looked at once.
  let seen = 0
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    if (b.cue !== 'box') continue
    let box = b.owner
    while (box.parent && box.chars <= b.chars + 2) box = box.parent
    if (i > 0 && inside(blocks[i - 1]!.owner, box)) continue
    let j = Math.max(i + 1, seen)
    for (; j < blocks.length && inside(blocks[j]!.owner, box); j++) {
      const o = blocks[j]!
      if (o.punct >= 3 && o.chars - o.linkChars >= 100) break
      o.boxed = true
    }
    seen = j
  }
}

/** How much a block counts towards the main content: running text for, link words and furniture against. */
function weight(b: TextBlock): number {
  if (b.cue === 'box' || b.boxed) return -Infinity
  if (b.cue === 'line') return -b.chars - 3
  const own = b.chars - b.linkChars
  const sentences = b.punct > 0 || own >= 80
  return (sentences ? own : own * 0.4) - 1.5 * b.linkChars - 3
}

/** Lines next to the content that the run may take in (title, date and source, signature): short, not mostly links. */
function isHeaderLine(b: TextBlock): boolean {
  return !b.cue && !b.boxed && b.chars <= 300 && (b.linkChars <= 2 || b.linkChars * 2 < b.chars)
}

/** The run of blocks with the largest total weight (Kadane), then the title and date lines around it. */
function mainRun(blocks: TextBlock[]): TextBlock[] {
  let best = -Infinity
  let bestStart = 0
  let bestEnd = -1
  let sum = 0
  let start = 0
  for (let i = 0; i < blocks.length; i++) {
    const w = weight(blocks[i]!)
    if (w === -Infinity) {
      sum = 0
      start = i + 1
      continue
    }
    if (sum <= 0) {
      sum = 0
      start = i
    }
    sum += w
    if (sum > best) {
      best = sum
      bestStart = start
      bestEnd = i
    }
  }
  if (bestEnd < 0) return []
  let s = bestStart
  for (let n = 0; n < 8 && s > 0 && isHeaderLine(blocks[s - 1]!); n++) s--
  let e = bestEnd
  for (let n = 0; n < 6 && e + 1 < blocks.length && isHeaderLine(blocks[e + 1]!); n++) e++
  // Inside the run, link lists and share bars still go.
  return blocks.slice(s, e + 1).filter((b) => !b.cue && !b.boxed && !(b.linkChars * 2 > b.chars && b.punct === 0 && b.linkChars > 12))
}

/** Fewer characters of running text than any annual report has. */
const MIN_REPORT_CHARS = 200

function ownChars(run: TextBlock[]): number {
  let n = 0
  for (const b of run) n += b.chars - b.linkChars
  return n
}

function findBody(root: El): El {
  for (const stack = [root]; stack.length; ) {
    const e = stack.pop()!
    if (e.tag === 'body') return e
    for (const c of e.children) if (typeof c !== 'string') stack.push(c)
  }
  return root
}

export function readHtml(bytes: Uint8Array): ExtractedDoc {
  if (bytes.length > LIMITS.maxTextBytes) {
    throw new AppError('too-large', `网页文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${LIMITS.maxTextBytes / 1048576} MB）。`)
  }
  const decoded = decodeText(bytes, sniffCharset(bytes))
  const { root, title } = parse(decoded.text)
  prune(root)
  const body = findBody(root)
  const blocks = linearize(body, true)
  // The page's language is judged on all its visible text: a Chinese page may hold an English article.
  assertChinese(blocks.map((x) => x.text).join('\n'))
  markBoxes(blocks)
  let run = mainRun(blocks)
  if (ownChars(run) < MIN_REPORT_CHARS) {
    // Names are the site's own guesswork: when skipping what they call furniture leaves no report,
    // read the page again without them and keep the larger run.
    const all = linearize(body, false)
    markBoxes(all)
    const other = mainRun(all)
    if (ownChars(other) > ownChars(run)) run = other
  }
  const b = new DocBuilder()
  if (decoded.warning) b.warnings.push(decoded.warning)
  for (const blk of run) {
    if (b.isFull) break
    b.add(blk.text, blk.kind, blk.level ? { level: blk.level } : {})
  }
  return b.build('html', decoded.encoding, { declaredTitle: title || undefined })
}


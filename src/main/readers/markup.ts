// Open/close/text events for HTML and XML in linear time: htmlparser2's tokenizer with a stack of our own.
// htmlparser2's Parser keeps its open elements with Array.unshift/shift and searches them on every
// unmatched close tag, so a document nested N deep costs O(N²); here each element is pushed and popped
// once, and an unmatched close tag is looked up in a count of open names.

import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2'

export interface MarkupHandlers {
  open(name: string, attrs: Record<string, string>): void
  close(name: string): void
  text(text: string): void
}

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

// What an opening tag closes when it meets it on top of the stack (the HTML spec's "implied end tags",
// checked at the top only, as browsers do for these cases in practice).
const P = ['p']
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']
const FORM_CONTROLS = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']
const IMPLIES_CLOSE = new Map<string, Set<string>>(
  Object.entries({
    tr: ['tr', 'th', 'td'], th: ['th'], td: ['thead', 'th', 'td'], body: ['head', 'link', 'script'], a: ['a'], li: ['li'],
    p: P, h1: HEADINGS, h2: HEADINGS, h3: HEADINGS, h4: HEADINGS, h5: HEADINGS, h6: HEADINGS,
    select: FORM_CONTROLS, input: FORM_CONTROLS, output: FORM_CONTROLS, button: FORM_CONTROLS, datalist: FORM_CONTROLS, textarea: FORM_CONTROLS,
    option: ['option'], optgroup: ['optgroup', 'option'], dd: ['dd', 'dt'], dt: ['dd', 'dt'], rt: ['rt', 'rp'], rp: ['rt', 'rp'],
    tbody: ['thead', 'tbody'], tfoot: ['thead', 'tbody'],
    ...Object.fromEntries(
      ['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t) => [t, P])
    )
  }).map(([k, v]) => [k, new Set(v)])
)

/** Longest attribute value kept: class and style strings beyond this are not page furniture we can read anyway. */
const MAX_ATTR = 4096

/**
 * Walks `source` and calls the handlers with balanced events: every open gets exactly one close, in
 * nesting order (elements still open at the end are closed there). `keepAttr` picks the attributes
 * worth collecting (all when omitted).
 */
export function walkMarkup(source: string, opts: { xml: boolean; keepAttr?: (name: string) => boolean }, h: MarkupHandlers): void {
  const xml = opts.xml
  const stack: string[] = []
  const openCount = new Map<string, number>()
  let foreign = 0 // open svg/math elements: their <title> is not the page's
  let tagName = ''
  let attrs: Record<string, string> = {}
  let attrName = ''
  let attrValue = ''
  let keepingAttr = false

  const push = (name: string) => {
    stack.push(name)
    openCount.set(name, (openCount.get(name) ?? 0) + 1)
    if (name === 'svg' || name === 'math') foreign++
  }
  const pop = () => {
    const name = stack.pop()!
    openCount.set(name, openCount.get(name)! - 1)
    if (name === 'svg' || name === 'math') foreign--
    h.close(name)
  }
  const closeUpTo = (name: string) => {
    if (!openCount.get(name)) return false
    while (stack.length) {
      const top = stack[stack.length - 1]
      pop()
      if (top === name) break
    }
    return true
  }
  const slice = (start: number, end: number) => source.slice(start, end)

  const cbs: TokenizerCallbacks = {
    onopentagname(start, end) {
      tagName = xml ? slice(start, end) : slice(start, end).toLowerCase()
      attrs = {}
    },
    onattribname(start, end) {
      attrName = xml ? slice(start, end) : slice(start, end).toLowerCase()
      attrValue = ''
      keepingAttr = !opts.keepAttr || opts.keepAttr(attrName)
    },
    onattribdata(start, end) {
      if (keepingAttr && attrValue.length < MAX_ATTR) attrValue += slice(start, Math.min(end, start + MAX_ATTR - attrValue.length))
    },
    onattribentity(cp) {
      if (keepingAttr && attrValue.length < MAX_ATTR) attrValue += String.fromCodePoint(cp)
    },
    onattribend() {
      if (keepingAttr && !Object.hasOwn(attrs, attrName)) attrs[attrName] = attrValue
      keepingAttr = false
    },
    onopentagend() {
      const name = tagName
      if (!xml) {
        const implied = IMPLIES_CLOSE.get(name)
        if (implied) while (stack.length && implied.has(stack[stack.length - 1]!)) pop()
      }
      h.open(name, attrs)
      if (!xml && VOID.has(name)) h.close(name)
      else push(name)
    },
    onselfclosingtag() {
      const name = tagName
      if (!xml) {
        const implied = IMPLIES_CLOSE.get(name)
        if (implied) while (stack.length && implied.has(stack[stack.length - 1]!)) pop()
      }
      h.open(name, attrs)
      h.close(name)
    },
    onclosetag(start, end) {
      const name = xml ? slice(start, end) : slice(start, end).toLowerCase()
      if (closeUpTo(name) || xml) return
      // Stray </p> and </br> act as their elements do in browsers; other stray closes are ignored.
      if (name === 'p' || name === 'br') {
        h.open(name, {})
        h.close(name)
      }
    },
    ontext(start, end) {
      h.text(slice(start, end))
    },
    ontextentity(cp) {
      h.text(String.fromCodePoint(cp))
    },
    oncdata(start, end, offset) {
      if (xml) h.text(slice(start, end - offset))
    },
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
    isInForeignContext: () => foreign > 0
  }
  const tokenizer = new Tokenizer({ xmlMode: xml, decodeEntities: true, recognizeSelfClosing: true }, cbs)
  tokenizer.write(source)
  tokenizer.end()
  while (stack.length) pop()
}

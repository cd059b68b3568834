// PDFs whose encryption covers only their attachments (`/StmF` and `/StrF` are `/Identity`): the
// pages and strings are plain, so the document is read without its password.

const latin1 = new TextDecoder('latin1')

/** The dictionary starting at `at` (which points at `<<`), balanced; null if it does not close. */
function dictAt(s: string, at: number): string | null {
  let depth = 0
  for (let i = at; i < s.length - 1 && i < at + 65536; i++) {
    if (s[i] === '<' && s[i + 1] === '<') {
      depth++
      i++
    } else if (s[i] === '>' && s[i + 1] === '>') {
      depth--
      i++
      if (depth === 0) return s.slice(at, i + 1)
    }
  }
  return null
}

/** Whether an encryption dictionary leaves streams and strings unencrypted. */
export function encryptsOnlyAttachments(dict: string): boolean {
  const v = /\/V\s+(\d+)/.exec(dict)
  // Crypt filters (and so /Identity defaults) exist only from version 4 on.
  if (!v || Number(v[1]) < 4) return false
  const filter = (key: string) => new RegExp(`/${key}\\s*/([A-Za-z0-9]+)`).exec(dict)?.[1] ?? 'Identity'
  return filter('StmF') === 'Identity' && filter('StrF') === 'Identity'
}

/**
 * The same file with its trailers' `/Encrypt` entries renamed (same length, so every offset holds),
 * when every encryption dictionary it names encrypts only attachments; else null.
 */
export function unlockAttachmentsOnly(bytes: Uint8Array): Uint8Array | null {
  const s = latin1.decode(bytes)
  const refs = [...s.matchAll(/\/Encrypt\s*(?:(\d+)\s+(\d+)\s+R|<<)/g)]
  if (!refs.length) return null
  for (const m of refs) {
    let dict: string | null
    if (m[1]) {
      // The last definition wins (incremental updates append new ones).
      const obj = [...s.matchAll(new RegExp(`(?<![0-9])${m[1]}\\s+${m[2]}\\s+obj\\s*<<`, 'g'))].pop()
      dict = obj ? dictAt(s, obj.index + obj[0].length - 2) : null
    } else dict = dictAt(s, m.index + m[0].length - 2)
    if (!dict || !encryptsOnlyAttachments(dict)) return null
  }
  const out = new Uint8Array(bytes)
  for (const m of refs) out.set([0x2f, 0x4e, 0x6f, 0x43, 0x72, 0x79, 0x70, 0x74], m.index) // "/NoCrypt"
  return out
}

// The audit trail as a hash chain: each entry's hash covers its own fields and the hash of the entry
// before it, so an entry rewritten, removed or slipped in with the sqlite3 tool (its triggers dropped)
// breaks the chain from there on, and the app says where. Anyone may recompute a whole chain, so it
// proves nothing against a forger who does: exports carry the last hash, which a recipient can keep.

import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'

type Db = Database.Database

export interface ChainedFields {
  id: number
  report_id: number
  at: string
  reviewer: string
  action: string
  target: string
  old_value: string | null
  new_value: string | null
  via: string | null
}

export function auditHash(e: ChainedFields, prevHash: string): string {
  const fields = [e.id, e.report_id, e.at, e.reviewer, e.action, e.target, e.old_value, e.new_value, e.via, prevHash]
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}

/** The chain's last link: the hash the next entry chains to ('' before the first). */
export function chainHead(db: Db): { id: number; hash: string } {
  const r = db.prepare<[], { id: number; hash: string | null }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get()
  return r ? { id: r.id, hash: r.hash ?? '' } : { id: 0, hash: '' }
}

export interface AuditIntegrity {
  /** Entries checked. */
  entries: number
  /** The last entry's hash ('' with no entries): recorded in exports. */
  head: string
  /** Where the chain first breaks, or null when it holds. */
  brokenAt: { id: number; at: string; why: 'changed' | 'removed-before' } | null
  /** One sentence for the reviewer. */
  message: string
}

/** 2026-03-02 14:05 in this machine's time, as the reviewer saw the entry made; the stored value when it is not a date. */
function localTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** Walks the whole chain in order; reads only. */
export function verifyAuditChain(db: Db): AuditIntegrity {
  let prev = ''
  let entries = 0
  let brokenAt: AuditIntegrity['brokenAt'] = null
  for (const r of db.prepare<[], ChainedFields & { prev_hash: string | null; hash: string | null }>('SELECT * FROM audit_log ORDER BY id').iterate()) {
    entries++
    if (brokenAt) continue
    if (r.prev_hash !== prev) brokenAt = { id: r.id, at: r.at, why: 'removed-before' }
    else if (r.hash !== auditHash(r, prev)) brokenAt = { id: r.id, at: r.at, why: 'changed' }
    prev = r.hash ?? ''
  }
  const message = brokenAt
    ? brokenAt.why === 'changed'
      ? `审核记录第 ${brokenAt.id} 条（${localTime(brokenAt.at)}）被改动过，自此以后的记录不可信。`
      : `审核记录第 ${brokenAt.id} 条（${localTime(brokenAt.at)}）之前有记录被删除或插入，自此以后的记录不可信。`
    : `审核记录完整（共 ${entries} 条，校验值 ${prev.slice(0, 16) || '—'}）。`
  return { entries, head: prev, brokenAt, message }
}

/** Chains the entries a project already holds (the migration that adds the chain). */
export function chainExisting(db: Db): void {
  let prev = ''
  const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?')
  for (const r of db.prepare<[], ChainedFields>('SELECT * FROM audit_log ORDER BY id').all()) {
    const hash = auditHash(r, prev)
    set.run(prev, hash, r.id)
    prev = hash
  }
}

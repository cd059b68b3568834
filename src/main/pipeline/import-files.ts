// Imports files and folders into a project: read and hash in this thread, parse on the worker pool,
// store each new report in its own transaction. Shared by the app's import job and `report-audit import`.

import { createHash } from 'node:crypto'
import path from 'node:path'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { storageErrorInfo, toErrorInfo } from '../../shared/errors'
import type { ImportOutcome, ImportSummary } from '../../shared/models/library'
import { inLanes } from './lanes'
import type { ParsePool } from './parse-pool'
import type { Project } from '../store/project'
import { readFileBounded } from './check-file'
import { collectFiles, notReadReports } from './collect-files'

export interface ImportCounts {
  /** Files taken in hand (read or failed to read). */
  read: number
  imported: number
  duplicates: number
  failed: number
}

export interface ImportProgress {
  total: number
  done: number
  counts: ImportCounts
  current: string | null
}

export interface ImportOptions {
  pool: ParsePool
  signal?: AbortSignal
  onProgress?: (p: ImportProgress) => void
  /** Import documents that do not look like annual reports instead of refusing them (the reviewer chose them). */
  acceptNotReport?: boolean
}

const HASH_SLICE = 4 * 1024 * 1024

/** SHA-256 in slices, yielding between them so a 60 MB file does not stall the event loop. */
export async function sha256(bytes: Uint8Array): Promise<string> {
  const h = createHash('sha256')
  for (let i = 0; i < bytes.byteLength; i += HASH_SLICE) {
    h.update(bytes.subarray(i, i + HASH_SLICE))
    if (i + HASH_SLICE < bytes.byteLength) await yieldToLoop()
  }
  return h.digest('hex')
}

/** A store error that no other file could get past (disk full, read-only, I/O): the batch stops. */
function storeFailure(e: unknown): string | null {
  const code = (e as { code?: unknown } | undefined)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_') || code.startsWith('SQLITE_CONSTRAINT')) return null
  return storageErrorInfo(e)?.message ?? null
}

/** Another import (another window, the command line) stored the same file between our check and our insert. */
const isDuplicateInsert = (e: unknown) => (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' && /reports\.sha256/.test((e as Error).message)

export async function importPaths(project: Project, paths: string[], opts: ImportOptions): Promise<ImportSummary> {
  const collected = await collectFiles(paths)
  const notRead = notReadReports(collected)
  const files = collected.files
  const total = files.length + notRead.length
  const startedAt = new Date().toISOString()
  const importId = project.imports.begin(total, startedAt)
  const counts: ImportCounts = { read: 0, imported: 0, duplicates: 0, failed: 0 }
  // Kept here too: when the project can no longer be written, the summary is told from memory.
  const outcomes: ImportOutcome[] = []
  let stopReason: string | null = null
  const stop = new AbortController()
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal
  let done = 0
  // Files in hand, oldest first: the progress line names the one that has been worked on longest,
  // not merely the last one started (which may long be finished).
  const inFlight = new Set<string>()
  const current = () => {
    const f = inFlight.values().next().value
    return f === undefined ? null : path.basename(f)
  }
  const progress = () => opts.onProgress?.({ total, done, counts: { ...counts }, current: current() })

  /** Stops the batch on a store failure: the files in hand are cancelled, none is started. */
  const halt = (reason: string) => {
    stopReason ??= reason
    stop.abort()
  }
  const record = (o: ImportOutcome & { reportId?: number | null }) => {
    outcomes.push({ file: o.file, kind: o.kind, code: o.code, message: o.message })
    if (o.kind === 'failed') counts.failed++
    else counts.duplicates++
    try {
      project.imports.recordOutcome(importId, o)
    } catch (e) {
      const why = storeFailure(e)
      if (!why) throw e
      halt(why)
    }
  }
  const fail = (file: string, error: { code: string; message: string }) => record({ kind: 'failed', file, code: error.code, message: error.message })
  for (const r of notRead) {
    if (!r.ok) fail(r.file, r.error)
    done++
  }
  progress()

  // Files with the same content in this batch: the first one is imported, the others are duplicates.
  const inBatch = new Map<string, string>()
  const duplicate = (file: string, twin: string, reportId: number | null) =>
    record({ kind: 'duplicate', file, code: 'duplicate', message: `与项目中已有的《${twin}》内容完全相同，未重复导入。`, reportId })

  const importOne = async (file: string): Promise<void> => {
    let bytes: Uint8Array
    let hash: string
    try {
      bytes = await readFileBounded(file)
      hash = await sha256(bytes)
    } catch (e) {
      counts.read++
      fail(file, toErrorInfo(e))
      return
    }
    counts.read++
    const existing = project.reports.findBySha(hash)
    const twin = existing?.fileName ?? inBatch.get(hash)
    if (twin !== undefined) return duplicate(file, twin, existing?.id ?? null)
    inBatch.set(hash, path.basename(file))
    const outcome = await opts.pool.runBytes(bytes, file, true, { acceptNotReport: opts.acceptNotReport, signal })
    if (!outcome.report.ok || !outcome.doc || !outcome.analysis) {
      inBatch.delete(hash)
      // A file stopped by cancelling is not a failed file: it is simply not imported.
      if (!outcome.report.ok && outcome.report.error.code === 'cancelled') return
      fail(file, outcome.report.ok ? { code: 'internal', message: '分析结果缺失。' } : outcome.report.error)
      return
    }
    try {
      project.addImported({ sha256: hash, fileName: path.basename(file), sourcePath: file, bytes, doc: outcome.doc, analysis: outcome.analysis, sketch: outcome.sketch, grams: outcome.grams, importId })
    } catch (e) {
      if (!isDuplicateInsert(e)) throw e
      const other = project.reports.findBySha(hash)
      return duplicate(file, other?.fileName ?? path.basename(file), other?.id ?? null)
    }
    counts.imported++
  }

  // One file per worker in flight, plus one being read and hashed.
  await inLanes(files, opts.pool.threads + 1, signal, async (file) => {
    inFlight.add(file)
    progress()
    try {
      await importOne(file)
    } catch (e) {
      // A store failure (disk full, read-only) stops the batch: no later file could be stored either.
      // Anything else fails this file only.
      const why = storeFailure(e)
      if (why) halt(why)
      fail(file, toErrorInfo(e))
    }
    inFlight.delete(file)
    done++
    progress()
  })
  const state = stopReason ? 'interrupted' : opts.signal?.aborted ? 'cancelled' : 'done'
  const finishedAt = new Date().toISOString()
  try {
    project.imports.finish(importId, state, finishedAt)
  } catch (e) {
    // Unrecorded, the batch is marked interrupted at the next opening; this summary still tells it all.
    if (!storeFailure(e)) throw e
  }
  progress()
  return { id: importId, state, startedAt, finishedAt, total, imported: counts.imported, duplicates: counts.duplicates, failed: counts.failed, outcomes, ...(stopReason ? { stopReason } : {}) }
}

// Imports files and folders into a project: read and hash in this thread, parse on the worker pool,
// store each new report in its own transaction. Shared by the app's import job and `report-audit import`.

import { createHash } from 'node:crypto'
import path from 'node:path'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { toErrorInfo } from '../../shared/errors'
import type { ImportSummary } from '../../shared/models/library'
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

export async function importPaths(project: Project, paths: string[], opts: ImportOptions): Promise<ImportSummary> {
  const collected = await collectFiles(paths)
  const notRead = notReadReports(collected)
  const files = collected.files
  const total = files.length + notRead.length
  const importId = project.imports.begin(total)
  const counts: ImportCounts = { read: 0, imported: 0, duplicates: 0, failed: 0 }
  let done = 0
  // Files in hand, oldest first: the progress line names the one that has been worked on longest,
  // not merely the last one started (which may long be finished).
  const inFlight = new Set<string>()
  const current = () => {
    const f = inFlight.values().next().value
    return f === undefined ? null : path.basename(f)
  }
  const progress = () => opts.onProgress?.({ total, done, counts: { ...counts }, current: current() })

  const fail = (file: string, error: { code: string; message: string }) => {
    project.imports.recordOutcome(importId, { kind: 'failed', file, code: error.code, message: error.message })
    counts.failed++
  }
  for (const r of notRead) {
    if (!r.ok) fail(r.file, r.error)
    done++
  }
  progress()

  // Files with the same content in this batch: the first one is imported, the others are duplicates.
  const inBatch = new Map<string, string>()

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
    if (twin !== undefined) {
      project.imports.recordOutcome(importId, {
        kind: 'duplicate',
        file,
        code: 'duplicate',
        message: `与项目中已有的《${twin}》内容完全相同，未重复导入。`,
        reportId: existing?.id ?? null
      })
      counts.duplicates++
      return
    }
    inBatch.set(hash, path.basename(file))
    const outcome = await opts.pool.runBytes(bytes, file, true, opts.signal)
    if (!outcome.report.ok || !outcome.doc || !outcome.analysis) {
      inBatch.delete(hash)
      // A file stopped by cancelling is not a failed file: it is simply not imported.
      if (!outcome.report.ok && outcome.report.error.code === 'cancelled') return
      fail(file, outcome.report.ok ? { code: 'internal', message: '分析结果缺失。' } : outcome.report.error)
      return
    }
    project.addImported({ sha256: hash, fileName: path.basename(file), sourcePath: file, bytes, doc: outcome.doc, analysis: outcome.analysis, sketch: outcome.sketch, importId })
    counts.imported++
  }

  // One file per worker in flight, plus one being read and hashed.
  await inLanes(files, opts.pool.threads + 1, opts.signal, async (file) => {
    inFlight.add(file)
    progress()
    try {
      await importOne(file)
    } catch (e) {
      // A store error on one file (disk full, …) fails that file; the batch goes on.
      fail(file, toErrorInfo(e))
    }
    inFlight.delete(file)
    done++
    progress()
  })
  project.imports.finish(importId, opts.signal?.aborted ? 'cancelled' : 'done')
  progress()
  return project.imports.summary(importId)!
}

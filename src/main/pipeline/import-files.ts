// Imports files and folders, or pages fetched from their addresses, into a project: read (or fetch) and
// hash in this thread, parse on the worker pool, store each new report in its own transaction on the
// writer thread (store-writer.ts: its own connection, so this event loop never waits for SQLite). Shared
// by the app's import job and `report-audit import`.

import { createHash } from 'node:crypto'
import path from 'node:path'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { storageErrorInfo, toErrorInfo } from '../../shared/errors'
import type { ImportOutcome, ImportSummary } from '../../shared/models/library'
import { inLanes } from './lanes'
import type { ParsePool } from './parse-pool'
import type { Project } from '../store/project'
import type { PageOrigin } from '../store/report-repository'
import { comparableText, sameText } from '../domain/sketch'
import { readFileBounded } from './check-file'
import { collectFiles, notReadReports } from './collect-files'
import { interleaveByHost, parseAddress, type PageFetcher } from './fetch-pages'
import { openProjectWriter } from './store-writer'

export interface ImportCounts {
  /** Files taken in hand (read or failed to read). */
  read: number
  imported: number
  duplicates: number
  failed: number
  /** Pages fetched from their addresses (an import from addresses only). */
  fetched?: number
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
  /** The writer thread's script (null: write on this thread; the built one by default) and its workerData (tests start it from the sources). */
  storeWorker?: { url: URL | null; workerData?: unknown }
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

/** One thing to import: a file on disk, or a page at an address. */
export interface ImportSource {
  /** What the summary names: the path, or the address. */
  label: string
  /** What the progress line names. */
  shortName: string
  /** Gets the bytes; throws an AppError with the reason in Chinese. */
  load(signal?: AbortSignal): Promise<LoadedSource>
  /** The roster unit whose address this was: the report goes to that unit when its text names none the roster knows. */
  unitId?: number
}

export interface LoadedSource {
  /** Stored and hashed as they are. */
  bytes: Uint8Array
  /** What the readers get, when it differs (a page with the charset its header declared). */
  readBytes?: Uint8Array
  fileName: string
  sourcePath: string | null
  page?: PageOrigin
}

export function fileSource(file: string): ImportSource {
  return {
    label: file,
    shortName: path.basename(file),
    async load() {
      return { bytes: await readFileBounded(file), fileName: path.basename(file), sourcePath: file }
    }
  }
}

export function pageSource(url: URL, fetcher: PageFetcher, unitId?: number): ImportSource {
  return {
    label: url.href,
    shortName: url.href,
    unitId,
    async load(signal) {
      const p = await fetcher.fetch(url, signal)
      return {
        bytes: p.bytes,
        readBytes: p.readBytes,
        fileName: p.fileName,
        sourcePath: null,
        page: { url: p.url, finalUrl: p.finalUrl, fetchedAt: p.fetchedAt, lastModified: p.lastModified }
      }
    }
  }
}

export async function importPaths(project: Project, paths: string[], opts: ImportOptions): Promise<ImportSummary> {
  const collected = await collectFiles(paths)
  const notRead = notReadReports(collected).flatMap((r) => (r.ok ? [] : [{ label: r.file, error: r.error }]))
  return importSources(project, collected.files.map(fileSource), notRead, opts.pool.threads + 1, opts)
}

export interface UrlImportOptions extends ImportOptions {
  fetcher: PageFetcher
}

/**
 * Imports the pages at these addresses (a line the reviewer pasted each, or a roster unit's address with
 * its unit). An address that is not one, or is given twice, is listed with the reason; the rest go on.
 */
export async function importUrls(project: Project, addresses: Array<string | { url: string; unitId?: number }>, opts: UrlImportOptions): Promise<ImportSummary> {
  const early: Array<{ label: string; error: { code: string; message: string }; duplicate?: boolean }> = []
  const seen = new Set<string>()
  const sources: ImportSource[] = []
  for (const a of addresses) {
    const raw = typeof a === 'string' ? a : a.url
    if (!raw.trim()) continue
    let url: URL
    try {
      url = parseAddress(raw)
    } catch (e) {
      early.push({ label: raw.trim().slice(0, 500), error: toErrorInfo(e) })
      continue
    }
    if (seen.has(url.href)) {
      early.push({ label: url.href, error: { code: 'duplicate', message: '本批中已有同一网址，只获取一次。' }, duplicate: true })
      continue
    }
    seen.add(url.href)
    sources.push(pageSource(url, opts.fetcher, typeof a === 'string' ? undefined : a.unitId))
  }
  const ordered = interleaveByHost(sources, (s) => new URL(s.label).host)
  return importSources(project, ordered, early, Math.max(opts.fetcher.policy.maxConcurrent, opts.pool.threads + 1), opts, true)
}

/** The store step every source goes through: hash, duplicates, parse on the pool, one transaction per report. */
async function importSources(
  project: Project,
  sources: ImportSource[],
  early: Array<{ label: string; error: { code: string; message: string }; duplicate?: boolean }>,
  width: number,
  opts: ImportOptions,
  fetching = false
): Promise<ImportSummary> {
  const total = sources.length + early.length
  const startedAt = new Date().toISOString()
  const importId = project.imports.begin(total, startedAt, fetching ? 'urls' : 'files')
  const writer = openProjectWriter(project, { workerUrl: opts.storeWorker?.url, workerData: opts.storeWorker?.workerData })
  // Writes asked without waiting (outcomes, addresses noted): all done before the batch is finished.
  const writes = new Set<Promise<void>>()
  const later = (w: Promise<void>) => {
    const tracked = w.catch((e: unknown) => halt(storeFailure(e) ?? toErrorInfo(e).message)).finally(() => writes.delete(tracked))
    writes.add(tracked)
  }
  const counts: ImportCounts = { read: 0, imported: 0, duplicates: 0, failed: 0, ...(fetching ? { fetched: 0 } : {}) }
  // Kept here too: when the project can no longer be written, the summary is told from memory.
  const outcomes: ImportOutcome[] = []
  let stopReason: string | null = null
  const stop = new AbortController()
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal
  let done = 0
  // Sources in hand, oldest first: the progress line names the one that has been worked on longest,
  // not merely the last one started (which may long be finished).
  const inFlight = new Set<ImportSource>()
  const current = () => inFlight.values().next().value?.shortName ?? null
  const progress = () => opts.onProgress?.({ total, done, counts: { ...counts }, current: current() })

  /** Stops the batch on a store failure: the sources in hand are cancelled, none is started. */
  const halt = (reason: string) => {
    stopReason ??= reason
    stop.abort()
  }
  const record = (o: ImportOutcome & { reportId?: number | null }) => {
    outcomes.push({ file: o.file, kind: o.kind, code: o.code, message: o.message })
    if (o.kind === 'failed') counts.failed++
    else counts.duplicates++
    later(writer.recordOutcome(importId, { file: o.file, kind: o.kind, code: o.code, message: o.message, reportId: o.reportId ?? null }))
  }
  const fail = (label: string, error: { code: string; message: string }) => record({ kind: 'failed', file: label, code: error.code, message: error.message })
  const duplicate = (label: string, message: string, reportId: number | null) => record({ kind: 'duplicate', file: label, code: 'duplicate', message, reportId })
  for (const r of early) {
    if (r.duplicate) duplicate(r.label, r.error.message, null)
    else fail(r.label, r.error)
    done++
  }
  progress()

  // Sources with the same content in this batch: the first one is imported, the others are duplicates.
  const inBatch = new Map<string, string>()

  const importOne = async (source: ImportSource): Promise<void> => {
    let loaded: LoadedSource
    let hash: string
    try {
      loaded = await source.load(signal)
      hash = await sha256(loaded.bytes)
    } catch (e) {
      // A fetch cut short by cancelling is not a failure of the page: it was simply not imported.
      if (signal.aborted && toErrorInfo(e).code === 'cancelled') return
      counts.read++
      fail(source.label, toErrorInfo(e))
      return
    }
    counts.read++
    if (loaded.page && counts.fetched !== undefined) counts.fetched++
    const existing = project.reports.findBySha(hash)
    const twin = existing?.fileName ?? inBatch.get(hash)
    if (twin !== undefined) {
      // The same bytes already here (a page saved as a file, say): the address is what this import adds.
      const noted = existing && loaded.page && !project.reports.page(existing.id)
      if (noted) later(writer.setPage(existing.id, loaded.page!))
      duplicate(source.label, `与项目中已有的《${twin}》内容完全相同，未重复导入${noted ? '；已记下这个网址和获取时间' : ''}。`, existing?.id ?? null)
      return
    }
    inBatch.set(hash, loaded.fileName)
    const outcome = await opts.pool.runBytes(loaded.readBytes ?? loaded.bytes, loaded.fileName, true, { acceptNotReport: opts.acceptNotReport, signal })
    if (!outcome.report.ok || !outcome.doc || !outcome.analysis) {
      inBatch.delete(hash)
      // A file stopped by cancelling is not a failed file: it is simply not imported.
      if (!outcome.report.ok && outcome.report.error.code === 'cancelled') return
      fail(source.label, outcome.report.ok ? { code: 'internal', message: '分析结果缺失。' } : outcome.report.error)
      return
    }
    if (loaded.page) {
      // A page fetched again whose text has not changed (only its counters and clock widgets did) is the page already here.
      const mine = { text: comparableText(outcome.doc.text, outcome.analysis.clutter), format: outcome.doc.format }
      const same = project.reports.idsByUrl(loaded.page.url).find((id) => {
        const other = project.submissions.comparable(id)
        return other && sameText(mine, other)
      })
      if (same !== undefined) {
        inBatch.delete(hash)
        duplicate(source.label, `该网页已于 ${project.reports.page(same)?.fetchedAt.slice(0, 10) ?? ''} 获取过，正文没有变化，未重复导入。`, same)
        return
      }
    }
    try {
      await writer.add({
        sha256: hash,
        fileName: loaded.fileName,
        sourcePath: loaded.sourcePath,
        bytes: loaded.bytes,
        doc: outcome.doc,
        analysis: outcome.analysis,
        sketch: outcome.sketch,
        grams: outcome.grams,
        importId,
        page: loaded.page,
        unitId: source.unitId
      })
    } catch (e) {
      if (!isDuplicateInsert(e)) throw e
      const other = project.reports.findBySha(hash)
      return duplicate(source.label, `与项目中已有的《${other?.fileName ?? loaded.fileName}》内容完全相同，未重复导入。`, other?.id ?? null)
    }
    counts.imported++
  }

  await inLanes(sources, width, signal, async (source) => {
    inFlight.add(source)
    progress()
    try {
      await importOne(source)
    } catch (e) {
      // A store failure (disk full, read-only) stops the batch: no later source could be stored either.
      // Anything else fails this source only.
      const why = storeFailure(e)
      if (why) halt(why)
      fail(source.label, toErrorInfo(e))
    }
    inFlight.delete(source)
    done++
    progress()
  })
  await Promise.all(writes)
  await writer.close()
  const state = stopReason ? 'interrupted' : opts.signal?.aborted ? 'cancelled' : 'done'
  const finishedAt = new Date().toISOString()
  try {
    project.imports.finish(importId, state, finishedAt)
  } catch (e) {
    // Unrecorded, the batch is marked interrupted at the next opening; this summary still tells it all.
    if (!storeFailure(e)) throw e
  }
  progress()
  return { id: importId, state, startedAt, finishedAt, total, imported: counts.imported, duplicates: counts.duplicates, failed: counts.failed, outcomes, source: fetching ? 'urls' : 'files', ...(stopReason ? { stopReason } : {}) }
}

// Reports in a project: the original file, its text (full-text indexed) and its analysis.

import type { Db } from './database'
import type { Statement } from 'better-sqlite3'
import type { Analysis, Block, ExtractedDoc, ReportFormat } from '../../shared/models/report'
import type { ReportRow, SearchHit } from '../../shared/models/library'
import { textSketch } from '../domain/sketch'
import { gramForm, isGramTerm, searchGrams } from '../domain/search-grams'

const sketchBytes = (s: Uint32Array) => Buffer.from(s.buffer, s.byteOffset, s.byteLength)

export interface NewReport {
  sha256: string
  fileName: string
  sourcePath: string | null
  bytes: Uint8Array
  doc: ExtractedDoc
  analysis: Analysis
  importId: number | null
  /** The text's fingerprint when already made (by the worker); made here otherwise. */
  sketch?: Uint32Array
  /** The text's characters and pairs for the short-term index (domain/search-grams), when already made. */
  grams?: string
}

/** Where a fetched page came from (「从网址导入」): stored beside the report, never derived from its text. */
export interface PageOrigin {
  /** The address asked for. */
  url: string
  /** Where redirects ended, when elsewhere. */
  finalUrl: string | null
  /** When it was fetched (ISO time). */
  fetchedAt: string
  /** The server's Last-Modified header as ISO time, when sent and valid. */
  lastModified: string | null
}

export interface StoredReport extends ReportRow {
  sha256: string
  sourcePath: string | null
  encoding: string
  analysis: Analysis
}

interface RowRecord {
  id: number
  file_name: string
  format: ReportFormat
  size_bytes: number
  imported_at: string
  title: string | null
  issuer: string | null
  level: ReportRow['level']
  year: number | null
  published: string | null
  completeness: number
  checklist_id: string
  summary_json: string
}

const ROW_COLUMNS = 'id, file_name, format, size_bytes, imported_at, title, issuer, level, year, published, completeness, checklist_id, summary_json'

/** What the library reads without parsing the analysis; `figures` feeds the graded review's proposal. */
function summaryOf(a: Analysis): Pick<ReportRow, 'items' | 'findings'> & { figures: number } {
  return {
    items: a.items.map(({ id, status, score }) => ({ id, status, score })),
    findings: a.findings.map(({ code, severity, message }) => ({ code, severity, message })),
    figures: a.figures
  }
}

function toRow(r: RowRecord): ReportRow {
  const s = JSON.parse(r.summary_json) as Pick<ReportRow, 'items' | 'findings'>
  return {
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    sizeBytes: r.size_bytes,
    importedAt: r.imported_at,
    title: r.title,
    issuer: r.issuer,
    level: r.level,
    year: r.year,
    published: r.published,
    checklistId: r.checklist_id,
    completeness: r.completeness,
    items: s.items,
    findings: s.findings
  }
}

/** Trigram FTS needs 3+ characters per term; shorter terms are matched with instr() over the text. */
export const MIN_FTS_TERM = 3

export function searchTerms(query: string): string[] {
  // Terms are matched as typed: the stored text keeps its own full- and half-width forms.
  return [...new Set(query.trim().split(/\s+/u).filter(Boolean))].slice(0, 8)
}

export class ReportRepository {
  private readonly stmts

  constructor(private readonly db: Db) {
    this.stmts = {
      bySha: db.prepare<[string], { id: number; file_name: string }>('SELECT id, file_name FROM reports WHERE sha256 = ?'),
      insert: db.prepare(
        `INSERT INTO reports (sha256, file_name, source_path, size_bytes, format, encoding, imported_at, import_id, title, issuer, level, year, published, completeness, checklist_id, summary_json, analysis_json, analyzed_at, sketch)
         VALUES (@sha256, @fileName, @sourcePath, @size, @format, @encoding, @now, @importId, @title, @issuer, @level, @year, @published, @completeness, @checklistId, @summary, @analysis, @now, @sketch)`
      ),
      insertFile: db.prepare('INSERT INTO report_files (report_id, bytes) VALUES (?, ?)'),
      sketch: db.prepare<[number], { sketch: Buffer | null }>('SELECT sketch FROM reports WHERE id = ?'),
      setSketch: db.prepare('UPDATE reports SET sketch = ? WHERE id = ?'),
      insertText: db.prepare('INSERT INTO report_texts (report_id, text, blocks_json, warnings_json, declared_title, pages) VALUES (?, ?, ?, ?, ?, ?)'),
      list: db.prepare<[], RowRecord>(`SELECT ${ROW_COLUMNS} FROM reports ORDER BY id`),
      get: db.prepare<[number], RowRecord & { sha256: string; source_path: string | null; encoding: string; analysis_json: string }>(
        `SELECT ${ROW_COLUMNS}, sha256, source_path, encoding, analysis_json FROM reports WHERE id = ?`
      ),
      text: db.prepare<[number], { text: string; blocks_json: string; warnings_json: string }>('SELECT text, blocks_json, warnings_json FROM report_texts WHERE report_id = ?'),
      file: db.prepare<[number], { bytes: Buffer }>('SELECT bytes FROM report_files WHERE report_id = ?'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports'),
      updateAnalysis: db.prepare(
        `UPDATE reports SET title = @title, issuer = @issuer, level = @level, year = @year, published = @published, completeness = @completeness,
           checklist_id = @checklistId, summary_json = @summary, analysis_json = @analysis, analyzed_at = @now WHERE id = @id`
      )
    }
  }

  private grams: Statement | null = null
  /** Prepared on first use: a file opened at a schema before the gram index (tests do) has no such table. */
  private get insertGrams(): Statement {
    return (this.grams ??= this.db.prepare('INSERT INTO report_grams (rowid, grams) VALUES (?, ?)'))
  }

  findBySha(sha256: string): { id: number; fileName: string } | null {
    const r = this.stmts.bySha.get(sha256)
    return r ? { id: r.id, fileName: r.file_name } : null
  }

  /** Stores one report with its file and text in a single transaction; returns its id. */
  insert(r: NewReport, now = new Date().toISOString()): number {
    return this.db.transaction(() => {
      const id = Number(
        this.stmts.insert.run({
          sha256: r.sha256,
          fileName: r.fileName,
          sourcePath: r.sourcePath,
          size: r.bytes.byteLength,
          format: r.doc.format,
          encoding: r.doc.encoding,
          now,
          importId: r.importId,
          // in the row as it is written: a later UPDATE would write the whole row (and its analysis) again
          sketch: sketchBytes(r.sketch ?? textSketch(r.doc.text)),
          ...this.analysisColumns(r.analysis)
        }).lastInsertRowid
      )
      this.stmts.insertFile.run(id, r.bytes)
      this.stmts.insertText.run(id, r.doc.text, JSON.stringify(r.doc.blocks), JSON.stringify(r.doc.warnings), r.doc.declaredTitle ?? null, r.doc.pages ?? null)
      this.insertGrams.run(id, r.grams ?? searchGrams(r.doc.text))
      return id
    })()
  }

  /** Replaces the analysis of a report (re-analysis); the file, text and reviewer data stay as they are. */
  updateAnalysis(id: number, a: Analysis, now = new Date().toISOString()): void {
    this.stmts.updateAnalysis.run({ id, now, ...this.analysisColumns(a) })
  }

  private analysisColumns(a: Analysis) {
    return {
      title: a.meta.title,
      issuer: a.meta.issuer,
      level: a.meta.level,
      year: a.meta.year,
      published: a.meta.published,
      completeness: a.completeness,
      checklistId: a.checklistId,
      summary: JSON.stringify(summaryOf(a)),
      analysis: JSON.stringify(a)
    }
  }

  list(): ReportRow[] {
    return this.stmts.list.all().map(toRow)
  }

  get(id: number): StoredReport | null {
    const r = this.stmts.get.get(id)
    if (!r) return null
    return { ...toRow(r), sha256: r.sha256, sourcePath: r.source_path, encoding: r.encoding, analysis: JSON.parse(r.analysis_json) as Analysis }
  }

  text(id: number): { text: string; blocks: Block[]; warnings: string[] } | null {
    const r = this.stmts.text.get(id)
    return r ? { text: r.text, blocks: JSON.parse(r.blocks_json) as Block[], warnings: JSON.parse(r.warnings_json) as string[] } : null
  }

  /** The extracted document as the reader produced it, for re-analysis. */
  doc(id: number): ExtractedDoc | null {
    const r = this.db
      .prepare<[number], { format: ReportFormat; encoding: string; text: string; blocks_json: string; warnings_json: string; declared_title: string | null; pages: number | null }>(
        'SELECT r.format, r.encoding, t.text, t.blocks_json, t.warnings_json, t.declared_title, t.pages FROM reports r JOIN report_texts t ON t.report_id = r.id WHERE r.id = ?'
      )
      .get(id)
    if (!r) return null
    return {
      format: r.format,
      encoding: r.encoding,
      text: r.text,
      blocks: JSON.parse(r.blocks_json) as Block[],
      warnings: JSON.parse(r.warnings_json) as string[],
      ...(r.declared_title !== null ? { declaredTitle: r.declared_title } : {}),
      ...(r.pages !== null ? { pages: r.pages } : {})
    }
  }

  /** The text's fingerprint; made and kept on first use for reports stored before fingerprints existed. */
  sketch(id: number): Uint32Array | null {
    const r = this.stmts.sketch.get(id)
    if (!r) return null
    if (r.sketch) return new Uint32Array(r.sketch.buffer.slice(r.sketch.byteOffset, r.sketch.byteOffset + r.sketch.byteLength))
    const text = this.stmts.text.get(id)?.text ?? ''
    const s = textSketch(text)
    this.stmts.setSketch.run(sketchBytes(s), id)
    return s
  }

  /** Records the address a report was fetched from (a page already stored keeps the first one it was seen at). */
  setPage(id: number, p: PageOrigin): void {
    this.db
      .prepare('UPDATE reports SET source_url = ?, final_url = ?, fetched_at = ?, last_modified = ? WHERE id = ? AND source_url IS NULL')
      .run(p.url, p.finalUrl, p.fetchedAt, p.lastModified, id)
  }

  page(id: number): PageOrigin | null {
    const r = this.db
      .prepare<[number], { source_url: string | null; final_url: string | null; fetched_at: string | null; last_modified: string | null }>(
        'SELECT source_url, final_url, fetched_at, last_modified FROM reports WHERE id = ?'
      )
      .get(id)
    return r?.source_url ? { url: r.source_url, finalUrl: r.final_url, fetchedAt: r.fetched_at ?? '', lastModified: r.last_modified } : null
  }

  /** Reports fetched from this address, oldest first. */
  idsByUrl(url: string): number[] {
    return this.db.prepare<[string], { id: number }>('SELECT id FROM reports WHERE source_url = ? ORDER BY id').all(url).map((r) => r.id)
  }

  fileBytes(id: number): Uint8Array | null {
    return this.stmts.file.get(id)?.bytes ?? null
  }

  count(): number {
    return this.stmts.count.get()!.n
  }

  ids(): number[] {
    return this.db.prepare<[], { id: number }>('SELECT id FROM reports ORDER BY id').all().map((r) => r.id)
  }

  /**
   * Indexes the characters and pairs of the reports stored before the gram index existed (migration 9),
   * in transactions of a hundred; returns how many it indexed.
   */
  indexMissingGrams(): number {
    const have = new Set(this.db.prepare<[], { rowid: number }>('SELECT rowid FROM report_grams').all().map((r) => r.rowid))
    const missing = this.ids().filter((id) => !have.has(id))
    for (let i = 0; i < missing.length; i += 100) {
      this.db.transaction(() => {
        for (const id of missing.slice(i, i + 100)) this.insertGrams.run(id, searchGrams(this.stmts.text.get(id)?.text ?? ''))
      })()
    }
    return missing.length
  }

  /**
   * Every report whose text holds every term of the query, in id order, counted exactly. Terms of
   * three or more characters go through the trigram index; terms of one or two word characters (常见如
   * “普法”, “县”) through the gram index; a short term with punctuation is checked with instr() on the
   * others' hits (or on every text when it stands alone).
   */
  search(query: string): { total: number; ids: number[] } {
    const terms = searchTerms(query)
    if (!terms.length) return { total: 0, ids: [] }
    const long = terms.filter((t) => [...t].length >= MIN_FTS_TERM)
    const grams = terms.filter((t) => [...t].length < MIN_FTS_TERM && isGramTerm(t))
    const other = terms.filter((t) => [...t].length < MIN_FTS_TERM && !isGramTerm(t))
    const params: Record<string, string> = {}
    const parts: string[] = []
    if (long.length) {
      params.long = long.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ')
      parts.push('SELECT rowid AS id FROM report_fts WHERE report_fts MATCH @long')
    }
    if (grams.length) {
      params.grams = grams.map((t) => `"${gramForm(t).replaceAll('"', '""')}"`).join(' AND ')
      parts.push('SELECT rowid AS id FROM report_grams WHERE report_grams MATCH @grams')
    }
    const conds = other.map((t, i) => {
      params[`s${i}`] = t
      return `instr(t.text, @s${i}) > 0`
    })
    let sql: string
    if (parts.length) {
      const hits = parts.join(' INTERSECT ')
      sql = conds.length
        ? `SELECT h.id FROM (${hits}) h JOIN report_texts t ON t.report_id = h.id WHERE ${conds.join(' AND ')} ORDER BY h.id`
        : `SELECT id FROM (${hits}) ORDER BY id`
    } else {
      sql = `SELECT t.report_id AS id FROM report_texts t WHERE ${conds.join(' AND ')} ORDER BY t.report_id`
    }
    const ids = this.db.prepare<Record<string, string>, { id: number }>(sql).all(params).map((r) => r.id)
    return { total: ids.length, ids }
  }

  /** Passages around the first matches of the query's terms, for the reports shown on screen only. */
  snippets(query: string, ids: readonly number[], opts: { perReport?: number; context?: number } = {}): SearchHit[] {
    const terms = searchTerms(query)
    return ids.map((id) => {
      const text = this.stmts.text.get(id)?.text ?? ''
      return { id, ...snippets(text, terms, opts.perReport ?? 3, opts.context ?? 24) }
    })
  }
}

/** Finds the terms in the text (case-insensitively) and cuts passages around the first matches. */
export function snippets(text: string, terms: string[], max: number, context: number): Pick<SearchHit, 'count' | 'snippets'> {
  if (!terms.length) return { count: 0, snippets: [] }
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length)
  const re = new RegExp(escaped.join('|'), 'giu')
  const matches: Array<[number, number]> = []
  // Enough matches for `max` passages is enough: a common word in a thousand long reports must not
  // make the search scan every text to its end.
  for (const m of text.matchAll(re)) {
    matches.push([m.index, m.index + m[0].length])
    if (matches.length >= max * 8) break
  }
  const out: SearchHit['snippets'] = []
  let i = 0
  while (i < matches.length && out.length < max) {
    const from = Math.max(0, matches[i]![0] - context)
    let to = Math.min(text.length, matches[i]![1] + context)
    const parts: SearchHit['snippets'][number] = []
    let pos = from
    // Matches close to each other share one passage.
    while (i < matches.length && matches[i]![0] < to) {
      const [s, e] = matches[i]!
      if (s > pos) parts.push({ text: text.slice(pos, s), hit: false })
      parts.push({ text: text.slice(Math.max(s, pos), e), hit: true })
      pos = e
      to = Math.min(text.length, Math.max(to, e + context))
      i++
    }
    if (to > pos) parts.push({ text: text.slice(pos, to), hit: false })
    if (from > 0) parts[0] = { ...parts[0]!, text: `…${parts[0]!.text}` }
    if (to < text.length) parts[parts.length - 1] = { ...parts[parts.length - 1]!, text: `${parts[parts.length - 1]!.text}…` }
    out.push(parts.map((p) => ({ ...p, text: p.text.replace(/\s*\n\s*/g, ' ') })))
  }
  return { count: matches.length, snippets: out }
}

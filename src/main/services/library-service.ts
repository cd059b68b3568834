// LibraryApi: the reports of the open project for the library table (with the findings of comparing
// them with the batch), and full-text search.

import type { LibraryApi } from '../../shared/ipc/contract'
import type { LibraryHits, ReportRow, SearchHit } from '../../shared/models/library'
import { LibraryEncoder, type EncodedRow, type LibraryList } from '../../shared/library-list'
import type { Workspace } from './workspace'
import type { Project } from '../store/project'
import { batchFindings } from './similarity-service'

export class LibraryService implements LibraryApi {
  constructor(private readonly ws: Workspace) {}

  async list(): Promise<ReportRow[]> {
    const project = this.ws.project
    // The findings of comparing each report with the batch (copied or shared text) beside its own.
    const batch = batchFindings(project, this.ws.activeChecklist().findings)
    return project.reports.list().map((r) => {
      const more = batch.get(r.id)
      return more ? { ...r, findings: [...r.findings, ...more.map(({ code, severity, message }) => ({ code, severity, message }))] } : r
    })
  }

  /** The last list made: its rows by submission as encoded, the encoder, the project's state and the revision of its changes it was made at. */
  private cached: { project: Project; state: string; rev: number; encoder: LibraryEncoder; rows: Map<number, EncodedRow>; list: LibraryList } | null = null

  /**
   * The library's rows, encoded compactly for the window (shared/library-list.ts decodes them). Kept
   * while the project is unchanged; after a change only the rows of the submissions it touched are made
   * and encoded again (migration 13 stamps them), all of them when it touched every row (units, the
   * comparison, the checklist, rubric or deadline) or on the first look.
   */
  async submissions(): Promise<LibraryList> {
    const project = this.ws.project
    // the state first: a commit after it is seen by the next call
    const state = project.changeState()
    const c = this.cached?.project === project ? this.cached : null
    if (c && c.state === state) return c.list
    const make = (submissions?: number[]) =>
      project.submissions.rows({ publishBy: project.publishBy() }, { similarity: project.similarity, findings: this.ws.activeChecklist().findings }, project.scoring(), submissions)
    const changes = project.libraryChanges(c?.rev ?? null)
    let encoder: LibraryEncoder
    let rows: Map<number, EncodedRow>
    if (c && changes.submissions && !changes.submissions.includes(0)) {
      encoder = c.encoder
      rows = c.rows
      if (changes.submissions.length) {
        const fresh = make(changes.submissions).map((r): [number, EncodedRow] => [r.submissionId, encoder.row(r)])
        const changed = new Set(changes.submissions)
        const kept = [...c.rows].filter(([id]) => !changed.has(id))
        // kept and fresh are each in submission order: merged, not sorted
        rows = new Map(mergeBy(kept, fresh))
      }
    } else {
      encoder = new LibraryEncoder()
      rows = new Map(make().map((r) => [r.submissionId, encoder.row(r)]))
    }
    const list = c && rows === c.rows ? c.list : encoder.list([...rows.values()])
    this.cached = { project, state, rev: changes.rev, encoder, rows, list }
    return list
  }

  async search(query: string): Promise<LibraryHits> {
    const found = this.ws.project.reports.search(query)
    const bySubmission = this.ws.project.submissions.submissionsOf(found.ids)
    return { total: bySubmission.length, ids: found.ids, submissions: bySubmission }
  }

  async snippets(query: string, ids: number[]): Promise<SearchHit[]> {
    return this.ws.project.reports.snippets(query, ids)
  }
}

/** Two lists of [key, value] in ascending key order, merged in that order. */
function mergeBy<T>(a: Array<[number, T]>, b: Array<[number, T]>): Array<[number, T]> {
  const out: Array<[number, T]> = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]![0] < b[j]![0]) ? a[i++]! : b[j++]!)
  return out
}

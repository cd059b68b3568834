// LibraryApi: the reports of the open project for the library table (with the findings of comparing
// them with the batch), and full-text search.

import type { LibraryApi } from '../../shared/ipc/contract'
import type { LibraryHits, ReportRow, SearchHit } from '../../shared/models/library'
import { encodeLibraryList, type LibraryList } from '../../shared/library-list'
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

  /** The last list made, and the state of the project it was made from. */
  private cached: { project: Project; state: string; list: LibraryList } | null = null

  /**
   * The library's rows, encoded compactly for the window (shared/library-list.ts decodes them). Made
   * again only when the project changed since the last one: every input (reports, reviews, the
   * comparison, the checklist, rubric and deadlines) is in the project file.
   */
  async submissions(): Promise<LibraryList> {
    const project = this.ws.project
    const state = project.changeState()
    if (this.cached?.project === project && this.cached.state === state) return this.cached.list
    const list = encodeLibraryList(project.submissions.rows(project.rosterSettings(), { similarity: project.similarity, findings: this.ws.activeChecklist().findings }, project.scoring()))
    this.cached = { project, state, list }
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

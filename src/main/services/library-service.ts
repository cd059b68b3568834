// LibraryApi: the reports of the open project for the library table, and full-text search.

import type { LibraryApi } from '../../shared/ipc/contract'
import type { ReportRow, SearchHit } from '../../shared/models/library'
import type { SubmissionRow } from '../../shared/models/roster'
import type { Workspace } from './workspace'

export class LibraryService implements LibraryApi {
  constructor(private readonly ws: Workspace) {}

  async list(): Promise<ReportRow[]> {
    return this.ws.project.reports.list()
  }

  async submissions(): Promise<SubmissionRow[]> {
    return this.ws.project.submissions.rows(this.ws.project.rosterSettings(), this.ws.project.scoring())
  }

  async search(query: string): Promise<SearchHit[]> {
    return this.ws.project.reports.searchWithSnippets(query)
  }
}

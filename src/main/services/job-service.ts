// JobsApi: the jobs the window can see and cancel (imports, re-analysis, exports), from the one JobManager.

import type { JobsApi } from '../../shared/ipc/contract'
import type { JobSnapshot } from '../../shared/models/job'
import type { JobManager } from '../jobs/job-manager'

export class JobService implements JobsApi {
  constructor(private readonly jobs: JobManager) {}

  async list(): Promise<JobSnapshot[]> {
    return this.jobs.list()
  }

  async cancel(jobId: string): Promise<boolean> {
    return this.jobs.cancel(jobId)
  }
}

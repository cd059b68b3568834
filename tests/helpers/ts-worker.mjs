// Starts a worker thread's TypeScript script from the sources (tests): tsx registered in the thread, then the script.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.tsWorker)

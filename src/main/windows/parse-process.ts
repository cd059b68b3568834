// The parse processes of the app: Electron's utilityProcess (a packaged app with the RunAsNode fuse
// off cannot fork itself as Node). The pool's budgets, kill and replacement work the same as with fork.

import { utilityProcess } from 'electron'
import { setTimeout as delay } from 'node:timers/promises'
import type { FromChild } from '../pipeline/parse-child'
import { stderrTail, type SpawnParseProcess } from '../pipeline/parse-process'

export const utilityParseProcess: SpawnParseProcess = ({ script, execArgv }) => {
  const child = utilityProcess.fork(script, [], { execArgv, serviceName: 'report-audit-parser', stdio: ['ignore', 'ignore', 'pipe'] })
  const err = stderrTail(child.stderr)
  let exited = false
  return {
    get pid() {
      return child.pid
    },
    send: (msg) => {
      if (!exited) child.postMessage(msg)
    },
    onMessage: (l) => child.on('message', (m) => l(m as FromChild)),
    onExit: (l) =>
      child.once('exit', (code) => {
        exited = true
        void Promise.race([err.ended, delay(500)]).then(() => l({ code, signal: null, stderr: err.text() }))
      }),
    kill: () => {
      if (!exited) child.kill()
    }
  }
}

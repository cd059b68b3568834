// Starting a parse process, behind an interface the host provides: Node's child_process.fork for the
// command line, the tests and the e2e harness; Electron's utilityProcess in the app (src/main/windows),
// since a packaged app with the RunAsNode fuse off cannot fork itself as Node.

import { fork } from 'node:child_process'
import { setTimeout as delay } from 'node:timers/promises'
import type { FromChild, ToChild } from './parse-child'

export interface ExitInfo {
  code: number | null
  signal: string | null
  /** The last few kilobytes the process wrote to stderr (why it died, when it says). */
  stderr: string
}

export interface ParseProcess {
  readonly pid: number | undefined
  send(msg: ToChild): void
  onMessage(listener: (msg: FromChild) => void): void
  /** Called once, when the process has ended and its stderr has been read. */
  onExit(listener: (info: ExitInfo) => void): void
  /** Ends the process at once (SIGKILL; TerminateProcess on Windows). */
  kill(): void
}

export interface SpawnOptions {
  /** The parse process's entry script (a file path). */
  script: string
  /** Node options for it: the heap limit, and a loader in tests run from sources. */
  execArgv: string[]
}

export type SpawnParseProcess = (opts: SpawnOptions) => ParseProcess

const STDERR_TAIL = 8192

/** Keeps the last `STDERR_TAIL` characters written to a stream. */
export function stderrTail(stream: NodeJS.ReadableStream | null | undefined): { text: () => string; ended: Promise<void> } {
  let tail = ''
  const ended = new Promise<void>((resolve) => {
    if (!stream) return resolve()
    stream.on('data', (chunk: Buffer | string) => {
      tail = (tail + chunk.toString()).slice(-STDERR_TAIL)
    })
    stream.on('end', resolve)
    stream.on('error', () => resolve())
    stream.on('close', resolve)
  })
  return { text: () => tail, ended }
}

/** Node's child_process.fork, with structured-clone messages (typed arrays cross as they are). */
export const forkParseProcess: SpawnParseProcess = ({ script, execArgv }) => {
  const child = fork(script, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
  const err = stderrTail(child.stderr)
  // A send racing the process's death must not throw in the caller: the exit handler accounts for it.
  child.on('error', () => {})
  return {
    pid: child.pid,
    send: (msg) => {
      if (child.connected) child.send(msg, (e) => void e)
    },
    onMessage: (l) => child.on('message', (m) => l(m as FromChild)),
    // stderr is read to its end (the watchdog's last words), but not waited on for long.
    onExit: (l) => child.once('exit', (code, signal) => void Promise.race([err.ended, delay(500)]).then(() => l({ code, signal, stderr: err.text() }))),
    kill: () => {
      child.kill('SIGKILL')
    }
  }
}

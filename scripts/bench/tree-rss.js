// Peak resident memory of a process and everything it started (parse processes), polled from /proc
// every 50 ms; Linux only (elsewhere null, and the benchmarks print the process's own peak).
import { spawn } from 'node:child_process'
import fs from 'node:fs'

function treeRss(pid) {
  const children = new Map()
  for (const p of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(p))
    } catch {
      /* gone */
    }
  }
  let total = 0
  const stack = [pid]
  while (stack.length) {
    const p = stack.pop()
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024
    } catch {
      /* gone */
    }
    stack.push(...(children.get(p) ?? []))
  }
  return total
}

/** Runs a command to its end; returns its output and the peak memory of its process tree in MB (null off Linux). */
export async function runMeasured(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d))
  let peak = 0
  const linux = process.platform === 'linux'
  const timer = linux ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 50) : null
  const code = await new Promise((r) => child.once('exit', (c) => r(c)))
  if (timer) clearInterval(timer)
  return { code, stdout, stderr, treePeakMb: linux ? peak / 1048576 : null }
}

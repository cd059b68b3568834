#!/usr/bin/env node
// The README's test command: builds, runs vitest and Playwright, prints one closing line
// "N passed, N failed, N skipped" and exits non-zero on any failure.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-tests-'))
const vitestJson = path.join(tmp, 'vitest.json')
const pwJson = path.join(tmp, 'playwright.json')
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1

let buildFailed = run('npm', ['run', 'build', '--silent']) !== 0
const vitestCode = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
const pwCode = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson })

let passed = 0
let failed = 0
let skipped = 0
try {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'))
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + (v.numTodoTests ?? 0)
  if (v.numFailedTestSuites > 0 && v.numFailedTests === 0) failed += v.numFailedTestSuites
} catch {
  failed++ // vitest did not report: count it as a failure
}
try {
  const p = JSON.parse(fs.readFileSync(pwJson, 'utf8'))
  passed += p.stats.expected + (p.stats.flaky ?? 0)
  failed += p.stats.unexpected
  skipped += p.stats.skipped
} catch {
  failed++
}
if (buildFailed) failed++
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed || vitestCode || pwCode || buildFailed ? 1 : 0)

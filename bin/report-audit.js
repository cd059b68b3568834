#!/usr/bin/env node
// Entry point installed as the `report-audit` command; runs the CLI built by `npm ci` (prepare) or `npm run build:cli`.
import { existsSync } from 'node:fs'

const cli = new URL('../out/cli/cli.js', import.meta.url)
if (!existsSync(cli)) {
  process.stderr.write('report-audit: 命令行工具尚未构建，请先运行 npm run build:cli\n')
  process.exit(70)
}
await import(cli.href)

// Benchmarks that need the renderer in Chromium (npm run bench); not part of the test suite.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'e2e/bench',
  testMatch: '*.bench.ts',
  timeout: 180_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results/bench',
  use: { locale: 'zh-CN' }
})

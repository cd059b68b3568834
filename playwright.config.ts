import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'e2e/specs',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { screenshot: 'only-on-failure', locale: 'zh-CN' }
})

// Builds the command-line tool and its workers (parsing, comparing) for Node (out/cli), run by `npm ci` via prepare.
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'
import pkg from './package.json' with { type: 'json' }

const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)]

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { cli: 'src/main/cli.ts', 'parse-worker': 'src/main/pipeline/parse-worker.ts', 'compare-worker': 'src/main/pipeline/compare-worker.ts', 'store-worker': 'src/main/pipeline/store-worker.ts' },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' }
    }
  },
  ssr: { noExternal: [] }
})

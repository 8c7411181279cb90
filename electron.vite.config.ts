import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from './src/shared/csp'

/**
 * The built page carries its Content-Security-Policy itself: a file:// page in Electron gets
 * no response headers to carry one. (Not in dev, where Vite's hot reload needs inline script.)
 */
const cspMeta = (): Plugin => ({
  name: 'clipfile-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ meta: true })}" />`)
})

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 is native and stays in node_modules; the rest may be bundled.
      externalizeDeps: { include: ['better-sqlite3'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Found by src/main/import/pool.ts beside the built main.
          'prepare-worker': resolve(__dirname, 'src/main/import/prepare-worker.ts'),
          // Found by src/main/search/offload.ts beside the built main.
          'search-worker': resolve(__dirname, 'src/main/search/worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), cspMeta()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})

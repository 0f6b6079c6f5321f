// The renderer, built once for Electron (through Forge) and once as the web app (`npm run web`,
// `npm run build:web`). The same code runs in both; only src/renderer/platform differs at run time.
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { contentSecurityPolicy, SYNC_CONNECT_SRC } from './src/shared/csp.ts'
import pkg from './package.json' with { type: 'json' }

// Vite's dev server injects inline scripts (React refresh), so the strict CSP goes into the
// built HTML only; Electron also sends it as a header from its app:// protocol.
function cspInBuild(): Plugin {
  return {
    name: 'yishi-csp',
    apply: 'build',
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ connectSrc: SYNC_CONNECT_SRC })}">`
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${meta}`)
    },
  }
}

// Under Forge the renderer must land in .vite/renderer/<name> (packaged, served by app://);
// on its own it is the web app in dist-web. Absolute paths, because the root is src/renderer.
export default defineConfig((env) => {
  const forgeName = (env as { forgeConfigSelf?: { name?: string } }).forgeConfigSelf?.name
  return {
    root: 'src/renderer',
    base: './',
    plugins: [react(), cspInBuild()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    // The register reader's worker (features/import/tableWorker.ts) loads exceljs on demand, a
    // code-split import that only ES module workers can do.
    worker: { format: 'es' },
    build: {
      outDir: forgeName ? resolve('.vite/renderer', forgeName) : resolve('dist-web'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      sourcemap: false,
    },
    server: { port: 5173, strictPort: false },
    preview: { port: 4173, strictPort: true },
  }
})

// The renderer, built once for Electron (through Forge) and once as the web app (`npm run web`,
// `npm run build:web`). The same code runs in both; only src/renderer/platform differs at run time.
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { contentSecurityPolicy, SYNC_CONNECT_SRC } from './src/shared/csp.ts'
import { DEFAULT_LANGUAGE } from './src/shared/i18n/languages.ts'
import pkg from './package.json' with { type: 'json' }
import { vendorScript } from './vite.vendor.ts'

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

/** 'strings-<language>' for a locale file: one chunk per language, not one per namespace. */
function localeOf(id: string): string | null {
  const m = /[\\/]locales[\\/]([A-Za-z-]+)[\\/][^\\/]+\.json$/.exec(id)
  return m ? `strings-${m[1]}` : null
}

// zh-CN's strings are always loaded (the fallback for every language): fetched beside the entry,
// not after it has run (issue 20, cold open).
function preloadDefaultStrings(): Plugin {
  return {
    name: 'yishi-preload-strings',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === `strings-${DEFAULT_LANGUAGE}`)
        if (!chunk || chunk.type !== 'chunk') throw new Error(`no strings-${DEFAULT_LANGUAGE} chunk to preload`)
        // With the chunks it imports (the bundler's runtime): Chromium preloads a module alone, and
        // the strings would otherwise wait for their import to be fetched once they are asked for.
        const links = [chunk.fileName, ...chunk.imports].filter((f) => !html.includes(`"./${f}"`)).map((f) => `  <link rel="modulepreload" crossorigin href="./${f}">\n`)
        return html.replace('</head>', `${links.join('')}  </head>`)
      },
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
    plugins: [react(), cspInBuild(), preloadDefaultStrings(), vendorScript(resolve('.'))],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    // The register reader's worker (features/import/tableWorker.ts) loads exceljs on demand, a
    // code-split import that only ES module workers can do.
    worker: { format: 'es' },
    build: {
      outDir: forgeName ? resolve('.vite/renderer', forgeName) : resolve('dist-web'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      sourcemap: false,
      rolldownOptions: {
        output: {
          // Issue 20, cold open: what the first screen needs comes as one file, and each language's
          // strings as one file, instead of some fifty small ones fetched in waves.
          codeSplitting: {
            groups: [
              { name: 'start', tags: ['$initial'], priority: 2 },
              { name: (id: string) => localeOf(id), priority: 1 },
            ],
          },
        },
      },
    },
    server: { port: 5173, strictPort: false },
    preview: { port: 4173, strictPort: true },
  }
})

// The phone ballot page (issue 9): a separate, small entry served by the sync host at /ballot/.
// Plain TypeScript and DOM (no React) for old phone browsers; built after the renderer, which
// empties dist-web. Under Forge it lands in .vite/renderer/ballot, next to the app.
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import { BALLOT_PAGE_META_CSP } from './src/shared/csp.ts'


// The page's CSP (src/shared/csp.ts), in the built HTML only: Vite's dev server injects inline scripts.
function cspInBuild(): Plugin {
  return {
    name: 'yishi-ballot-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${BALLOT_PAGE_META_CSP}">`)
    },
  }
}

export default defineConfig((env) => {
  const forgeName = (env as { forgeConfigSelf?: { name?: string } }).forgeConfigSelf?.name
  return {
    root: 'src/renderer/ballot',
    base: './',
    plugins: [cspInBuild()],
    build: {
      outDir: forgeName ? resolve('.vite/renderer', forgeName) : resolve('dist-web/ballot'),
      emptyOutDir: true,
      // ES modules from Chrome 61 and Safari 11 (iOS 11): older syntax is lowered for them.
      target: ['es2015', 'chrome61', 'safari11'],
      cssTarget: ['chrome61', 'safari11'],
      // One chunk: nothing to preload, so no polyfill for it either.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      sourcemap: false,
    },
    server: { port: 5174, strictPort: false },
  }
})

// The libraries the first screen runs (React, Dexie, Yjs, i18next and the small ones built on
// them) as one classic script, loaded before the app's modules and read by them through a global
// (issue 20, cold open). The app imports them as before: each import resolves to a shim module
// that hands out the global's exports (taken once, when the shim runs).
// Why: Chromium keeps V8's compiled code between starts for classic scripts and, as of Chromium
// 156, not for module scripts; every start compiled these libraries' functions again on the main
// thread as they were first called. The app's own code stays in modules and chunks loaded on first
// use. Build only: the dev server imports the packages as usual.
import { createHash } from 'node:crypto'
import { runInNewContext } from 'node:vm'
import { rolldown } from 'rolldown'
import type { Plugin } from 'vite'

/** The packages served from the classic script: each import of one resolves to the shared copy. */
export const VENDORED = [
  'react',
  'react/jsx-runtime',
  'react-dom',
  'react-dom/client',
  'react-i18next',
  'i18next',
  'dexie',
  'dexie-react-hooks',
  'yjs',
  '@hocuspocus/provider',
  'fflate',
] as const
const GLOBAL = '__yishiVendor'
const ENTRY = '\0yishi-vendor-entry'
const SHIM = '\0yishi-vendor:'

const isIdentifier = (k: string) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default'

/**
 * The names each package exports, read from the built script itself: run in an empty context, it
 * leaves the namespaces it hands the app, whose keys are exactly what the app can import.
 */
function exportNames(code: string): Record<string, string[]> {
  const context: Record<string, unknown> = { console, setTimeout, clearTimeout, queueMicrotask, crypto, performance, TextEncoder, TextDecoder, URL }
  runInNewContext(code, context)
  const namespaces = context[GLOBAL] as Record<string, object> | undefined
  if (!namespaces) throw new Error('the library script did not define its global')
  return Object.fromEntries(VENDORED.map((spec) => [spec, Object.keys(namespaces[spec] ?? {}).filter(isIdentifier)]))
}

async function bundleVendor(root: string): Promise<string> {
  const bundle = await rolldown({
    input: ENTRY,
    cwd: root,
    platform: 'browser',
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    plugins: [
      {
        name: 'yishi-vendor-entry',
        resolveId: (id) => (id === ENTRY ? id : null),
        load: (id) =>
          id === ENTRY
            ? `${VENDORED.map((s, i) => `import * as m${i} from '${s}'`).join('\n')}\nglobalThis.${GLOBAL} = { ${VENDORED.map((s, i) => `'${s}': m${i}`).join(', ')} }\n`
            : null,
      },
    ],
  })
  try {
    const { output } = await bundle.generate({ format: 'iife', minify: true })
    return output[0].code
  } finally {
    await bundle.close()
  }
}

export function vendorScript(root: string): Plugin {
  let code = ''
  let fileName = ''
  let names: Record<string, string[]> = {}
  return {
    name: 'yishi-vendor-script',
    apply: 'build',
    // Before Vite's own resolver, which would otherwise bundle the packages from node_modules.
    enforce: 'pre',
    async buildStart() {
      code = await bundleVendor(root)
      names = exportNames(code)
      fileName = `assets/vendor-${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`
    },
    resolveId(id) {
      return (VENDORED as readonly string[]).includes(id) ? SHIM + id : null
    },
    load(id) {
      if (!id.startsWith(SHIM)) return null
      const spec = id.slice(SHIM.length)
      const list = names[spec] ?? []
      return `const m = globalThis.${GLOBAL}[${JSON.stringify(spec)}]\nexport default m.default\nexport const { ${list.join(', ')} } = m\n`
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: code })
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tag = `<script defer src="./${fileName}"></script>`
        if (!/<script type="module"/.test(html)) throw new Error('no module script to load the libraries before')
        return html.replace(/<script type="module"/, `${tag}\n    <script type="module"`)
      },
    },
  }
}

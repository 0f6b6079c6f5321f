// Vite config of the Electron main process, merged by Forge's VitePlugin over its defaults.
// Output is ESM: package.json has "type": "module", so Electron loads .vite/build/main.js as
// an ES module and Forge's default CommonJS output would fail with "require is not defined".
import { defineConfig } from 'vite'

/** The fields Forge adds to Vite's ConfigEnv (its own d.ts would augment `vite` globally). */
interface ForgeConfigEnv {
  forgeConfigSelf?: { entry?: string }
}

export default defineConfig((env) => ({
  build: {
    lib: {
      // forge.config.ts names the entry; the fallback lets `vite build -c` work on its own.
      entry: (env as ForgeConfigEnv).forgeConfigSelf?.entry ?? 'src/main/main.ts',
      formats: ['es'],
      fileName: () => '[name].js',
    },
    sourcemap: false,
    // Native modules a bundler cannot inline (a .node file): ws's optional natives, and
    // better-sqlite3, which only the sync server's SQLite backend loads (a dynamic import). The
    // embedded host uses the file backend (src/main/syncHost.ts), so the app never loads it.
    rollupOptions: { external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'] },
  },
}))

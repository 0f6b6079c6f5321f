// Vite config of the preload script, merged by Forge's VitePlugin over its defaults (one
// CommonJS file, electron external). CommonJS is required: a sandboxed preload cannot be an ES
// module, whatever package.json's "type" says, because Electron evaluates it itself.
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    sourcemap: false,
  },
})

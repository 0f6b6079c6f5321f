// Build-time constants defined in vite.renderer.config.ts.
declare const __APP_VERSION__: string

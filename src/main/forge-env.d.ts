// Constants Electron Forge's Vite plugin defines at build time for the renderer named
// "main_window" (forge.config.ts). Declared here rather than through the plugin's own d.ts so
// that its `vite` ConfigEnv augmentation does not leak into every other config.

/** The dev server's URL under `electron-forge start`; undefined in a packaged build. */
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined
/** "main_window": the renderer's folder under .vite/renderer/ in a packaged build. */
declare const MAIN_WINDOW_VITE_NAME: string

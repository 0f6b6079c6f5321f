// THE contract between renderer and main, as one import: the map of channels (contract.ts), the
// requests and answers (types.ts) and the validators main runs on every payload (validators.ts).
// Renderer, preload and main all import this folder.
export * from './types'
export * from './validators'
export * from './contract'

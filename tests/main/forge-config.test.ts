// forge.config.ts: the fuses flipped at package time, asar, the Vite entries and the makers,
// read from the real config object (the Forge plugins are plain JS; no Electron needed).
import { describe, expect, it } from 'vitest'
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { FusesPlugin } from '@electron-forge/plugin-fuses'
import { VitePlugin } from '@electron-forge/plugin-vite'
import config from '../../forge.config'

function plugin<T>(type: abstract new (...args: never[]) => T): T {
  const found: T[] = []
  for (const p of config.plugins ?? []) if (p instanceof type) found.push(p)
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('forge.config.ts', () => {
  const fuses = plugin(FusesPlugin).fusesConfig as Record<number, boolean> & { version: string; strictlyRequireAllFuses?: boolean }

  it('flips the fuses that close Node-level back doors', () => {
    expect(fuses.version).toBe(FuseVersion.V1)
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false)
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })

  it('turns on cookie encryption, asar integrity and asar-only loading', () => {
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
  })

  it('decides every fuse the installed @electron/fuses knows, and fails packaging on a new one', () => {
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number')
    for (const fuse of known) expect(typeof fuses[fuse]).toBe('boolean')
    expect(fuses.strictlyRequireAllFuses).toBe(true)
  })

  it('packages into an asar archive', () => {
    expect(config.packagerConfig?.asar).toBe(true)
  })

  it('builds main and preload from src/main, the renderer named main_window and the phone ballot page', () => {
    const vite = (plugin(VitePlugin) as unknown as { config: { build: unknown[]; renderer: unknown[] } }).config
    expect(vite.build).toEqual([
      { entry: 'src/main/main.ts', config: 'vite.main.config.ts', target: 'main' },
      { entry: 'src/main/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
    ])
    expect(vite.renderer).toEqual([
      { name: 'main_window', config: 'vite.renderer.config.ts' },
      { name: 'ballot', config: 'vite.ballot.config.ts' },
    ])
  })

  it('makes zip, deb and squirrel packages', () => {
    const names = (config.makers ?? []).map((m) => (m as { name: string }).name).sort()
    expect(names).toEqual(['deb', 'squirrel', 'zip'])
  })
})

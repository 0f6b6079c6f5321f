// The renderer stays a one-way house: a new import cycle, or an import that runs back up the
// layers (a feature importing app/, kit/ importing a feature, data/ importing sync/…), fails here.
import path from 'node:path'
import fs from 'node:fs'
import os from 'node:os'
import { afterAll, describe, expect, it } from 'vitest'
import { FEATURE_DEPS, cycles, layerViolations, readGraph } from './renderer-imports'

const ROOT = path.normalize('src/renderer')

describe('src/renderer imports', () => {
  const graph = readGraph(ROOT)

  it('reads the app, with the imports of its entry', () => {
    expect(graph.size).toBeGreaterThan(150)
    expect(graph.get(path.join(ROOT, 'app', 'main.tsx'))).toContain(path.join(ROOT, 'app', 'App.tsx'))
  })

  it('runs one way: no import against the layers of src/renderer/README.md', () => {
    expect(layerViolations(ROOT, graph)).toEqual([])
  })

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([])
  })

  it('lists one-way feature dependencies only (the features graph has no circle)', () => {
    const deps = new Map(Object.entries(FEATURE_DEPS).map(([f, ds]) => [f, ds.map((d) => d)]))
    expect(cycles(deps)).toEqual([])
  })
})

describe('the check itself', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }
  write('kit/env.ts', "import { x } from '../features/a/x'\nexport const env = x\n")
  write('features/a/x.ts', "import type { env } from '../../kit/env'\nexport const x = 1 as unknown as typeof env\n")
  write('features/b/y.ts', "// import { z } from '../a/x' (a comment, not an import)\nexport { x } from '../a/x'\n")
  write('data/db.ts', "export const db = await import('../sync/docs')\n")
  write('sync/docs.ts', "import '../data/db'\n")
  const g = readGraph(dir)

  it('reports a kit file importing a feature, a sideways feature import, and data importing sync', () => {
    expect(layerViolations(dir, g).sort()).toEqual(
      [`data${path.sep}db.ts -> sync${path.sep}docs.ts`, `features${path.sep}b${path.sep}y.ts -> features${path.sep}a${path.sep}x.ts`, `kit${path.sep}env.ts -> features${path.sep}a${path.sep}x.ts`].sort(),
    )
  })

  it('finds both cycles, type-only and dynamic imports included', () => {
    const found = cycles(g).map((c) => c.map((f) => path.relative(dir, f)))
    expect(found).toHaveLength(2)
    expect(found).toContainEqual([path.join('features', 'a', 'x.ts'), path.join('kit', 'env.ts')])
    expect(found).toContainEqual([path.join('data', 'db.ts'), path.join('sync', 'docs.ts')])
  })
})

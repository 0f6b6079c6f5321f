// Reads the import graph of src/renderer and checks it against the renderer's layers
// (src/renderer/README.md): imports run one way, app → features → kit → ui/sync → data → platform,
// features import each other only along the one-way dependencies listed here, and no file
// reaches itself again through its imports (no cycle). Used by renderer-layers.test.ts.
import fs from 'node:fs'
import path from 'node:path'

export type Graph = Map<string, string[]>

/** What each layer may import besides itself. `features/*` is any feature's own folder. */
export const LAYERS: Record<string, readonly string[]> = {
  app: ['features', 'kit', 'ui', 'sync', 'data', 'platform'],
  features: ['kit', 'ui', 'sync', 'data', 'platform'],
  kit: ['ui', 'sync', 'data', 'platform'],
  ui: ['platform'],
  sync: ['data', 'platform'],
  data: ['platform'],
  platform: [],
  // The residents' phone ballot page: a separate entry that imports only src/shared and itself.
  ballot: [],
}

/**
 * The documented one-way dependencies between features (each feature's README says why). Any
 * other import from one feature into another is a back-up or sideways arrow and fails.
 */
export const FEATURE_DEPS: Record<string, readonly string[]> = {
  councils: ['settings'], // the home screen shows where data is stored
  households: ['import'], // the shared table-file field and merge preview
  members: ['import'],
  meetings: ['sync'], // the meeting list waits for the council's sync state
  minutes: ['review'], // the submit panel shows the street office's checklist
  session: ['backup'], // closing a meeting triggers the automatic backup
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s+['"]([^'"]+)['"]/g

function resolve(from: string, spec: string): string | null {
  const base = path.normalize(path.join(path.dirname(from), spec))
  for (const c of [base, `${base}.ts`, `${base}.tsx`, base.replace(/\.js$/, '.ts'), path.join(base, 'index.ts')]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c
  }
  return null
}

/** Every .ts/.tsx file under `root` with the files of `root` it imports (relative imports only). */
export function readGraph(root: string): Graph {
  const graph: Graph = new Map()
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) graph.set(p, [])
    }
  }
  walk(root)
  for (const [file, targets] of graph) {
    const src = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
    for (const m of src.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]
      if (!spec?.startsWith('.')) continue
      const target = resolve(file, spec)
      if (target && target.startsWith(root + path.sep) && graph.has(target)) targets.push(target)
    }
  }
  return graph
}

/** 'features/<name>' for a feature's file, else the layer folder ('kit', 'sync'…); null for files at the root. */
export function unitOf(root: string, file: string): string | null {
  const parts = path.relative(root, file).split(path.sep)
  if (parts.length < 2) return null
  return parts[0] === 'features' ? `features/${parts[1]}` : parts[0]!
}

/** Every import that runs against the layers, as 'from -> to' lines. */
export function layerViolations(root: string, graph: Graph): string[] {
  const bad: string[] = []
  for (const [file, targets] of graph) {
    const from = unitOf(root, file)
    if (!from) continue
    for (const target of targets) {
      const to = unitOf(root, target)
      if (!to || to === from) continue
      const [fromLayer, fromFeature] = from.split('/')
      const [toLayer, toFeature] = to.split('/')
      const allowed =
        fromLayer === 'features' && toLayer === 'features'
          ? (FEATURE_DEPS[fromFeature!] ?? []).includes(toFeature!)
          : (LAYERS[fromLayer!] ?? []).includes(toLayer!)
      if (!allowed) bad.push(`${path.relative(root, file)} -> ${path.relative(root, target)}`)
    }
  }
  return bad
}

/** The import cycles (strongly connected components of more than one file, or a file importing itself). */
export function cycles(graph: Graph): string[][] {
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  for (const start of graph.keys()) {
    if (index.has(start)) continue
    const work: [string, number][] = [[start, 0]]
    index.set(start, next)
    low.set(start, next++)
    stack.push(start)
    onStack.add(start)
    while (work.length) {
      const top = work[work.length - 1]!
      const [v, i] = top
      const edges = graph.get(v) ?? []
      if (i < edges.length) {
        top[1]++
        const w = edges[i]!
        if (!index.has(w)) {
          index.set(w, next)
          low.set(w, next++)
          stack.push(w)
          onStack.add(w)
          work.push([w, 0])
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(v)!))
      if (low.get(v) === index.get(v)) {
        const scc: string[] = []
        let w: string
        do {
          w = stack.pop()!
          onStack.delete(w)
          scc.push(w)
        } while (w !== v)
        if (scc.length > 1 || edges.includes(v)) found.push(scc.sort())
      }
    }
  }
  return found
}

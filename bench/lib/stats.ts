// Medians and 95th percentiles (nearest rank) of repeated runs, and the timers the figures use.

export interface Summary {
  n: number
  median: number
  p95: number
  min: number
  max: number
}

/** Nearest-rank percentile of sorted samples: with n = 10, p95 is the largest. */
const rank = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!

export function summarize(samples: readonly number[]): Summary {
  if (!samples.length) throw new Error('no samples')
  const s = [...samples].sort((a, b) => a - b)
  return { n: s.length, median: rank(s, 0.5), p95: rank(s, 0.95), min: s[0]!, max: s.at(-1)! }
}

/** Runs fn `runs` times after `warmup` unmeasured runs; milliseconds of each. */
export async function timeRuns(runs: number, fn: () => unknown, warmup = 1): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < warmup + runs; i++) {
    const t = performance.now()
    await fn()
    const ms = performance.now() - t
    if (i >= warmup) out.push(ms)
  }
  return out
}

/** Synchronous timing, for sub-millisecond work where awaiting would add a microtask turn. */
export function timeSync(runs: number, fn: (i: number) => void, warmup = 20): number[] {
  for (let i = 0; i < warmup; i++) fn(i)
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn(warmup + i)
    out.push(performance.now() - t)
  }
  return out
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

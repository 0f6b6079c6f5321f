// Reads a register file in a Web Worker (tableWorker.ts) and can stop it: a 0.5 MB workbook that
// unpacks to gigabytes once froze the app for half a minute on the main thread (issue 16). Where
// there is no Worker (unit tests in Node), it reads in place, still cancellable for the caller.
import { readTable, type ReadTableOptions, type TableResult } from '../../../shared/import/table'

export interface TableRequest {
  type: 'read'
  bytes: Uint8Array
  fileName: string
  options: ReadTableOptions
}
/** 'warm': load exceljs now, before the first file. */
export type WorkerRequest = TableRequest | { type: 'warm' }

export type ReadStage = 'check' | 'load'
export type TableReply = { type: 'progress'; stage: ReadStage; percent: number } | { type: 'done'; result: TableResult }

export interface ReadJob {
  /** The table, or null when cancelled. */
  result: Promise<TableResult | null>
  cancel(): void
}

// One worker kept between files, so exceljs is loaded once, not per file; a stopped read ends its
// worker (the only way to stop exceljs) and the next read starts a fresh one.
let spare: Worker | null = null

const hasWorkers = (): boolean => typeof Worker !== 'undefined'
const newWorker = (): Worker => new Worker(new URL('./tableWorker.ts', import.meta.url), { type: 'module' })

/** Called when an import screen opens: the worker and exceljs are ready by the time a file is chosen. */
export function warmTableReader(): void {
  if (!hasWorkers() || spare !== null) return
  spare = newWorker()
  spare.postMessage({ type: 'warm' } satisfies WorkerRequest)
}

export function readTableOffThread(bytes: Uint8Array, fileName: string, options: ReadTableOptions, onProgress: (stage: ReadStage, percent: number) => void): ReadJob {
  if (!hasWorkers()) {
    let cancelled = false
    const result = readTable(bytes, fileName, options, (s) => onProgress(s.stage, s.stage === 'check' ? Math.floor((s.done / Math.max(1, s.total)) * 100) : 100))
    return { result: result.then((r) => (cancelled ? null : r)), cancel: () => void (cancelled = true) }
  }
  const worker = spare ?? newWorker()
  spare = null
  let settle: (r: TableResult | null, reusable: boolean) => void = () => {}
  const result = new Promise<TableResult | null>((resolve) => {
    let settled = false
    settle = (r, reusable) => {
      // Once: a stop after the answer must not end the worker now kept for the next file.
      if (settled) return
      settled = true
      worker.onmessage = null
      worker.onerror = null
      if (reusable && spare === null) spare = worker
      else worker.terminate()
      resolve(r)
    }
  })
  worker.onmessage = (e: MessageEvent<TableReply>) => {
    if (e.data.type === 'progress') onProgress(e.data.stage, e.data.percent)
    else settle(e.data.result, true)
  }
  // The worker died (out of memory on a file past every check): the file could not be read.
  worker.onerror = (e) => {
    e.preventDefault()
    settle({ ok: false, error: 'unreadable' }, false)
  }
  // A copy, not a transfer: the screen keeps the bytes to read again in another encoding or sheet.
  worker.postMessage({ type: 'read', bytes, fileName, options } satisfies TableRequest)
  return { result, cancel: () => settle(null, false) }
}

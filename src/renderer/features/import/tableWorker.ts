// The Web Worker that reads a register file (readTable: zip checks, exceljs, CSV decoding) off the
// renderer's main thread, so a hostile or huge file cannot freeze the app; it reports progress and
// is ended (Worker.terminate) when the user stops it. One file at a time; see readOffThread.ts.
import { readTable } from '../../../shared/import/table'
import { preloadExcel } from '../../../shared/import/xlsx'
import type { TableReply, WorkerRequest } from './readOffThread'

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(reply: TableReply): void }

scope.onmessage = (e) => {
  if (e.data.type === 'warm') return preloadExcel()
  const { bytes, fileName, options } = e.data
  // Progress at most once per percent: a message per inflated chunk would flood the page.
  let last = -1
  void readTable(bytes, fileName, options, (step) => {
    const percent = step.stage === 'check' ? Math.floor((step.done / Math.max(1, step.total)) * 100) : 100
    if (step.stage === 'check' && percent === last) return
    last = percent
    scope.postMessage({ type: 'progress', stage: step.stage, percent })
  }).then((result) => scope.postMessage({ type: 'done', result }))
}

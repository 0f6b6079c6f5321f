// The IPC handlers that go through native file dialogs: app:savePdf (printToPDF of the page
// on screen, i.e. the same print HTML the web build prints), file:save and file:open. The
// renderer suggests a name and a kind; main picks the folder, the filters and the final name.
import path from 'node:path'
import {
  OPEN_FILE_MAX,
  OPEN_FILES_MAX,
  OPEN_FILES_TOTAL_MAX,
  ipcErr,
  ipcOk,
  type IpcResult,
  type OpenFileKind,
  type OpenedFile,
  type SaveFileKind,
  type SaveFileResult,
} from '../shared/ipc'
import { filterExtension, safeFileName } from '../shared/fileNames'
import { FileReadError } from './files'
import type { FileFilter, IpcDeps, IpcHandlers, SenderContents } from './ipc-handlers'

/**
 * printToPDF with the page's own @page rules: preferCSSPageSize makes Chromium take the size
 * and the margins of the print CSS (A4, GB/T 9704: 37/26/35/28 mm) instead of its default
 * 0.4-inch margins. pageSize stays as the fallback for a page without an @page size.
 */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  generateDocumentOutline: true,
} as const

const OPEN_FILTERS: Record<OpenFileKind, { key: string; extensions: string[] }> = {
  bundle: { key: 'fileType.bundle', extensions: [filterExtension('bundle')] },
  review: { key: 'fileType.review', extensions: [filterExtension('review')] },
  backup: { key: 'fileType.backup', extensions: [filterExtension('backup')] },
  register: { key: 'fileType.register', extensions: ['csv', 'xlsx'] },
}

/**
 * Dialog filters take one extension segment: macOS turns each into a content type by its last
 * segment, so "yishi.json" would match no file there. The name itself carries the full suffix.
 */
function saveFilters(kind: SaveFileKind, text: (key: string) => string): FileFilter[] {
  return [{ name: text(`fileType.${kind}`), extensions: [filterExtension(kind)] }]
}

function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
}

type FileChannels = 'app:savePdf' | 'file:save' | 'file:open'

export function createFileHandlers<W>(deps: IpcDeps<W>): Pick<IpcHandlers, FileChannels> {
  /** Asks where to save `name` (in Documents first) and writes `bytes` there. */
  async function saveWithDialog(window: W, name: string, kind: SaveFileKind, bytes: Uint8Array): Promise<IpcResult<SaveFileResult>> {
    const choice = await deps.showSaveDialog(window, {
      title: deps.text('dialog.saveFile'),
      defaultPath: path.join(deps.defaultSaveDir(), name),
      filters: saveFilters(kind, deps.text),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    })
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return ipcOk({ saved: false })
    try {
      await deps.writeFile(choice.filePath, bytes)
    } catch (error) {
      deps.log?.(`writing the ${kind} file failed`, error)
      return ipcErr(isDiskFull(error) ? 'disk-full' : 'write-failed')
    }
    return ipcOk({ saved: true, path: choice.filePath })
  }

  async function readChosen(filePaths: readonly string[], maxBytes: number): Promise<IpcResult<{ files: OpenedFile[] }>> {
    if (filePaths.length > OPEN_FILES_MAX) return ipcErr('too-many-files')
    const files: OpenedFile[] = []
    let total = 0
    for (const filePath of filePaths) {
      let bytes: Uint8Array
      try {
        bytes = await deps.readFile(filePath, maxBytes)
      } catch (error) {
        deps.log?.('reading a chosen file failed', error)
        return ipcErr(error instanceof FileReadError ? error.problem : 'read-failed')
      }
      total += bytes.byteLength
      if (total > OPEN_FILES_TOTAL_MAX) return ipcErr('too-large')
      files.push({ name: path.basename(filePath), bytes })
    }
    return ipcOk({ files })
  }

  return {
    'app:savePdf': async (sender: SenderContents, { suggestedName }) => {
      const window = deps.windowFor(sender)
      if (window === null) return ipcErr('no-window')
      let pdf: Uint8Array
      try {
        pdf = await sender.printToPDF(PDF_OPTIONS)
      } catch (error) {
        deps.log?.('printToPDF failed', error)
        return ipcErr('pdf-failed')
      }
      return saveWithDialog(window, safeFileName(suggestedName, 'pdf'), 'pdf', pdf)
    },

    'file:save': async (sender, { suggestedName, kind, data }) => {
      const window = deps.windowFor(sender)
      if (window === null) return ipcErr('no-window')
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
      return saveWithDialog(window, safeFileName(suggestedName, kind), kind, bytes)
    },

    'file:open': async (sender, { kind, multiple }) => {
      const window = deps.windowFor(sender)
      if (window === null) return ipcErr('no-window')
      // Backups are restored from the backup folder, when there is one.
      const backupFolder = kind === 'backup' ? (await deps.backups.settings.read()).backupFolder : null
      const filter = OPEN_FILTERS[kind]
      const choice = await deps.showOpenDialog(window, {
        title: deps.text('dialog.openFile'),
        defaultPath: backupFolder ?? deps.defaultSaveDir(),
        filters: [{ name: deps.text(filter.key), extensions: filter.extensions }],
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      })
      if (choice.canceled || choice.filePaths.length === 0) return ipcOk({ files: [] })
      return readChosen(multiple ? choice.filePaths : choice.filePaths.slice(0, 1), OPEN_FILE_MAX[kind])
    },
  }
}

// The part of a register import that does not depend on what is imported: choosing the file (the
// desktop's open dialog, or a file input on the web), reading it with readTable, re-reading it
// with another text encoding or worksheet, and the "only rows with problems" switch. The member
// and household import screens each parse the rows and show their own preview.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ENCODING_LABEL_KEYS, TEXT_ENCODINGS, type ImportFileError, type ReadTableOptions, type TextEncodingLabel } from '../../../shared/import'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { readTableOffThread, warmTableReader, type ReadJob, type ReadStage } from './readOffThread'

/** The rows of a table, parsed into a screen's preview, or the message to show instead. */
export type ParsedTable<P> = { ok: true; preview: P } | { ok: false; message: string }

export interface LoadedTable<P> {
  fileName: string
  bytes: Uint8Array
  encoding?: TextEncodingLabel | undefined
  sheetName?: string | undefined
  sheetNames?: string[] | undefined
  preview: P
}

interface Picked {
  name: string
  bytes: () => Promise<Uint8Array>
}

/**
 * State of one import screen's file: read, parsed (by `parse`, with the screen's latest data),
 * or failed with a message. By default only the faulty rows are shown when there are any.
 */
export function useTableFile<P extends { errorCount: number }>(options: {
  parse: (rows: string[][]) => ParsedTable<P>
  fileError: (code: ImportFileError) => string
}) {
  const errs = useErrors()
  const [loaded, setLoaded] = useState<LoadedTable<P> | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  const [progress, setProgress] = useState<{ stage: ReadStage; percent: number } | null>(null)
  const job = useRef<ReadJob | null>(null)
  const { t } = useTranslation('import')
  const [onlyProblems, setOnlyProblems] = useState(true)
  // The reader is made ready as the screen opens; a read still going when it closes is stopped.
  useEffect(() => {
    warmTableReader()
    return () => job.current?.cancel()
  }, [])

  async function load(fileName: string, bytes: Uint8Array, readOptions: ReadTableOptions = {}) {
    setFailure(null)
    setReading(true)
    setProgress(null)
    job.current?.cancel()
    // Read in a worker (issue 16): the page stays responsive, shows how far it is, and can stop.
    const current = readTableOffThread(bytes, fileName, readOptions, (stage, percent) => {
      if (job.current === current) setProgress({ stage, percent })
    })
    job.current = current
    try {
      const table = await current.result
      // Stopped, or replaced by another file: this one shows nothing.
      if (table === null || job.current !== current) return
      if (!table.ok) {
        setLoaded(null)
        setFailure(options.fileError(table.error))
        return
      }
      const parsed = options.parse(table.rows)
      if (!parsed.ok) {
        setLoaded(null)
        setFailure(parsed.message)
        return
      }
      setLoaded({ fileName, bytes, encoding: table.encoding, sheetName: table.sheetName, sheetNames: table.sheetNames, preview: parsed.preview })
      setOnlyProblems(parsed.preview.errorCount > 0)
    } catch (e) {
      setLoaded(null)
      setFailure(errs.message(e))
    } finally {
      if (job.current === current) {
        job.current = null
        setReading(false)
        setProgress(null)
      }
    }
  }

  /** The stop button while a file is read: the worker is ended, nothing is shown or imported. */
  function cancelRead() {
    job.current?.cancel()
    job.current = null
    setReading(false)
    setProgress(null)
    setLoaded(null)
    setFailure(t('preview.readingStopped'))
  }

  /** A newly chosen file (or none: the choice was cancelled) replaces what was shown. */
  async function pick(file: Picked | undefined) {
    setLoaded(null)
    setFailure(null)
    if (file) await load(file.name, await file.bytes())
  }

  /** The same file again, read with another text encoding or another worksheet. */
  const reread = (readOptions: ReadTableOptions) => (loaded ? load(loaded.fileName, loaded.bytes, readOptions) : Promise.resolve())

  /** Something outside reading the file failed (the open dialog, the import itself): say what. */
  const fail = (e: unknown) => setFailure(errs.message(e))

  return { loaded, failure, setFailure, fail, reading, progress, cancelRead, onlyProblems, setOnlyProblems, pick, reread }
}

/** While a file is read: how far (checking the zip, then reading the sheet) and a button to stop. */
export function ReadingProgress({ file }: { file: { progress: { stage: ReadStage; percent: number } | null; cancelRead: () => void } }) {
  const { t } = useTranslation('import')
  const p = file.progress
  const text = p?.stage === 'load' ? t('preview.loadingSheet') : p ? t('preview.checkingFile', { percent: p.percent }) : t('preview.reading')
  return (
    <div className="row reading-progress" role="status">
      {/* Without a value the bar is indeterminate: exceljs says nothing while it loads the sheet. */}
      <progress max={100} {...(p?.stage === 'check' ? { value: p.percent } : {})} aria-label={text} />
      <span>{text}</span>
      <button type="button" onClick={file.cancelRead}>
        {t('preview.stopReading')}
      </button>
    </div>
  )
}

/** The file control: the native open dialog on the desktop (in the Documents folder), a file input on the web. */
export function TableFileField({
  label,
  hint,
  disabled,
  onPick,
  onError,
}: {
  label: string
  hint: string
  disabled: boolean
  onPick: (file: Picked | undefined) => Promise<void>
  /** The open dialog failed: the screen shows why with its other failures. */
  onError: (e: unknown) => void
}) {
  const { t } = useTranslation('import')
  const env = useEnv()
  const openFiles = env.platform.capability('openFiles')
  return (
    <div className="field">
      <label htmlFor="import-file">{label}</label>
      <span className="hint" id="import-file-hint">{hint}</span>
      {openFiles ? (
        <button
          id="import-file"
          type="button"
          aria-describedby="import-file-hint"
          disabled={disabled}
          onClick={() => void openFiles('register', false).then(([file]) => onPick(file), onError)}
        >
          {t('preview.chooseButton')}
        </button>
      ) : (
        <input
          id="import-file"
          aria-describedby="import-file-hint"
          type="file"
          accept=".csv,.txt,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const file = e.target.files?.[0]
            void onPick(file ? { name: file.name, bytes: async () => new Uint8Array(await file.arrayBuffer()) } : undefined)
          }}
          disabled={disabled}
        />
      )}
    </div>
  )
}

/** "Garbled? Try another encoding" for a text file, "Use another sheet" for a workbook with several. */
export function TableReadOptions({ loaded, onReread }: { loaded: LoadedTable<unknown>; onReread: (options: ReadTableOptions) => Promise<void> }) {
  const { t } = useTranslation('import')
  return (
    <>
      {loaded.encoding ? (
        <div className="row">
          <label className="field">
            <span className="label">{t('preview.encodingWrong')}</span>
            <select value={loaded.encoding} onChange={(e) => void onReread({ encoding: e.target.value as TextEncodingLabel })}>
              {TEXT_ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {t(ENCODING_LABEL_KEYS[enc])}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      {loaded.sheetNames && loaded.sheetNames.length > 1 ? (
        <div className="row">
          <label className="field">
            <span className="label">{t('preview.chooseSheet')}</span>
            <select value={loaded.sheetName} onChange={(e) => void onReread({ sheetName: e.target.value })}>
              {loaded.sheetNames.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
    </>
  )
}

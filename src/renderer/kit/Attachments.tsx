// Attached files on every screen that has them (requests, matter steps, follow-up, fund vouchers):
// a button that keeps the chosen files in the device's blob store (data/blobs.ts, by content hash)
// and hands their references to the caller to write into its document, and a list that shows each
// reference: a thumbnail for an image, a link for a document, and "not on this device yet" for a
// file whose bytes have not arrived (never an error: another laptop attached it and it syncs later).
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { FILE_TYPES, isImageType, MAX_FILE_BYTES, type FileRef } from '../../shared/files/fileRef'
import { BlobError, storeFile } from '../data/blobs'
import { Banner } from '../ui/Banner'
import { useEnv } from './env'
import { formatNumber } from './format'

/** Browsers leave `type` empty for some photos (HEIC) and office files: named by their suffix instead. */
const BY_SUFFIX: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  docx: FILE_TYPES[5],
  xlsx: FILE_TYPES[6],
}
export const typeOfFile = (name: string, type: string): string => type || BY_SUFFIX[name.toLowerCase().split('.').pop() ?? ''] || 'application/octet-stream'
const ACCEPT = [...FILE_TYPES, ...Object.keys(BY_SUFFIX).map((s) => `.${s}`)].join(',')

export interface Attached {
  id: string
  file: FileRef
}

/** Picks files, keeps their bytes, then calls `onAttached` with their references (it writes them into the document). */
export function AttachFiles(props: { councilId: string; label: string; disabled?: boolean; onAttached: (refs: FileRef[]) => Promise<void> }) {
  const { t, i18n } = useTranslation('common')
  const env = useEnv()
  const id = useId()
  const [refused, setRefused] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const pick = async (files: File[]) => {
    setBusy(true)
    const refs: FileRef[] = []
    const bad: string[] = []
    try {
      for (const f of files) {
        try {
          refs.push(await storeFile(env.db, new Uint8Array(await f.arrayBuffer()), f.name, typeOfFile(f.name, f.type), props.councilId, env.now()))
        } catch (e) {
          if (!(e instanceof BlobError)) throw e
          const errors = (e.detail ?? {}) as Record<string, string>
          const why = errors.size === 'tooLarge' ? 'tooLarge' : errors.type ? 'typeNotAllowed' : 'invalid'
          bad.push(t(`files.refused.${why}`, { name: f.name, max: formatNumber(i18n.language, MAX_FILE_BYTES / 1024 / 1024) }))
        }
      }
      setRefused(bad)
      if (refs.length > 0) await props.onAttached(refs)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="attach">
      <label className="button" htmlFor={id} aria-disabled={props.disabled || busy ? true : undefined}>
        {props.label}
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        className="visually-hidden"
        disabled={props.disabled || busy}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])]
          e.target.value = ''
          if (files.length > 0) void pick(files)
        }}
      />
      <span className="hint">{t('files.hint', { max: formatNumber(i18n.language, MAX_FILE_BYTES / 1024 / 1024) })}</span>
      {refused.length > 0 ? (
        <Banner kind="error">
          {refused.map((r) => (
            <span key={r} className="block">
              {r}
            </span>
          ))}
        </Banner>
      ) : null}
    </div>
  )
}

/** The bytes of a file as an object URL while shown; null while looking, 'missing' when not on this device. */
function useFileUrl(file: FileRef): string | null | 'missing' {
  const env = useEnv()
  // A live query: a file fetched from the server later appears without reopening the screen.
  const row = useLiveQuery(() => env.db.blobs.get(file.hash).then((r) => r ?? 'missing'), [env.db, file.hash])
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (!row || row === 'missing') return
    const u = URL.createObjectURL(new Blob([row.bytes as Uint8Array<ArrayBuffer>], { type: file.type }))
    setUrl(u)
    return () => URL.revokeObjectURL(u)
  }, [row, file.type])
  if (row === 'missing') return 'missing'
  return row ? url : null
}

function FileItem({ item, onRemove, removeLabel }: { item: Attached; onRemove?: (id: string) => void; removeLabel: string }) {
  const { t, i18n } = useTranslation('common')
  const url = useFileUrl(item.file)
  const size = `${formatNumber(i18n.language, Math.max(1, Math.round(item.file.size / 1024)))} KB`
  return (
    <li className="file-item">
      {url === 'missing' ? (
        <span className="file-missing">
          <span className="file-name">{item.file.name}</span> <span className="muted">{t('files.missingSized', { size })}</span>
        </span>
      ) : url && isImageType(item.file.type) ? (
        <a href={url} target="_blank" rel="noreferrer" download={item.file.name}>
          <img className="thumb" src={url} alt={item.file.name} />
          <span className="file-name">{item.file.name}</span>
        </a>
      ) : url ? (
        <a href={url} download={item.file.name}>
          <span className="file-name">{item.file.name}</span> <span className="muted">{t('files.sized', { size })}</span>
        </a>
      ) : (
        <span className="file-name">{item.file.name}</span>
      )}
      {onRemove ? (
        <button type="button" className="link-like" onClick={() => onRemove(item.id)} aria-label={t('files.removeNamed', { name: item.file.name })}>
          {removeLabel}
        </button>
      ) : null}
    </li>
  )
}

/** The attached files of one record; `onRemove` only where this device may change the record. */
export function FileList({ items, onRemove, label }: { items: readonly Attached[]; onRemove?: (id: string) => void; label: string }) {
  const { t } = useTranslation('common')
  if (items.length === 0) return null
  return (
    <ul className="file-list" aria-label={label}>
      {items.map((it) => (
        <FileItem key={it.id} item={it} onRemove={onRemove} removeLabel={t('files.remove')} />
      ))}
    </ul>
  )
}

// Moves attached files' bytes between this device's blob store (data/blobs.ts) and the council
// server's /files endpoint (server/files.ts), over the same address and join code as the documents.
// Uploads what the server lacks (HEAD first: a file another device sent is not sent again); fetches
// what a document refers to and this device lacks, keeping the bytes only if they match their hash.
// Never throws for one file: each outcome is reported, and what failed is tried again next time.
import type { YishiDb } from '../data/db'
import { markUploaded, missingFiles, pendingUploads, readBlob, storeFetched } from '../data/blobs'
import type { FileRef } from '../../shared/files/fileRef'
import { httpBaseOf } from './address'

const TIMEOUT_MS = 60_000

export interface FileServer {
  /** The council server's ws:// or wss:// address (as its sync settings hold it). */
  serverUrl: string
  councilId: string
  /** The join code this device presents; uploads need a read-write one. */
  code: string
}

/** 'quotaFull': the server holds as many bytes of this council's files as it allows (507 quota-exceeded). */
export type FileTransfer = { hash: string; result: 'sent' | 'fetched' | 'alreadyThere' | 'notOnServer' | 'refused' | 'quotaFull' | 'unreachable' | 'corrupt' }

async function call(s: FileServer, hash: string, init: RequestInit): Promise<Response | null> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS)
  try {
    return await fetch(`${httpBaseOf(s.serverUrl)}/files/${encodeURIComponent(s.councilId)}/${hash}`, { ...init, headers: { authorization: `Bearer ${s.code}` }, signal: abort.signal })
  } catch {
    return null
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Sends every file still pending for this council; returns what happened to each. Once the server
 * has no room for a file, no file as large is sent (it would only be refused too); smaller ones are.
 */
export async function uploadPending(db: YishiDb, s: FileServer): Promise<FileTransfer[]> {
  const out: FileTransfer[] = []
  // The size of the smallest file the server had no room for: no larger one is sent after it.
  let noRoomFor = Infinity
  for (const hash of await pendingUploads(db, s.councilId)) {
    const head = await call(s, hash, { method: 'HEAD' })
    if (!head) {
      out.push({ hash, result: 'unreachable' })
      continue
    }
    if (head.ok) {
      await markUploaded(db, s.councilId, hash)
      out.push({ hash, result: 'alreadyThere' })
      continue
    }
    const bytes = await readBlob(db, hash)
    if (!bytes) continue
    if (bytes.byteLength >= noRoomFor) {
      out.push({ hash, result: 'quotaFull' })
      continue
    }
    const res = await call(s, hash, { method: 'PUT', body: bytes as Uint8Array<ArrayBuffer> })
    if (res?.ok) await markUploaded(db, s.councilId, hash)
    if (res?.status === 507) {
      noRoomFor = bytes.byteLength
      out.push({ hash, result: 'quotaFull' })
      continue
    }
    out.push({ hash, result: !res ? 'unreachable' : res.ok ? 'sent' : 'refused' })
  }
  return out
}

/** Fetches the referenced files this device lacks. A file the server lacks too stays missing (shown as missing). */
export async function fetchMissing(db: YishiDb, s: FileServer, refs: readonly FileRef[], now: string): Promise<FileTransfer[]> {
  const out: FileTransfer[] = []
  const hashes = [...new Set((await missingFiles(db, refs)).map((r) => r.hash))]
  for (const hash of hashes) {
    const res = await call(s, hash, { method: 'GET' })
    if (!res) out.push({ hash, result: 'unreachable' })
    else if (res.status === 404) out.push({ hash, result: 'notOnServer' })
    else if (!res.ok) out.push({ hash, result: 'refused' })
    else {
      try {
        await storeFetched(db, hash, new Uint8Array(await res.arrayBuffer()), now)
        out.push({ hash, result: 'fetched' })
      } catch {
        out.push({ hash, result: 'corrupt' })
      }
    }
  }
  return out
}

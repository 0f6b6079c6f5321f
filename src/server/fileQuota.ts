// How many bytes of attached files each council holds on this server, against its quota (files.ts).
// The total is read from the council's folder (<data>/files/<council>/) once, at its first upload,
// then kept in memory: the server only ever adds files there. An upload reserves its bytes BEFORE
// writing (its declared length, or what it turned out to be), so two uploads at once cannot both
// squeeze into the last free bytes; the reservation becomes stored bytes when the file is renamed
// into place, or is released when the upload fails. A hash already counted is never counted again.
// The total is per process: instances sharing one files folder each count what they saw at first
// use plus what they stored since (README, Attached files).
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isSha256Hex } from '../shared/files/fileRef'

interface Usage {
  /** Bytes of the files in the folder (each hash once). */
  stored: number
  /** Bytes promised to uploads under way. */
  reserved: number
  hashes: Set<string>
}

export interface Reservation {
  /**
   * The file (of `size` bytes) is about to be renamed into place: count it. False when the same
   * hash was counted meanwhile (another upload of the same bytes won): the caller keeps that one.
   */
  commit(hash: string, size: number): boolean
  /** The upload failed: give the bytes back. Idempotent; nothing after a commit. */
  release(): void
}

export class FileQuota {
  private usage = new Map<string, Promise<Usage>>()

  constructor(
    private readonly root: string,
    /** Bytes a council may hold; Infinity for no quota. */
    readonly limit: number,
  ) {}

  /** The council's bytes stored and reserved (tests, logs). */
  async used(councilId: string): Promise<number> {
    const u = await this.usageOf(councilId)
    return u.stored + u.reserved
  }

  /** Reserves `bytes` for an upload, or null when they would take the council past its quota. */
  async reserve(councilId: string, bytes: number): Promise<Reservation | null> {
    const u = await this.usageOf(councilId)
    // Checked and taken in one synchronous step: no other upload runs in between.
    if (u.stored + u.reserved + bytes > this.limit) return null
    u.reserved += bytes
    let open = true
    return {
      commit: (hash, size) => {
        if (!open) return false
        open = false
        u.reserved -= bytes
        if (u.hashes.has(hash)) return false
        u.hashes.add(hash)
        u.stored += size
        return true
      },
      release: () => {
        if (!open) return
        open = false
        u.reserved -= bytes
      },
    }
  }

  private usageOf(councilId: string): Promise<Usage> {
    let u = this.usage.get(councilId)
    if (!u) {
      u = scan(join(this.root, councilId))
      this.usage.set(councilId, u)
      // A folder that could not be read is read again at the next upload.
      u.catch(() => this.usage.delete(councilId))
    }
    return u
  }
}

/** The files of a council's folder: only names that are hashes (temporary uploads start with '.'). */
async function scan(folder: string): Promise<Usage> {
  const usage: Usage = { stored: 0, reserved: 0, hashes: new Set() }
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return usage
    throw e
  }
  for (const name of names) {
    if (!isSha256Hex(name)) continue
    const s = await stat(join(folder, name)).catch(() => null)
    if (!s?.isFile()) continue
    usage.stored += s.size
    usage.hashes.add(name)
  }
  return usage
}

// Reading and writing the files the user picks in a native dialog: only regular files are read,
// never more than a limit, and writes go to a temporary file renamed over the target, so a
// crash or a full disk never leaves half a bundle where the old one was.
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import path from 'node:path'

export type FileReadProblem = 'not-a-file' | 'too-large'

/** A refusal the user can act on (pick another file), as opposed to an I/O error. */
export class FileReadError extends Error {
  constructor(
    readonly problem: FileReadProblem,
    message: string,
  ) {
    super(message)
    this.name = 'FileReadError'
  }
}

/**
 * The bytes of a regular file of at most `maxBytes`. Directories, devices, pipes and sockets
 * are refused. O_NONBLOCK (where the OS has it) keeps a FIFO from blocking the open until some
 * writer appears; the type is checked on the opened handle, so a swap after the check cannot
 * slip another file in. Reads at most maxBytes + 1, whatever the size said, in case it grows.
 */
export async function readRegularFile(filePath: string, maxBytes: number): Promise<Uint8Array> {
  let handle
  try {
    handle = await open(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    // Windows cannot open a folder as a file at all.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new FileReadError('not-a-file', `${filePath} is a folder`)
    throw error
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new FileReadError('not-a-file', `${filePath} is not a regular file`)
    if (info.size > maxBytes) throw new FileReadError('too-large', `${filePath} has ${info.size} bytes`)
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const chunk = new Uint8Array(Math.min(1024 * 1024, maxBytes + 1 - total))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > maxBytes) throw new FileReadError('too-large', `${filePath} grew past ${maxBytes} bytes`)
    }
    const bytes = new Uint8Array(total)
    let offset = 0
    for (const chunk of chunks) {
      bytes.set(chunk, offset)
      offset += chunk.length
    }
    return bytes
  } finally {
    await handle.close()
  }
}

/**
 * Writes `data` next to `filePath` under a temporary name, flushes it, then renames it over
 * `filePath`. The temporary name is short and hidden, so a long target name cannot push it
 * over the OS's limit; on any failure it is removed and the old file stays as it was.
 */
export async function writeFileAtomic(filePath: string, data: Uint8Array | string): Promise<void> {
  const temporary = path.join(path.dirname(filePath), `.yishi-${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temporary, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, filePath)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}

// Files written whole or not at all, for the 'files' storage and the phone ballots the host holds:
// a temporary file in the same folder (a name starting with '.' and ending in '.tmp', never read),
// written, fsynced, then renamed over the real one, and the folder fsynced. A crash leaves either
// the old file or the new one, never half of one; leftover temporary files are deleted when the
// folder is opened next (removeTempFiles).
import { randomBytes } from 'node:crypto'
import { open, readFile, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const TEMP_PREFIX = '.'
const TEMP_SUFFIX = '.tmp'

/** A file's bytes, or null when it does not exist. */
export async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    const data = await readFile(file)
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

/** A temporary file beside `file`: never the name of a document or of the registry. */
export function tempFileFor(file: string): string {
  return join(dirname(file), `${TEMP_PREFIX}${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
}

/** The name of the file a temp file `name` (made by tempFileFor) was going to replace, else null. */
function tempFileTarget(name: string): string | null {
  if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) return null
  return /^\.(.+)\.\d+\.[0-9a-f]{12}\.tmp$/.exec(name)?.[1] ?? null
}

/** Write a temp file in the same folder, fsync it, rename it over `file`, fsync the folder. */
export async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const temp = tempFileFor(file)
  try {
    const handle = await open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameRetrying(temp, file)
  } catch (e) {
    await rm(temp, { force: true }).catch(() => {})
    throw e
  }
  await syncFolder(dirname(file))
}

// Windows refuses a rename for a moment while another program (an indexer, an antivirus) has the
// target open.
async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw e
      await new Promise((resolve) => setTimeout(resolve, 10 * (attempt + 1)))
    }
  }
}

// Makes the rename itself durable. Windows cannot open a folder for this; NTFS journals renames.
async function syncFolder(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Not supported here (Windows): nothing more to do.
  } finally {
    await handle?.close().catch(() => {})
  }
}

// Only this process writes the folder ('files' storage is one process per folder), so a temp
// file found on opening is what a crash left behind.
// Only the temp files of this backend's own files are touched, whatever else the folder holds.
export async function removeTempFiles(dir: string, isOurs: (target: string) => boolean): Promise<void> {
  for (const name of await readdir(dir)) {
    const target = tempFileTarget(name)
    if (target !== null && isOurs(target)) await rm(join(dir, name), { force: true })
  }
}

// The desktop shell's own few settings (the backup folder), in one small JSON file in userData.
// The renderer's settings live in Dexie; these are main's, because main acts on them without
// the renderer (a folder path must never come from a page). Writes are atomic and in order.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from './files'

export interface ShellSettings {
  /** Where backups go; an absolute path the user chose in a folder dialog, or null. */
  backupFolder: string | null
}

export const DEFAULT_SETTINGS: ShellSettings = { backupFolder: null }

/** The file's name inside userData. */
export const SETTINGS_FILE_NAME = 'shell-settings.json'

export interface SettingsFile {
  read(): Promise<ShellSettings>
  /** Merges `patch` into the stored settings and writes them; answers the result. */
  update(patch: Partial<ShellSettings>): Promise<ShellSettings>
}

export interface SettingsFileOptions {
  log?(message: string, detail?: unknown): void
}

/** Whatever the file holds, only well-formed values come out; the rest falls back to defaults. */
export function parseSettings(text: string): ShellSettings {
  const data: unknown = JSON.parse(text)
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ...DEFAULT_SETTINGS }
  const folder = (data as Record<string, unknown>)['backupFolder']
  return { backupFolder: typeof folder === 'string' && path.isAbsolute(folder) ? folder : null }
}

export function createSettingsFile(filePath: string, options: SettingsFileOptions = {}): SettingsFile {
  // Every update reads and writes after the previous one finished, so two quick changes
  // cannot interleave and lose one.
  let queue: Promise<unknown> = Promise.resolve()

  async function read(): Promise<ShellSettings> {
    let text: string
    try {
      text = await readFile(filePath, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.log?.('reading the settings failed', error)
      return { ...DEFAULT_SETTINGS }
    }
    try {
      return parseSettings(text)
    } catch (error) {
      // A damaged file costs the user a folder choice, never the app's start.
      options.log?.('the settings file is damaged; using the defaults', error)
      return { ...DEFAULT_SETTINGS }
    }
  }

  function update(patch: Partial<ShellSettings>): Promise<ShellSettings> {
    const next = queue.then(async () => {
      const settings = { ...(await read()), ...patch }
      await writeFileAtomic(filePath, `${JSON.stringify(settings, null, 2)}\n`)
      return settings
    })
    queue = next.catch(() => undefined)
    return next
  }

  return { read: () => queue.then(read), update }
}

// The backup file per council-year (issue 20, budget 3: ≤ 1 MB): every document of the profile
// (council, register of households, the meetings, the campaigns) put in a backup as collectBackup
// does, encoded by the app's own encodeBackup (version 2: gzipped, checksummed), then decoded again
// to be sure it is a file the app restores. Also version 1's writer (the JSON text), as "before".
import { decodeBackup, encodeBackup, encodeBackupV1, type BackupContent } from '../../src/shared/backup/format'
import { toBase64Url } from '../../src/shared/sync/joinCode'
import type { Profile } from '../profile'

export interface BackupSize {
  /** Bytes of the file the app writes, per council-year. */
  perYear: number
  /** The same content as a version-1 (JSON text) file, per council-year. */
  v1PerYear: number
  storedPerYear: number
}

export async function measureBackupSize(p: Profile): Promise<BackupSize> {
  const m = p.manifest
  const docs = m.docs.map((d) => ({ name: d.name, update: toBase64Url(p.updates.get(d.name)!) }))
  const content: BackupContent = {
    createdAt: m.now,
    appVersion: '0.0.0-bench',
    councils: [{ id: m.councilId, name: m.councilName, meetings: m.meetings.length }],
    docs,
    local: { settings: [] },
  }
  const v2 = await encodeBackup(content)
  const v1 = new TextEncoder().encode(await encodeBackupV1(content))
  const decoded = await decodeBackup(v2)
  if (!decoded.ok) throw new Error(`the app would refuse this backup: ${decoded.error}`)
  const stored = m.docs.reduce((n, d) => n + d.bytes, 0)
  return { perYear: v2.byteLength / m.years, v1PerYear: v1.byteLength / m.years, storedPerYear: stored / m.years }
}

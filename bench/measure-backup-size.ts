// The backup file per council-year (issue 20, budget 3: ≤ 1 MB) for the bench's 10-year profile:
// every document of the profile (council, register of households, 120 meetings, the campaign) put
// in a backup as collectBackup does, encoded by the app's own encodeBackup (version 2: gzipped,
// checksummed) and, for comparison, by version 1's writer (the JSON text), then decoded again to
// be sure the file is one the app restores. The file divided by the profile's years. The profile
// has no matters, fund years or attached files (issue 8's generator): what they add is theirs.
//   npx tsx bench/measure-backup-size.ts [years]
import { decodeBackup, encodeBackup, encodeBackupV1, type BackupContent } from '../src/shared/backup/format'
import { toBase64Url } from '../src/shared/sync/joinCode'
import { loadProfile } from './profile'

const years = Number(process.argv[2] ?? 10)
const p = await loadProfile(years, { log: console.log })
const m = p.manifest
const docs = m.docs.map((d) => ({ name: d.name, update: toBase64Url(p.updates.get(d.name)!) }))
const content: BackupContent = {
  createdAt: m.now,
  appVersion: '0.0.0-bench',
  councils: [{ id: m.councilId, name: m.councilName, meetings: m.meetings.length }],
  docs,
  local: { settings: [] },
}
const stored = m.docs.reduce((n, d) => n + d.bytes, 0)
const v2 = await encodeBackup(content)
const v1 = new TextEncoder().encode(await encodeBackupV1(content))
const decoded = await decodeBackup(v2)
if (!decoded.ok) throw new Error(`the app would refuse this backup: ${decoded.error}`)
const MB = 1024 * 1024
const line = (label: string, bytes: number) => console.log(`${label.padEnd(44)} ${(bytes / MB).toFixed(2).padStart(7)} MiB total, ${(bytes / years / MB).toFixed(3)} MiB per council-year`)
console.log(`profile ${years}y: ${m.docs.length} documents`)
line('stored updates (what the backup carries)', stored)
line('backup version 2 (gzipped, the app writes)', v2.byteLength)
line('backup version 1 (JSON text, before)', v1.byteLength)

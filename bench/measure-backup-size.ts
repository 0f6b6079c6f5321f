// The backup file per council-year (issue 20, budget 3: ≤ 1 MB) for the bench's profile, alone
// (npm run bench has it as a row): see figures/backup.ts for what is measured.
// The profile has no matters, fund years or attached files (issue 8's generator): what they add is theirs.
//   npx tsx bench/measure-backup-size.ts [years]
import { measureBackupSize } from './figures/backup'
import { loadProfile } from './profile'

const years = Number(process.argv[2] ?? 10)
const p = await loadProfile(years, { log: console.log })
const size = await measureBackupSize(p)
const MB = 1024 * 1024
const line = (label: string, perYear: number) => console.log(`${label.padEnd(44)} ${(perYear / MB).toFixed(3)} MiB per council-year`)
console.log(`profile ${years}y: ${p.manifest.docs.length} documents`)
line('stored updates (what the backup carries)', size.storedPerYear)
line('backup version 2 (gzipped, the app writes)', size.perYear)
line('backup version 1 (JSON text, before)', size.v1PerYear)

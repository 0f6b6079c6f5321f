// The seeded synthetic council history of issue 8, written through Yishi's own document code
// (src/shared/doc: the functions features/*/actions.ts call), never by hand-built Yjs: `years`
// years of 12 meetings (8 items, 2 motions each, 25 voting members, 3 speeches a motion, minutes
// of ~5,000 characters typed in bursts with deletions, then signed, sealed, noticed, submitted and
// accepted), the council's register changing every term, a households register of 3,000, and a
// mock relocation campaign in the last year. The last meeting is the current one: closed, its
// minutes drafted, not yet finished.
//
// Output: one Yjs update per document (Y.encodeStateAsUpdate, what y-indexeddb keeps after it
// compacts) in bench/.cache/profile-<years>y/, with manifest.json. Reused while the generator and
// src/shared/doc are unchanged (the manifest's stamp); `--fresh` rebuilds.
//   npx tsx bench/profile.ts [years…] [--fresh]
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { addMembers, indexMeeting, initCouncilDoc, readCouncil, readMembers, updateMember } from '../src/shared/doc/council'
import { campaignDocName, councilDocName, householdsDocName, meetingDocName } from '../src/shared/doc/names'
import { defaultCouncilInput } from '../src/shared/domain/council'
import { newCouncilId } from '../src/shared/domain/ids'
import type { MemberFields, MemberRole } from '../src/shared/domain/member'
import type { KeyPairLike } from '../src/shared/minutes/webCrypto'
import { campaignLife, householdsLife } from './lib/campaignLife'
import { DocLife, meetingLife } from './lib/meetingLife'
import { mulberry32, seedCrypto, type Rng } from './lib/rng'
import { personName } from './lib/texts'

export const LAST_YEAR = 2025
/** "Now" in the profile: after the December meeting, during the campaign. */
export const PROFILE_NOW = `${LAST_YEAR}-12-20T04:00:00.000Z`
export const CAMPAIGN_WINDOW = { start: `${LAST_YEAR}-11-01`, deadline: `${LAST_YEAR + 1}-01-15`, today: `${LAST_YEAR}-12-20` }
export const DEFAULT_SEED = 20_251_220
const VOTING_MEMBERS = 25
const TERM_YEARS = 3
const TURNOVER = 8

export type DocKind = 'council' | 'households' | 'meeting' | 'campaign'

export interface ProfileDoc {
  name: string
  kind: DocKind
  /** The year the document belongs to (council and households: the last year they were written). */
  year: number
  file: string
  bytes: number
  /** Yjs client ids in the document: one per app session that wrote to it. */
  clients: number
}

export interface ProfileMeeting {
  id: string
  name: string
  title: string
  startsAt: string
  year: number
  itemCount: number
}

export interface ProfileManifest {
  stamp: string
  years: number
  seed: number
  firstYear: number
  lastYear: number
  now: string
  councilId: string
  councilName: string
  councilDoc: string
  householdsDoc: string
  campaignDoc: string
  /** Oldest first; the last one is the current meeting. */
  meetings: ProfileMeeting[]
  docs: ProfileDoc[]
  stats: { minutesEdits: number; minutesDeletedChars: number; campaignEntries: number; campaignWithdrawals: number; householdEdits: number; buildMs: number }
}

export interface Profile {
  dir: string
  manifest: ProfileManifest
  /** Document name -> its stored update. */
  updates: Map<string, Uint8Array>
}

const here = dirname(fileURLToPath(import.meta.url))
export const CACHE_DIR = join(here, '.cache')
const fileOf = (name: string) => `${name.replace(/\//g, '__')}.bin`

/** Changes whenever the generator or the document code it calls changes. */
function stampOf(years: number, seed: number): string {
  const h = createHash('sha256').update(`${years}:${seed}:${Y.encodeStateVector(new Y.Doc()).length}`)
  const generator = ['profile.ts', 'lib/rng.ts', 'lib/texts.ts', 'lib/meetingLife.ts', 'lib/campaignLife.ts'].map((f) => join(here, f))
  const shared = ['../src/shared/doc', '../src/shared/domain', '../src/shared/domain/votes', '../src/shared/minutes'].flatMap((d) => readdirSync(join(here, d)).filter((f) => f.endsWith('.ts')).map((f) => join(here, d, f)))
  const files = [...generator, ...shared]
  for (const f of files.sort()) h.update(readFileSync(f))
  return h.digest('hex').slice(0, 16)
}

/** A fixed Ed25519 device key from the seed (the app's is random and non-extractable; the seal's size is the same). */
async function seededKey(rng: Rng): Promise<KeyPairLike> {
  const pkcs8 = new Uint8Array([...Buffer.from('302e020100300506032b657004220420', 'hex'), ...Array.from({ length: 32 }, () => rng.int(0, 255))])
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign'])
  const { x } = await crypto.subtle.exportKey('jwk', privateKey)
  const publicKey = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x }, { name: 'Ed25519' }, true, ['verify'])
  return { privateKey, publicKey }
}

function newMembers(rng: Rng, roles: MemberRole[], joinedOn: string): MemberFields[] {
  return roles.map((role) => ({
    name: personName(rng),
    role,
    building: `${rng.int(1, 30)}栋`,
    unit: `${rng.int(1, 4)}单元`,
    room: `${rng.int(1, 13)}0${rng.int(1, 2)}`,
    areaCentiM2: rng.int(5000, 13000),
    phone: `139 ${String(rng.int(0, 9999)).padStart(4, '0')} ${String(rng.int(0, 9999)).padStart(4, '0')}`,
    joinedOn,
    leftOn: null,
  }))
}

export async function buildProfile(years: number, seed = DEFAULT_SEED, log: (s: string) => void = () => {}): Promise<Omit<Profile, 'dir'>> {
  const started = performance.now()
  const rng = mulberry32(seed + years)
  const restore = seedCrypto(rng)
  try {
    const key = await seededKey(rng)
    const firstYear = LAST_YEAR - years + 1
    const councilId = newCouncilId()
    const councilName = '桂溪社区居民议事会'
    const council = new DocLife(rng)
    initCouncilDoc(council.doc, councilId, { ...defaultCouncilInput('resident', `${firstYear}-01-01`), name: councilName, community: '桂溪社区', street: '桂溪街道' }, `${firstYear}-01-02T02:00:00.000Z`)
    const roles: MemberRole[] = ['chair', 'recorder', 'supervisor', ...Array<MemberRole>(VOTING_MEMBERS - 3).fill('councillor'), 'observer', 'observer']
    addMembers(council.doc, newMembers(rng, roles, `${firstYear}-01-01`), `${firstYear}-01-02T02:10:00.000Z`)
    const households = householdsLife(rng, councilId, `${firstYear}-01-05`, LAST_YEAR)
    const docs: { name: string; kind: DocKind; year: number; update: Uint8Array; clients: number }[] = []
    const stored = (name: string, kind: DocKind, year: number, doc: Y.Doc) => ({ name, kind, year, update: Y.encodeStateAsUpdate(doc), clients: doc.store.clients.size })
    const meetings: ProfileMeeting[] = []
    let minutesEdits = 0
    let minutesDeletedChars = 0
    for (let year = firstYear; year <= LAST_YEAR; year++) {
      // A new term: some councillors leave, as many join; a few phone numbers change every year.
      if (year > firstYear && (year - firstYear) % TERM_YEARS === 0) {
        const doc = council.session()
        const leaving = rng.shuffle(readMembers(doc).filter((m) => m.role === 'councillor' && m.leftOn === null)).slice(0, TURNOVER)
        for (const m of leaving) updateMember(doc, m.id, { leftOn: `${year}-01-01` }, `${year}-01-03T02:00:00.000Z`)
        addMembers(doc, newMembers(rng, Array<MemberRole>(TURNOVER).fill('councillor'), `${year}-01-01`), `${year}-01-03T02:30:00.000Z`)
      }
      for (let month = 1; month <= 12; month++) {
        if (month === 6) {
          const doc = council.session()
          for (const m of rng.shuffle(readMembers(doc).filter((m) => m.leftOn === null)).slice(0, 3)) {
            updateMember(doc, m.id, { phone: `137 ${String(rng.int(0, 9999)).padStart(4, '0')} ${String(rng.int(0, 9999)).padStart(4, '0')}` }, `${year}-06-02T02:00:00.000Z`)
          }
        }
        const day = rng.int(8, 14)
        const mm = String(month).padStart(2, '0')
        const startsAt = `${year}-${mm}-${String(day).padStart(2, '0')}T19:30`
        const title = `${year}年${month}月居民议事会`
        const current = year === LAST_YEAR && month === 12
        const m = await meetingLife(
          { councilId, council: readCouncil(council.doc)!, register: readMembers(council.doc), title, startsAt, startMs: Date.UTC(year, month - 1, day, 11, 30), complete: !current, key },
          rng,
        )
        // The meeting was created from the council screen: the council document indexes it.
        indexMeeting(council.session(), m.meetingId, new Date(Date.UTC(year, month - 1, day - 8, 2)).toISOString())
        const name = meetingDocName(councilId, m.meetingId)
        docs.push(stored(name, 'meeting', year, m.life.doc))
        m.life.doc.destroy()
        meetings.push({ id: m.meetingId, name, title, startsAt, year, itemCount: 8 })
        minutesEdits += m.edits
        minutesDeletedChars += m.deletedChars
      }
      log(`  ${year}: ${meetings.length} meetings, ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
    const campaign = campaignLife(rng, councilId, households.households, CAMPAIGN_WINDOW)
    log(`  campaign: ${campaign.entries} entries, ${((performance.now() - started) / 1000).toFixed(1)} s`)
    docs.unshift(
      stored(councilDocName(councilId), 'council', LAST_YEAR, council.doc),
      stored(householdsDocName(councilId), 'households', LAST_YEAR, households.life.doc),
      stored(campaignDocName(councilId, campaign.campaignId), 'campaign', LAST_YEAR, campaign.life.doc),
    )
    const updates = new Map(docs.map((d) => [d.name, d.update] as const))
    const entries: ProfileDoc[] = docs.map(({ name, kind, year, update, clients }) => ({ name, kind, year, file: fileOf(name), bytes: update.byteLength, clients }))
    const manifest: ProfileManifest = {
      stamp: stampOf(years, seed),
      years,
      seed,
      firstYear,
      lastYear: LAST_YEAR,
      now: PROFILE_NOW,
      councilId,
      councilName,
      councilDoc: councilDocName(councilId),
      householdsDoc: householdsDocName(councilId),
      campaignDoc: campaignDocName(councilId, campaign.campaignId),
      meetings,
      docs: entries,
      stats: { minutesEdits, minutesDeletedChars, campaignEntries: campaign.entries, campaignWithdrawals: campaign.withdrawals, householdEdits: households.edits, buildMs: Math.round(performance.now() - started) },
    }
    return { manifest, updates }
  } finally {
    restore()
  }
}

/** The profile from the cache, or built (and cached) when missing, stale or `fresh`. */
export async function loadProfile(years: number, options: { fresh?: boolean; seed?: number; log?: (s: string) => void } = {}): Promise<Profile> {
  const seed = options.seed ?? DEFAULT_SEED
  const log = options.log ?? (() => {})
  const dir = join(CACHE_DIR, `profile-${years}y`)
  const manifestPath = join(dir, 'manifest.json')
  if (!options.fresh && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ProfileManifest
    if (manifest.stamp === stampOf(years, seed)) {
      const updates = new Map(manifest.docs.map((d) => [d.name, new Uint8Array(readFileSync(join(dir, d.file)))] as const))
      return { dir, manifest, updates }
    }
    log(`profile ${years}y: the generator or src/shared changed, rebuilding`)
  }
  log(`building the ${years}-year profile (seed ${seed})…`)
  const built = await buildProfile(years, seed, log)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const d of built.manifest.docs) writeFileSync(join(dir, d.file), built.updates.get(d.name)!)
  writeFileSync(manifestPath, JSON.stringify(built.manifest, null, 1))
  return { dir, ...built }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fresh = process.argv.includes('--fresh')
  const list = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number)
  for (const years of list.length ? list : [10, 1]) {
    const p = await loadProfile(years, { fresh, log: console.log })
    const total = p.manifest.docs.reduce((n, d) => n + d.bytes, 0)
    console.log(`profile ${years}y: ${p.manifest.docs.length} documents, ${(total / 1024 / 1024).toFixed(2)} MiB, built in ${(p.manifest.stats.buildMs / 1000).toFixed(1)} s -> ${p.dir}`)
    console.log(JSON.stringify(p.manifest.stats))
  }
}

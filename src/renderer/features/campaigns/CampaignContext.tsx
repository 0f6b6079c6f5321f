// The open campaign: its document, read after every completed transaction, and the council's
// register of households as rows (not held open), with the entries the rules read (a decided
// campaign's without the late ones) and the instant the screens compute at (to the minute, and ticking while it is shown).
// A relocation's signing state comes from one live state per open campaign (campaigns/liveSigning.ts),
// so a remote signing refolds one household instead of the whole roll.
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { createLiveSigningState, type LiveSigningState } from '../../../shared/campaigns/liveSigning'
import { useTranslation } from 'react-i18next'
import { lateEntries, readCampaign, readDecisions, readEntries, readVoidedEntries, type Campaign } from '../../../shared/doc/campaign'
import { readHouseholds } from '../../../shared/doc/households'
import { campaignDocName, householdsDocName } from '../../../shared/doc/names'
import type { CampaignId, CampaignEntry } from '../../../shared/domain/campaign'
import type { CampaignDecision } from '../../../shared/domain/campaignDecision'
import type { SigningState } from '../../../shared/domain/campaignSigning'
import type { Household } from '../../../shared/domain/household'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { useDocSnapshot } from '../../kit/docSnapshot'
import { useEnv } from '../../kit/env'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../../kit/CouncilContext'
import { useCampaignErrors } from './errors'

export interface CampaignCtx {
  handle: DocHandle
  campaign: Campaign
  households: Household[]
  /** Every entry, in the rules' order. */
  entries: CampaignEntry[]
  /** The entries the rules read: all of them until decided, then those the decision knew (and payments). */
  counted: CampaignEntry[]
  late: CampaignEntry[]
  /** Entries voided by mistake, each with its mark: shown on the trail, never counted. */
  voided: VoidedEntry[]
  /** The standing decision first; more than one when two devices decided offline. */
  decisions: CampaignDecision[]
  /** The instant the screens compute at: now, to the minute. */
  now: string
  /** A relocation's signing state at `now` (readSigningState, kept live); null for a renovation. */
  signing: SigningState | null
}

const Ctx = createContext<CampaignCtx | null>(null)

export function useCampaign(): CampaignCtx {
  const c = useContext(Ctx)
  if (!c) throw new Error('useCampaign outside CampaignProvider')
  return c
}

const NO_HOUSEHOLDS: Household[] = []
const NO_ENTRIES: CampaignEntry[] = []
const NO_DECISIONS: CampaignDecision[] = []
const NO_VOIDED: VoidedEntry[] = []

export type VoidedEntry = ReturnType<typeof readVoidedEntries>[number]

/** now, to the minute, re-read every 20 s and whenever the window comes back into view. */
export function useMinute(): string {
  const env = useEnv()
  const [minute, setMinute] = useState(() => env.now().slice(0, 16))
  useEffect(() => {
    const tick = () => setMinute(env.now().slice(0, 16))
    const timer = setInterval(tick, 20_000)
    document.addEventListener('visibilitychange', tick)
    window.addEventListener('focus', tick)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', tick)
      window.removeEventListener('focus', tick)
    }
  }, [env])
  // Every render also looks at the clock, so a screen opened after midnight never shows yesterday.
  const current = env.now().slice(0, 16)
  return `${current > minute ? current : minute}:00.000Z`
}

/**
 * The council's register of households (its own document), read-only here: read as rows, not
 * held open (kit/docSnapshot.ts: 20 MB decoded for 3,000 households).
 */
export function useHouseholds(): { households: Household[]; ready: boolean; error: unknown } {
  const { council } = useCouncil()
  const state = useDocSnapshot(householdsDocName(council.id), council.id, readHouseholds)
  const households = state.status === 'ready' ? state.value : NO_HOUSEHOLDS
  return { households, ready: state.status === 'ready', error: state.status === 'error' ? state.error : null }
}

const noSubscribe = () => () => undefined

/** The live signing state of the open campaign's document, at `now`; null until it is set up, and for a renovation. */
function useLiveSigning(doc: Y.Doc | null, households: Household[], now: string): SigningState | null {
  const [live, setLive] = useState<{ doc: Y.Doc; live: LiveSigningState } | null>(null)
  useEffect(() => {
    if (!doc) return
    const l = createLiveSigningState(doc)
    setLive({ doc, live: l })
    return () => {
      l.destroy()
      setLive(null)
    }
  }, [doc])
  const current = live && live.doc === doc ? live.live : null
  const version = useSyncExternalStore(current ? current.subscribe : noSubscribe, () => (current ? current.version() : -1))
  return useMemo(() => {
    if (!current || version < 0) return null
    current.setHouseholds(households)
    return current.state(now)
  }, [current, version, households, now])
}

export function CampaignProvider({ campaignId, children }: { campaignId: string; children: ReactNode }) {
  const { t } = useTranslation(['campaigns', 'common'])
  const errs = useCampaignErrors()
  const { council } = useCouncil()
  const state = useDocHandle(campaignDocName(council.id, campaignId as CampaignId))
  const handle = state.status === 'ready' ? state.handle : null
  const doc = handle?.doc ?? null
  const campaign = useDocValue(doc, readCampaign)
  const entries = useDocValue(doc, readEntries) ?? NO_ENTRIES
  const decisions = useDocValue(doc, readDecisions) ?? NO_DECISIONS
  const late = useDocValue(doc, lateEntries) ?? NO_ENTRIES
  const voided = useDocValue(doc, readVoidedEntries) ?? NO_VOIDED
  const register = useHouseholds()
  const now = useMinute()
  const signing = useLiveSigning(doc, register.households, now)
  const counted = useMemo(() => {
    const lateIds = new Set(late.map((e) => e.entryId))
    return lateIds.size ? entries.filter((e) => !lateIds.has(e.entryId)) : entries
  }, [entries, late])
  const value = useMemo(
    () => (handle && campaign ? { handle, campaign, households: register.households, entries, counted, late, voided, decisions, now, signing } : null),
    [handle, campaign, register.households, entries, counted, late, voided, decisions, now, signing],
  )
  if (state.status === 'error') return <Banner kind="error">{errs.message(state.error)}</Banner>
  if (register.error) return <Banner kind="error">{errs.message(register.error)}</Banner>
  // The live state is set up in an effect: one render without it.
  if (!handle || !register.ready || (campaign?.kind === 'relocation' && !signing)) return <p>{t('common:status.loading')}</p>
  if (!value) return <Banner kind="error">{t('campaigns:notFound')}</Banner>
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

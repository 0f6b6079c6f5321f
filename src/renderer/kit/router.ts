// A small hash router: the app is served from app:// in Electron and from any static host on
// the web, so routes live in the hash and reload to the same screen.
import { useEffect, useMemo, useState } from 'react'
import { ID_CHARS } from '../../shared/domain/ids'

export const COUNCIL_TABS = ['meetings', 'members', 'households', 'campaigns', 'requests', 'matters', 'fund', 'ledgers', 'rules', 'sync'] as const
export type CouncilTab = (typeof COUNCIL_TABS)[number]
export const CAMPAIGN_TABS = ['overview', 'record', 'notice', 'settings'] as const
export type CampaignTab = (typeof CAMPAIGN_TABS)[number]
export const MINUTES_TABS = ['draft', 'sign', 'documents', 'notice', 'submit'] as const
export type MinutesTab = (typeof MINUTES_TABS)[number]
export const FUND_TABS = ['overview', 'proposals', 'decide', 'projects', 'ledger', 'disclose'] as const
export type FundTab = (typeof FUND_TABS)[number]

export type Route =
  | { name: 'home' }
  | { name: 'newCouncil' }
  | { name: 'joinCouncil' }
  | { name: 'council'; councilId: string; tab: CouncilTab }
  | { name: 'importMembers'; councilId: string }
  | { name: 'newMeeting'; councilId: string }
  | { name: 'meeting'; councilId: string; meetingId: string }
  | { name: 'notice'; councilId: string; meetingId: string }
  | { name: 'session'; councilId: string; meetingId: string; tab: 'signin' | 'floor' }
  | { name: 'projector'; councilId: string; meetingId: string }
  | { name: 'minutes'; councilId: string; meetingId: string; tab: MinutesTab }
  | { name: 'importHouseholds'; councilId: string }
  | { name: 'newCampaign'; councilId: string }
  | { name: 'campaign'; councilId: string; campaignId: string; tab: CampaignTab }
  | { name: 'newRequest'; councilId: string }
  | { name: 'request'; councilId: string; year: number; requestId: string }
  | { name: 'matter'; councilId: string; year: number; matterId: string }
  | { name: 'fundYear'; councilId: string; year: number; tab: FundTab }
  | { name: 'fundProject'; councilId: string; year: number; projectId: string }
  | { name: 'review' }
  | { name: 'backup' }
  | { name: 'notFound' }

const ID = `(${ID_CHARS})`
// The year of a matters or fund document (doc/names.ts accepts the same).
const YEAR = '((?:19|2[01])\\d\\d)'
const patterns: [RegExp, (m: RegExpExecArray) => Route][] = [
  [/^\/?$/, () => ({ name: 'home' })],
  [/^\/councils\/new$/, () => ({ name: 'newCouncil' })],
  [/^\/councils\/join$/, () => ({ name: 'joinCouncil' })],
  [new RegExp(`^/c/${ID}$`), (m) => ({ name: 'council', councilId: m[1]!, tab: 'meetings' })],
  [new RegExp(`^/c/${ID}/(${COUNCIL_TABS.join('|')})$`), (m) => ({ name: 'council', councilId: m[1]!, tab: m[2] as CouncilTab })],
  [new RegExp(`^/c/${ID}/members/import$`), (m) => ({ name: 'importMembers', councilId: m[1]! })],
  [new RegExp(`^/c/${ID}/meetings/new$`), (m) => ({ name: 'newMeeting', councilId: m[1]! })],
  [new RegExp(`^/c/${ID}/households/import$`), (m) => ({ name: 'importHouseholds', councilId: m[1]! })],
  [new RegExp(`^/c/${ID}/campaigns/new$`), (m) => ({ name: 'newCampaign', councilId: m[1]! })],
  [new RegExp(`^/c/${ID}/k/${ID}/(${CAMPAIGN_TABS.join('|')})$`), (m) => ({ name: 'campaign', councilId: m[1]!, campaignId: m[2]!, tab: m[3] as CampaignTab })],
  [new RegExp(`^/c/${ID}/m/${ID}$`), (m) => ({ name: 'meeting', councilId: m[1]!, meetingId: m[2]! })],
  [new RegExp(`^/c/${ID}/m/${ID}/notice$`), (m) => ({ name: 'notice', councilId: m[1]!, meetingId: m[2]! })],
  [new RegExp(`^/c/${ID}/m/${ID}/session/(signin|floor)$`), (m) => ({ name: 'session', councilId: m[1]!, meetingId: m[2]!, tab: m[3] as 'signin' })],
  [new RegExp(`^/c/${ID}/m/${ID}/projector$`), (m) => ({ name: 'projector', councilId: m[1]!, meetingId: m[2]! })],
  [new RegExp(`^/c/${ID}/m/${ID}/minutes/(${MINUTES_TABS.join('|')})$`), (m) => ({ name: 'minutes', councilId: m[1]!, meetingId: m[2]!, tab: m[3] as MinutesTab })],
  [new RegExp(`^/c/${ID}/requests/new$`), (m) => ({ name: 'newRequest', councilId: m[1]! })],
  [new RegExp(`^/c/${ID}/r/${YEAR}/${ID}$`), (m) => ({ name: 'request', councilId: m[1]!, year: Number(m[2]), requestId: m[3]! })],
  [new RegExp(`^/c/${ID}/x/${YEAR}/${ID}$`), (m) => ({ name: 'matter', councilId: m[1]!, year: Number(m[2]), matterId: m[3]! })],
  [new RegExp(`^/c/${ID}/f/${YEAR}/(${FUND_TABS.join('|')})$`), (m) => ({ name: 'fundYear', councilId: m[1]!, year: Number(m[2]), tab: m[3] as FundTab })],
  [new RegExp(`^/c/${ID}/f/${YEAR}/p/${ID}$`), (m) => ({ name: 'fundProject', councilId: m[1]!, year: Number(m[2]), projectId: m[3]! })],
  [/^\/review$/, () => ({ name: 'review' })],
  [/^\/backup$/, () => ({ name: 'backup' })],
]

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/'
  for (const [re, make] of patterns) {
    const m = re.exec(path)
    if (m) return make(m)
  }
  return { name: 'notFound' }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
    case 'notFound':
      return '#/'
    case 'newCouncil':
      return '#/councils/new'
    case 'joinCouncil':
      return '#/councils/join'
    case 'council':
      return `#/c/${route.councilId}/${route.tab}`
    case 'importMembers':
      return `#/c/${route.councilId}/members/import`
    case 'newMeeting':
      return `#/c/${route.councilId}/meetings/new`
    case 'meeting':
      return `#/c/${route.councilId}/m/${route.meetingId}`
    case 'notice':
      return `#/c/${route.councilId}/m/${route.meetingId}/notice`
    case 'session':
      return `#/c/${route.councilId}/m/${route.meetingId}/session/${route.tab}`
    case 'projector':
      return `#/c/${route.councilId}/m/${route.meetingId}/projector`
    case 'minutes':
      return `#/c/${route.councilId}/m/${route.meetingId}/minutes/${route.tab}`
    case 'importHouseholds':
      return `#/c/${route.councilId}/households/import`
    case 'newCampaign':
      return `#/c/${route.councilId}/campaigns/new`
    case 'campaign':
      return `#/c/${route.councilId}/k/${route.campaignId}/${route.tab}`
    case 'newRequest':
      return `#/c/${route.councilId}/requests/new`
    case 'request':
      return `#/c/${route.councilId}/r/${route.year}/${route.requestId}`
    case 'matter':
      return `#/c/${route.councilId}/x/${route.year}/${route.matterId}`
    case 'fundYear':
      return `#/c/${route.councilId}/f/${route.year}/${route.tab}`
    case 'fundProject':
      return `#/c/${route.councilId}/f/${route.year}/p/${route.projectId}`
    case 'review':
      return '#/review'
    case 'backup':
      return '#/backup'
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route).slice(1)
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const on = () => setHash(window.location.hash)
    window.addEventListener('hashchange', on)
    // A link followed between the first draw and this effect (the first screen comes with its
    // links in its first draw): its hashchange came before anyone listened.
    on()
    return () => window.removeEventListener('hashchange', on)
  }, [])
  return useMemo(() => parseRoute(hash), [hash])
}

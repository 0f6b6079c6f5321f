// The signing state as a daily notice shows it: for a chosen day, the entries dated up to that
// day (as the daily series counts them, so a paper form typed in later lands on its day) and the
// window as it stood on that day. The rules are signingState's; nothing is recounted here.
import { closesAtMs, windowState, type CampaignEntry, type CampaignSettings } from '../domain/campaign'
import { signingState, type SigningState } from '../domain/campaignSigning'
import type { IsoDate } from '../domain/dates'
import type { Household } from '../domain/household'

/**
 * The signing state at the end of `day` (community time), or now when the day is today or later.
 * Pass the entries the rules read (a decided campaign's entries without the late ones).
 */
export function signingStateOnDay(settings: CampaignSettings, households: readonly Household[], entries: readonly CampaignEntry[], day: IsoDate, now: string): SigningState {
  const today = windowState(settings, now).today
  // The last instant of that day in the community: the window as it stood when the day ended.
  const at = day < today ? new Date(closesAtMs({ deadline: day, utcOffsetMinutes: settings.utcOffsetMinutes }) - 1).toISOString() : now
  return signingState(
    settings,
    households,
    entries.filter((e) => e.date <= day),
    at,
  )
}

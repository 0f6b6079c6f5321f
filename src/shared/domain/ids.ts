// Branded ids, so a MemberId cannot be passed where a MeetingId is expected.
import { randomUUID } from '../runtime'

declare const brand: unique symbol
export type Brand<T, B extends string> = T & { readonly [brand]: B }

export type CouncilId = Brand<string, 'CouncilId'>
export type MemberId = Brand<string, 'MemberId'>
export type MeetingId = Brand<string, 'MeetingId'>
export type AgendaItemId = Brand<string, 'AgendaItemId'>
export type MotionId = Brand<string, 'MotionId'>
export type SpeechId = Brand<string, 'SpeechId'>
export type VoteId = Brand<string, 'VoteId'>
export type ObserverId = Brand<string, 'ObserverId'>

/**
 * What an id looks like (a UUID, or a readable id in tests and fixtures), written once: the
 * router, the IPC validators and the doc accessors all build on this source.
 */
export const ID_CHARS = '[0-9a-z-]{8,64}'
export const ID_PATTERN = new RegExp(`^${ID_CHARS}$`, 'u')

export function isIdString(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value)
}

export const newCouncilId = (): CouncilId => randomUUID() as CouncilId
export const newMemberId = (): MemberId => randomUUID() as MemberId
export const newMeetingId = (): MeetingId => randomUUID() as MeetingId
export const newAgendaItemId = (): AgendaItemId => randomUUID() as AgendaItemId
export const newMotionId = (): MotionId => randomUUID() as MotionId
export const newSpeechId = (): SpeechId => randomUUID() as SpeechId
export const newVoteId = (): VoteId => randomUUID() as VoteId
export const newObserverId = (): ObserverId => randomUUID() as ObserverId
/** Entries kept side by side (attendance events, roll-call entries): unique, never merged. */
export const newEntryId = (): string => randomUUID()

export function asCouncilId(value: string): CouncilId {
  if (!isIdString(value)) throw new Error(`not an id: ${JSON.stringify(value).slice(0, 80)}`)
  return value as CouncilId
}
export function asMeetingId(value: string): MeetingId {
  if (!isIdString(value)) throw new Error(`not an id: ${JSON.stringify(value).slice(0, 80)}`)
  return value as MeetingId
}

// Writes of the follow-up section (落实) and the result notice (实施结果公开): each one transaction on
// the year's matters document through kit/write.ts, resolved only once stored; the rules are the
// shared ones (matters/followUp.ts, doc/mattersResultNotice.ts), called by the document modules.
// Also what their refusals say, in the user's language.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileRef } from '../../../shared/files/fileRef'
import type { FollowUpFields, Milestone } from '../../../shared/matters/followUp'
import type { ReplyChannel } from '../../../shared/matters/requests'
import type { IsoDate } from '../../../shared/domain/dates'
import { addMilestone, addNote, attachFile, completeFollowUp, openFollowUp, updateFollowUp, updateMilestone, type AttachTarget } from '../../../shared/doc/mattersFollowUp'
import { addResultObjection, handleResultObjection, postResultNoticeAndStep } from '../../../shared/doc/mattersResultNotice'
import { replyToAllOfMatter } from '../../../shared/doc/mattersLinks'
import { DocError } from '../../../shared/doc/errors'
import type { AppEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import type { DescribeError } from '../../kit/useFormAction'
import { writeDoc } from '../../kit/write'
import type { DocHandle } from '../../sync/docs'
import { recorder } from './actions'

type H = DocHandle

/**
 * Opens the follow-up as of the resolution's date, not the day it is typed in: a resolution recorded
 * after the fact (from a paper record) keeps its real deadline, already past if it is.
 */
export const startFollowUp = (env: AppEnv, h: H, matterId: string, f: FollowUpFields, resolvedOn: IsoDate): Promise<void> => writeDoc(env, h, (d) => openFollowUp(d, matterId, f, resolvedOn))

export const changeFollowUp = (env: AppEnv, h: H, matterId: string, patch: Partial<FollowUpFields>): Promise<void> => writeDoc(env, h, (d) => updateFollowUp(d, matterId, patch))

export const newMilestone = (env: AppEnv, h: H, matterId: string, m: { title: string; due: string }): Promise<string> => writeDoc(env, h, (d) => addMilestone(d, matterId, m))

export const changeMilestone = (env: AppEnv, h: H, id: string, patch: Partial<Pick<Milestone, 'title' | 'due' | 'doneOn' | 'note'>>): Promise<void> => writeDoc(env, h, (d) => updateMilestone(d, id, patch))

/** A note and the photos picked with it, in one transaction: stored together or not at all. */
export function newNote(env: AppEnv, h: H, matterId: string, n: { on: string; text: string }, files: readonly FileRef[]): Promise<string> {
  return writeDoc(env, h, (d, now) => {
    const who = recorder(d, now)
    let id = ''
    d.transact(() => {
      id = addNote(d, matterId, n, who)
      for (const f of files) attachFile(d, { kind: 'note', id }, f, who)
    })
    return id
  })
}

export function attachTo(env: AppEnv, h: H, on: AttachTarget, files: readonly FileRef[]): Promise<void> {
  return writeDoc(env, h, (d, now) => {
    const who = recorder(d, now)
    d.transact(() => {
      for (const f of files) attachFile(d, on, f, who)
    })
  })
}

export const complete = (env: AppEnv, h: H, matterId: string, on: string): Promise<void> => writeDoc(env, h, (d) => completeFollowUp(d, matterId, on))

export const postNotice = (env: AppEnv, h: H, matterId: string, n: { place: string; startDate: string; endDate: string }): Promise<void> => writeDoc(env, h, (d, now) => postResultNoticeAndStep(d, matterId, n, recorder(d, now)))

export const newObjection = (env: AppEnv, h: H, matterId: string, o: { receivedOn: string; from: string; content: string }): Promise<string> => writeDoc(env, h, (d) => addResultObjection(d, matterId, o))

export const settleObjection = (env: AppEnv, h: H, id: string, x: { handling: string; handledOn: string }): Promise<void> => writeDoc(env, h, (d) => handleResultObjection(d, id, x))

export const replyToAll = (env: AppEnv, h: H, matterId: string, r: { on: string; how: ReplyChannel; what: string }): Promise<string[]> => writeDoc(env, h, (d, now) => replyToAllOfMatter(d, matterId, r, recorder(d, now)))

/** Field codes of these writes that the app's common messages do not have. */
const OWN_FIELD_CODES = ['beforeOpened', 'beforeResolution', 'beforeCompleted', 'beforeStart'] as const
const isOwnCode = (c: unknown): c is (typeof OWN_FIELD_CODES)[number] => (OWN_FIELD_CODES as readonly unknown[]).includes(c)

/**
 * What a refused follow-up write shows: a rule's reason (milestones still open…) in words of the
 * matters namespace rather than the generic "wrong state", and this section's own field codes.
 */
export function useFollowUpErrors(): DescribeError {
  const { t } = useTranslation(['matters', 'common'])
  const errs = useErrors()
  return useMemo<DescribeError>(
    () => (e) => {
      const reason = e instanceof DocError && e.code === 'badTransition' ? (e.detail as { reason?: unknown } | undefined)?.reason : undefined
      if (typeof reason === 'string') return { fields: {}, banner: t(`matters:followUp.refusal.${reason}`, { defaultValue: t(`matters:refusal.${reason}`, { defaultValue: errs.message(e) }) }) }
      const detail = e instanceof DocError && e.code === 'invalidInput' ? ((e.detail ?? {}) as Record<string, unknown>) : null
      if (!detail) return errs.describe(e)
      // The common messages get only the codes they know (asking them for ours logs a missing key).
      const common = Object.fromEntries(Object.entries(detail).filter(([, code]) => !isOwnCode(code)))
      const d = errs.describe(new DocError('invalidInput', common))
      for (const [k, code] of Object.entries(detail)) if (isOwnCode(code)) d.fields[k] = t(`matters:followUp.field.${code}`)
      return d
    },
    [t, errs],
  )
}

// The open meeting's document, for the meeting screen and its printable notice.
import { createContext, useContext, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Meeting } from '../../shared/domain/meeting'
import { asMeetingId } from '../../shared/domain/ids'
import { readMeeting } from '../../shared/doc/meeting'
import { meetingDocName } from '../../shared/doc/names'
import { useDocHandle, useDocValue } from './docHooks'
import { useErrors } from './errors'
import type { DocHandle } from '../sync/docs'
import { Banner } from '../ui/Banner'
import { useCouncil } from './CouncilContext'

export interface MeetingCtx {
  handle: DocHandle
  meeting: Meeting
}

const Ctx = createContext<MeetingCtx | null>(null)

export function useMeeting(): MeetingCtx {
  const c = useContext(Ctx)
  if (!c) throw new Error('useMeeting outside MeetingProvider')
  return c
}

export function MeetingProvider({ meetingId, children }: { meetingId: string; children: ReactNode }) {
  const { t } = useTranslation('common')
  const errs = useErrors()
  const { council } = useCouncil()
  const state = useDocHandle(meetingDocName(council.id, asMeetingId(meetingId)))
  const handle = state.status === 'ready' ? state.handle : null
  const meeting = useDocValue(handle?.doc ?? null, readMeeting)
  if (state.status === 'error') return <Banner kind="error">{errs.message(state.error)}</Banner>
  if (!handle) return <p>{t('status.loading')}</p>
  if (!meeting) return <Banner kind="error">{t('errors.notFound')}</Banner>
  return (
    <Ctx.Provider value={{ handle, meeting }}>
      {/* A council joined read-only says so once, above every screen of it. */}
      {handle.readOnly && handle.readOnlyReason !== 'access' ? <Banner kind="info">{t('status.readOnly')}</Banner> : null}
      {children}
    </Ctx.Provider>
  )
}

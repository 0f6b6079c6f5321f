// Before a vote on a fund project: the line the session's vote screen shows under the motion, read
// from the fund document of the meeting's year by the motion's agenda item (the link the fund's
// decide tab wrote when it tabled the list, shared/doc/fundTabling.ts). Nothing shows for a motion
// that carries no fund project. The fund document is only read here, never started.
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { fundYear } from '../../shared/doc/fund'
import { fundVoteLine } from '../../shared/doc/fundTabling'
import type { Motion } from '../../shared/doc/motions'
import { yearOf } from '../../shared/domain/dates'
import { formatYuan } from '../../shared/fund/money'
import { fundRefusalText } from '../../shared/fund/messages'
import { Banner } from '../ui/Banner'
import { useCouncil } from './CouncilContext'
import { useDocHandle, useDocValue } from './docHooks'
import { useMeeting } from './MeetingContext'
import { yearDocName } from './yearDoc'

const meetingVersion = (d: Y.Doc) => ({ d })

export function FundVoteLine({ motion }: { motion: Pick<Motion, 'itemId'> }) {
  const { t } = useTranslation('fund')
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const fund = useDocHandle(yearDocName('fund', council.id, yearOf(meeting.startsAt)))
  // A new object after every meeting transaction: the line is read again when another vote closes.
  const tick = useDocValue(handle.doc, meetingVersion)
  const read = useCallback((d: Y.Doc) => (tick && fundYear(d) !== null ? fundVoteLine(d, handle.doc, meeting.id, motion.itemId) : null), [tick, handle.doc, meeting.id, motion.itemId])
  const line = useDocValue(fund.status === 'ready' ? fund.handle.doc : null, read)
  if (!line) return null
  const a = line.affordability
  return line.over > 0 ? (
    <Banner kind="error" quiet>
      {fundRefusalText(t as (k: string, o?: Record<string, unknown>) => string, { reason: 'overAvailable', available: a.available, approvedTotal: a.approvedTotal, budget: line.budget, over: line.over })}
    </Banner>
  ) : (
    <Banner kind="info" quiet>
      {t('vote.fits', { title: line.title, budget: formatYuan(line.budget), total: formatYuan(line.approvedIfPassed), available: formatYuan(a.available) })}
    </Banner>
  )
}

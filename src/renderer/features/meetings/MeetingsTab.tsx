// A council's meetings, newest first, from Dexie projections: filter by year and status,
// search by title. Opening this list loads no meeting document.
import { useEffect, useMemo, useRef, useState } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import type { MeetingStatus } from '../../../shared/domain/meeting'
import { useEnv } from '../../kit/env'
import type { MeetingRow } from '../../data/db'
import { href } from '../../kit/router'
import { formatDateTime } from '../../kit/format'
import { councilMeetings, filterMeetings, sameRows, takeMeetingsReadAhead, yearsOf } from '../../data/projections'
import { useCouncil } from '../../kit/CouncilContext'
import { ensureProjections } from '../../kit/meetingList'
import { useWatchMeetings, watchedNames } from './useWatchMeetings'
import { StatusPill } from '../../ui/StatusPill'
import { useDocValue } from '../../kit/docHooks'
import { meetingIds } from '../../../shared/doc/council'
import { useSyncStatus } from '../sync/useSyncStatus'
import type * as Y from 'yjs'
import { Table } from '../../ui/Table'
import { MeetingFilters } from './MeetingFilters'
import { HistoryStatus } from './HistoryStatus'

const meetingKeyOf = (doc: Y.Doc): string => meetingIds(doc).sort().join(',')

export function MeetingsTab() {
  const { t, i18n } = useTranslation(['meetings', 'common'])
  const env = useEnv()
  const { council, handle } = useCouncil()
  const [year, setYear] = useState<number | null>(null)
  const [status, setStatus] = useState<MeetingStatus | null>(null)
  const [text, setText] = useState('')
  // One read of the council's rows; the filters and the year list work on it in memory.
  // The first rows may have been read while the app started (readMeetingsAhead); a read that
  // brings the same rows keeps the array, so the list is not drawn twice.
  const read = useLiveQuery(() => councilMeetings(env.db, council.id), [env.db, council.id], takeMeetingsReadAhead(council.id))
  const kept = useRef<MeetingRow[] | undefined>(undefined)
  if (read && !sameRows(kept.current, read)) kept.current = read
  const all = read && kept.current
  const rows = useMemo(() => all && filterMeetings(all, { year, status, text }), [all, year, status, text])
  const years = useMemo(() => yearsOf(all ?? []), [all])

  // Meetings that reached this device only through the council document get their list rows:
  // again whenever the council's list of meetings changes (a meeting made on another device)
  // and when sync comes back (meetings that could not be fetched offline).
  const meetingKey = useDocValue(handle.doc, meetingKeyOf)
  const syncState = useSyncStatus(council.id).state
  const synced = syncState === 'synced'
  useEffect(() => {
    ensureProjections(env, handle, council.id).catch((e: unknown) => console.error('could not list every meeting', e))
  }, [env, handle, council.id, meetingKey, synced])
  // Rows whose meeting can still change on another device follow it without being opened (a
  // council kept on this device alone has no other device: nothing to watch).
  useWatchMeetings(env, rows && syncState !== 'local' ? watchedNames(council.id, rows) : '')

  return (
    <section aria-labelledby="meetings-title">
      <div className="row">
        <h2 id="meetings-title">{t('meetings:title')}</h2>
        <span className="spacer" />
        {!handle.readOnly ? (
          <a className="button primary" href={href({ name: 'newMeeting', councilId: council.id })}>
            {t('meetings:new')}
          </a>
        ) : null}
      </div>
      <MeetingFilters text={text} setText={setText} year={year} setYear={setYear} years={years} status={status} setStatus={setStatus} />
      <HistoryStatus councilId={council.id} councilDoc={handle.doc} />
      {rows === undefined ? (
        <p>{t('common:status.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="card">{year || status || text ? t('meetings:noMatch') : t('meetings:empty')}</p>
      ) : (
        <Table
          labelledBy="meetings-title"
          className="meetings"
          numeric={[3]}
          columns={[t('meetings:fields.startsAt'), t('meetings:fields.title'), t('meetings:fields.place'), t('meetings:fields.itemCount'), t('meetings:fields.status')]}
        >
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(i18n.language, r.startsAt)}</td>
              <td>
                <a href={href({ name: 'meeting', councilId: council.id, meetingId: r.id })}>{r.title}</a>
              </td>
              <td>{r.place}</td>
              <td className="num">{r.itemCount}</td>
              <td>
                <StatusPill status={r.status} label={t(`common:enums.meetingStatus.${r.status}`)} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  )
}

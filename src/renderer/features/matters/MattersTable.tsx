// The matters of one year's document as a table: opened on, title (a link to the matter), who
// proposed it, its path, the step it stands at with that step's state, and its follow-up's status
// today. Overdue follow-ups come first and their rows stand out, as the street office asks for them.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readMatters, readStepEntries } from '../../../shared/doc/matters'
import { readFollowUps, readMilestones } from '../../../shared/doc/mattersFollowUp'
import type { IsoDate } from '../../../shared/domain/dates'
import { followUpState, type FollowUpState } from '../../../shared/matters/followUp'
import type { Matter } from '../../../shared/matters/matter'
import { resolvePath, type ResolvedPath } from '../../../shared/matters/matterPath'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { href } from '../../kit/router'
import type { DocHandle } from '../../sync/docs'
import { StatusPill } from '../../ui/StatusPill'
import { Table } from '../../ui/Table'
import { CurrentStep } from './StepLabels'

interface Row {
  matter: Matter
  path: ResolvedPath
  followUp: FollowUpState | null
}

/** Every matter with its path as it stands and its follow-up's state today (the shared rules), overdue ones first. */
const readRows =
  (today: IsoDate) =>
  (doc: Y.Doc): Row[] => {
    const entries = readStepEntries(doc)
    const followUps = new Map(readFollowUps(doc).map((f) => [f.matterId, f]))
    const milestones = readMilestones(doc)
    const rows = readMatters(doc).map((matter) => {
      const f = followUps.get(matter.id)
      return {
        matter,
        path: resolvePath(matter.path, entries.filter((e) => e.matterId === matter.id)),
        followUp: f ? followUpState(f, milestones, today) : null,
      }
    })
    const late = (r: Row) => r.followUp?.daysOverdue ?? 0
    return rows.sort((a, b) => late(b) - late(a))
  }

export function MattersTable({ handle, councilId, year }: { handle: DocHandle; councilId: string; year: number }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const today = useEnv().today()
  const read = useMemo(() => readRows(today), [today])
  const rows = useDocValue(handle.doc, read) ?? []
  if (rows.length === 0) return <p className="card">{t('matters:matterList.empty')}</p>
  return (
    <Table
      labelledBy="matters-title"
      columns={[
        t('matters:matterList.openedOn'),
        t('matters:matterList.name'),
        t('matters:matterList.proposer'),
        t('matters:matterList.path'),
        t('matters:matterList.current'),
        t('matters:matterList.followUp'),
      ]}
    >
      {rows.map(({ matter, path, followUp }) => (
        <tr key={matter.id} className={followUp?.status === 'overdue' ? 'overdue' : undefined}>
          <td>{formatDate(i18n.language, matter.openedOn)}</td>
          <td>
            <a href={href({ name: 'matter', councilId, year, matterId: matter.id })}>{matter.title}</a>
          </td>
          <td>{matter.proposer.name}</td>
          <td>{t(`matters:path.${matter.path}`)}</td>
          <td>
            <CurrentStep path={path} /> {path.outcome !== 'inProgress' ? <StatusPill status={`path-${path.outcome}`} label={t(`matters:pathOutcome.${path.outcome}`)} /> : null}
          </td>
          <td>
            {followUp ? <StatusPill status={`follow-${followUp.status}`} label={t(`matters:followUpStatus.${followUp.status}`)} /> : null}
            {followUp?.status === 'overdue' ? (
              <span className="warn">
                {' '}
                {t('matters:followUp.overdueBy', { count: followUp.daysOverdue })}
              </span>
            ) : null}
          </td>
        </tr>
      ))}
    </Table>
  )
}

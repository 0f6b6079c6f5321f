// The council's home screen: the current year's resolutions whose follow-up is past its deadline,
// the longest overdue first, each a link to its matter. It opens no document but this year's matters
// document, and only once the council lists that year (never starts it: opening a council writes nothing).
import { useTranslation } from 'react-i18next'
import { indexedYears } from '../../../shared/doc/council'
import { readMatters } from '../../../shared/doc/matters'
import { readFollowUps, readMilestones } from '../../../shared/doc/mattersFollowUp'
import { overdueFollowUps } from '../../../shared/matters/followUp'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { href } from '../../kit/router'
import { yearDocName } from '../../kit/yearDoc'

export function OverdueBanner() {
  const env = useEnv()
  const { council, handle: councilHandle } = useCouncil()
  const today = env.today()
  const year = Number(today.slice(0, 4))
  const listed = useDocValue(councilHandle.doc, (d) => indexedYears(d, 'matters').includes(year))
  const state = useDocHandle(listed ? yearDocName('matters', council.id, year) : null)
  const doc = state.status === 'ready' ? state.handle.doc : null
  const overdue = useDocValue(doc, (d) => {
    const titles = new Map(readMatters(d).map((m) => [m.id, m.title]))
    return overdueFollowUps(readFollowUps(d), readMilestones(d), today).map((x) => ({ ...x, title: titles.get(x.followUp.matterId) ?? '' }))
  })
  if (!overdue || overdue.length === 0) return null
  return <OverdueList councilId={council.id} year={year} overdue={overdue} />
}

interface OverdueRow {
  followUp: { matterId: string; owner: string; deadline: string }
  state: { daysOverdue: number }
  title: string
}

function OverdueList({ councilId, year, overdue }: { councilId: string; year: number; overdue: readonly OverdueRow[] }) {
  const { t, i18n } = useTranslation(['matters'])
  return (
    <section className="banner error overdue-banner" aria-labelledby="overdue-title">
      <h2 id="overdue-title">{t('matters:overdue.title', { count: overdue.length })}</h2>
      <ul className="plain">
        {overdue.map((x) => (
          <li key={x.followUp.matterId}>
            <a href={href({ name: 'matter', councilId, year, matterId: x.followUp.matterId })}>{x.title}</a>{' '}
            {t('matters:overdue.line', { owner: x.followUp.owner, deadline: formatDate(i18n.language, x.followUp.deadline), count: x.state.daysOverdue })}
          </li>
        ))}
      </ul>
    </section>
  )
}

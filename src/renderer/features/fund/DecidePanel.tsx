// The fund year's decide tab (FundYearScreen.tsx): the listed projects, each voted on separately.
// Before the votes Yishi says, project by project, whether approving it still fits the money
// available (affordability, shared/fund/decision.ts); the list is tabled in a meeting whose own
// vote machinery runs the votes; the frozen results are recorded as decisions here; a decision
// taken in a residents' meeting outside Yishi is recorded by hand; then the 决议公示.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatYuan } from '../../../shared/fund/money'
import { useDocValue } from '../../kit/docHooks'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { Table } from '../../ui/Table'
import { DecideFromMeeting } from './DecideFromMeeting'
import { DecideNotice } from './DecideNotice'
import { DecideOutside } from './DecideOutside'
import { readDecide } from './DecideRead'
import { DecideTabling } from './DecideTabling'

export function DecidePanel({ handle, year }: { handle: DocHandle; year: number }) {
  const { t } = useTranslation(['fund', 'common'])
  const v = useDocValue(handle.doc, readDecide)
  const [notice, setNotice] = useState(false)
  if (!v) return null
  if (notice) return <DecideNotice handle={handle} year={year} onBack={() => setNotice(false)} />
  const a = v.afford
  const budgetOf = (id: string) => v.list.find((x) => x.proposalId === id)!.budget
  return (
    <>
      <p role="status" className="figures">
        {t('fund:decide.figures', { available: formatYuan(a.available), approved: formatYuan(a.approvedTotal), remaining: formatYuan(a.remaining) })}
      </p>
      {v.decisions.overAvailable ? <Banner kind="error">{t('fund:decide.overAvailable', { over: formatYuan(v.decisions.overAvailable.over) })}</Banner> : null}
      <h2 id="fund-decide">{t('fund:decide.title')}</h2>
      {v.listed.length ? (
        <Table labelledBy="fund-decide" columns={[t('fund:proposal.title'), t('fund:decide.budget'), t('fund:decide.vote'), t('fund:decide.fits')]} numeric={[1]}>
          {v.listed.map((p) => {
            const pending = a.pending.find((x) => x.proposalId === p.id)
            const vote = v.votes.get(p.id) ?? 'pending'
            return (
              <tr key={p.id}>
                <th scope="row">{p.title}</th>
                <td className="num">¥{formatYuan(budgetOf(p.id))}</td>
                <td>{t(`fund:decide.outcome.${vote}`)}</td>
                <td>{pending ? (pending.fits ? t('fund:decide.wouldFit', { total: formatYuan(a.approvedTotal + pending.budget), available: formatYuan(a.available) }) : t('fund:decide.wouldExceed', { over: formatYuan(pending.over) })) : t('fund:dash')}</td>
              </tr>
            )
          })}
        </Table>
      ) : (
        <p>{t('fund:decide.noneListed')}</p>
      )}
      {a.overIfAllApproved > 0 ? <Banner kind="info" quiet>{t('fund:decide.mustChoose', { over: formatYuan(a.overIfAllApproved) })}</Banner> : null}
      <DecideTabling handle={handle} year={year} />
      <DecideFromMeeting handle={handle} />
      <DecideOutside handle={handle} />
      <div className="row">
        <button onClick={() => setNotice(true)} disabled={v.decisions.outcomes.size === 0}>
          {t('fund:publish.show')}
        </button>
      </div>
    </>
  )
}

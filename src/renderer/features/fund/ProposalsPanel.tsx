// The fund year's proposals tab (FundYearScreen.tsx): record proposals, screen each one (list,
// exclude with its reason and the proposer's reply, merge a duplicate), and the proposal list
// (项目建议清单) with its total against the money available, printable.
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readAvailable, readList, readListItem, readProposalReplies, readProposalStates } from '../../../shared/doc/fund'
import { formatYuan } from '../../../shared/fund/money'
import { proposalList, type ProposalState } from '../../../shared/fund/proposals'
import { useDocValue } from '../../kit/docHooks'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { Table } from '../../ui/Table'
import { plainT } from './fundActions'
import { listItemText } from './OverviewLists'
import { ProposalForm } from './ProposalForm'
import { ProposalListPrint } from './ProposalListPrint'
import { ProposalReply } from './ProposalReply'
import { ProposalScreen } from './ProposalScreen'

function read(d: Y.Doc) {
  const states = [...readProposalStates(d).values()]
  const replies = readProposalReplies(d)
  return {
    states,
    negative: readList(d, 'negative'),
    priority: readList(d, 'priority'),
    replied: new Map(replies.map((r) => [r.proposalId, r])),
    list: proposalList(readProposalStates(d), readAvailable(d)),
    item: (id: string | null) => (id ? readListItem(d, id) : null),
  }
}

function statusText(t: (k: string, o?: Record<string, unknown>) => string, s: ProposalState, v: ReturnType<typeof read>): string {
  const e = s.screening
  if (e?.kind === 'excluded') {
    const item = v.item(e.negativeItem)
    return t('fund:screening.excludedBecause', { reason: [item ? listItemText(t, item) : '', e.reason].filter(Boolean).join(t('fund:screening.reasonSeparator')) })
  }
  if (e?.kind === 'merged') return t('fund:screening.mergedInto', { title: v.states.find((o) => o.proposal.id === e.into)?.proposal.title ?? '' })
  return t(`fund:status.${s.status}`)
}

export function ProposalsPanel({ handle, year }: { handle: DocHandle; year: number }) {
  const { t } = useTranslation(['fund', 'common'])
  const v = useDocValue(handle.doc, read)
  const [printing, setPrinting] = useState(false)
  if (!v) return null
  if (printing) return <ProposalListPrint handle={handle} year={year} onBack={() => setPrinting(false)} />
  const inPlay = v.states.filter((s) => s.status === 'open' || s.status === 'listed')
  return (
    <>
      <ProposalForm handle={handle} year={year} />
      <h2 id="fund-proposals">{t('fund:proposal.title_list', { count: v.states.length })}</h2>
      <Table labelledBy="fund-proposals" columns={[t('fund:proposal.title'), t('fund:proposal.name'), t('fund:proposal.category'), t('fund:proposal.beneficiaries'), t('fund:proposal.cost'), t('fund:proposal.status')]} numeric={[3, 4]}>
        {v.states.map((s) => (
          <Fragment key={s.proposal.id}>
            <tr>
              <th scope="row">{s.proposal.title}</th>
              <td>{t('fund:proposal.sourceLine', { source: t(`fund:source.${s.proposal.source.kind}`), name: s.proposal.source.name })}</td>
              <td>{t(`fund:category.${s.proposal.category}`)}</td>
              <td className="num">{s.proposal.beneficiaries}</td>
              <td className="num">¥{formatYuan(s.proposal.estimatedCost)}</td>
              <td>{statusText(plainT(t), s, v)}</td>
            </tr>
            {s.status === 'open' && !handle.readOnly ? (
              <tr>
                <td colSpan={6}>
                  <ProposalScreen handle={handle} state={s} others={inPlay.filter((o) => o.proposal.id !== s.proposal.id)} negative={v.negative} priority={v.priority} />
                </td>
              </tr>
            ) : null}
            {s.status === 'excluded' ? (
              <tr>
                <td colSpan={6}>
                  {v.replied.get(s.proposal.id) ? (
                    <span>{t('fund:reply.done', { what: v.replied.get(s.proposal.id)!.what })}</span>
                  ) : handle.readOnly ? null : (
                    <ProposalReply handle={handle} proposalId={s.proposal.id} title={s.proposal.title} />
                  )}
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </Table>
      <section className="card" aria-labelledby="fund-list">
        <h2 id="fund-list">{t('fund:list.title')}</h2>
        <p role="status">{t('fund:list.count', { count: v.list.rows.length })}</p>
        <Banner kind={v.list.margin >= 0 ? 'info' : 'error'} quiet>
          {v.list.margin >= 0
            ? t('fund:list.fits', { total: formatYuan(v.list.total), available: formatYuan(v.list.available), margin: formatYuan(v.list.margin) })
            : t('fund:list.over', { total: formatYuan(v.list.total), available: formatYuan(v.list.available), over: formatYuan(-v.list.margin) })}
        </Banner>
        <button onClick={() => setPrinting(true)}>{t('fund:list.print')}</button>
      </section>
    </>
  )
}

// The street office's review of a fund-year file (保障资金年度备案, shared/fund/bundle.ts): the file
// is verified (hash and signature) or refused with the reason; a verified one shows whose year it
// is, each approved project's budget and payments recomputed from the records, and the four
// questions (vouchers, budgets, disclosure, the negative list) with the findings behind them.
import { useTranslation } from 'react-i18next'
import { reviewFundBundle, type FundReviewResult } from '../../../shared/fund/bundle'
import type { FundFinding } from '../../../shared/fund/checks'
import { formatYuan } from '../../../shared/fund/money'
import { fundReviewChecks } from '../../../shared/fund/reviewChecks'
import { projectTitle, type FundYearSnapshot } from '../../../shared/fund/year'
import { Banner } from '../../ui/Banner'
import { SignedFileCard } from './SignedFileCard'
import { Table } from '../../ui/Table'

type Opened = { fileName: string; result: FundReviewResult }
type PlainT = (key: string, o?: Record<string, unknown>) => string

/** The finding's words and what it concerns (the project's title, the amounts). */
function findingText(t: PlainT, f: FundFinding, y: FundYearSnapshot): string {
  const parts = [t(`fund:finding.${f.code}`)]
  if ('projectId' in f) parts.push(projectTitle(y, f.projectId))
  if ('proposalId' in f) parts.push(projectTitle(y, f.proposalId))
  if ('amount' in f) parts.push(`¥${formatYuan(f.amount)}`)
  if ('over' in f) parts.push(`+¥${formatYuan(f.over)}`)
  if ('word' in f) parts.push(`「${f.word}」`)
  return parts.join(' · ')
}

function FundResult({ opened }: { opened: Opened }) {
  const { t: tt } = useTranslation(['review', 'fund'])
  const t = tt as unknown as PlainT
  const r = opened.result
  if (!r.ok) {
    const reason = r.reason === 'hashMismatch' || r.reason === 'badSignature' ? t(`review:fund.reason.${r.reason}`) : t(`review:reason.${r.reason}`)
    return <Banner kind="error">{t('review:rejected', { file: opened.fileName, reason })}</Banner>
  }
  const { file, seal } = r.bundle
  const y = r.snapshot
  const projects = [...y.decisions.budgets.keys()].sort((a, b) => projectTitle(y, a).localeCompare(projectTitle(y, b)))
  return (
    <div data-testid="fund-review">
      <div className="banner ok" role="status">
        {t('review:fund.verified', { file: opened.fileName, council: file.council.name, year: file.year, hash: seal.hash.slice(0, 16) })}
      </div>
      <Table label={t('review:fund.projects')} numeric={[1, 2]} columns={[t('review:fund.project'), t('review:fund.budget'), t('review:fund.paid')]}>
        {projects.map((id) => (
          <tr key={id}>
            <td>{projectTitle(y, id)}</td>
            <td className="num">{formatYuan(y.decisions.budgets.get(id) ?? 0)}</td>
            <td className="num">{formatYuan(y.ledger.projects.get(id)?.paid ?? 0)}</td>
          </tr>
        ))}
      </Table>
      <h3>{t('review:fund.checks')}</h3>
      <ul className="plain findings" aria-label={t('review:fund.checks')}>
        {fundReviewChecks(r.findings).map((c) => (
          <li key={c.check} className={`finding finding-${c.state === 'failed' ? 'error' : c.state === 'lookAt' ? 'warning' : 'ok'}`} data-testid={`fund-check-${c.check}`}>
            <strong>{t(`review:fund.state.${c.state}`)}</strong> {t(`review:fund.check.${c.check}`)}
            {c.findings.length ? (
              <ul>
                {c.findings.map((f, i) => (
                  <li key={i}>{findingText(t, f, y)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}

export function FundReview() {
  return <SignedFileCard kind="fund" review={reviewFundBundle} result={(opened) => <FundResult opened={opened} />} />
}

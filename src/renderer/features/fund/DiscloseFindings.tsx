// What the street office's checks find in the fund year (fundYearFindings): each finding with its
// severity, the project or proposal it concerns and its amounts; or that there is nothing to point out.
import { useTranslation } from 'react-i18next'
import type { FundFinding } from '../../../shared/fund/checks'
import { formatYuan } from '../../../shared/fund/money'
import { usePlainT } from './projectActions'

function detail(f: FundFinding, title: (id: string) => string): string {
  const parts: string[] = []
  if ('projectId' in f) parts.push(title(f.projectId))
  if ('proposalId' in f) parts.push(title(f.proposalId))
  if ('amount' in f) parts.push(`¥${formatYuan(f.amount)}`)
  if ('over' in f) parts.push(`+¥${formatYuan(f.over)}`)
  if ('word' in f) parts.push(`「${f.word}」`)
  return parts.join(' · ')
}

export function DiscloseFindings({ findings, titles }: { findings: readonly FundFinding[]; titles: ReadonlyMap<string, string> }) {
  const { t } = useTranslation(['fund'])
  const pt = usePlainT()
  const title = (id: string) => titles.get(id) ?? id
  return (
    <section className="card" aria-labelledby="disclose-findings-h">
      <h3 id="disclose-findings-h">{t('fund:disclose.findings')}</h3>
      {findings.length === 0 ? (
        <p>{t('fund:disclose.noFindings')}</p>
      ) : (
        <ul className="findings">
          {findings.map((f, i) => {
            const d = detail(f, title)
            return (
              <li key={i} className={`finding finding-${f.severity}`}>
                <strong>{pt(`fund:disclose.severity.${f.severity}`)}</strong> {pt(`fund:finding.${f.code}`)}
                {d ? ` — ${d}` : ''}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

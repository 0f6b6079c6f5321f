// One fund year, in the tabs of its steps: overview (money in, the opening notice), proposals and
// their screening, the decision, the projects, the ledger, and the disclosure. Each tab is its own
// panel over the year's document (kit/yearDoc.ts).
import { useTranslation } from 'react-i18next'
import { FUND_TABS, href, type FundTab } from '../../kit/router'
import { useCouncil } from '../../kit/CouncilContext'
import { useYearDoc } from '../../kit/yearDoc'
import { useErrors } from '../../kit/errors'
import { Banner } from '../../ui/Banner'
import { OverviewPanel } from './OverviewPanel'
import { ProposalsPanel } from './ProposalsPanel'
import { DecidePanel } from './DecidePanel'
import { ProjectsPanel } from './ProjectsPanel'
import { LedgerPanel } from './LedgerPanel'
import { DisclosePanel } from './DisclosePanel'

const PANELS = { overview: OverviewPanel, proposals: ProposalsPanel, decide: DecidePanel, projects: ProjectsPanel, ledger: LedgerPanel, disclose: DisclosePanel }

export function FundYearScreen({ year, tab }: { year: number; tab: FundTab }) {
  const { t } = useTranslation(['fund', 'common'])
  const { council } = useCouncil()
  const errs = useErrors()
  const state = useYearDoc('fund', year)
  const Panel = PANELS[tab]
  return (
    <>
      <h1>{t('fund:screen.title', { year })}</h1>
      <nav className="tabs" aria-label={t('fund:screen.title', { year })}>
        {FUND_TABS.map((k) => (
          <a key={k} href={href({ name: 'fundYear', councilId: council.id, year, tab: k })} aria-current={k === tab ? 'page' : undefined}>
            {t(`fund:screen.tabs.${k}`)}
          </a>
        ))}
      </nav>
      {state.status === 'error' ? <Banner kind="error">{errs.message(state.error)}</Banner> : null}
      {state.status === 'loading' ? <p>{t('common:status.loading')}</p> : null}
      {state.status === 'empty' ? <Banner kind="info">{t('fund:screen.empty', { year })}</Banner> : null}
      {state.status === 'ready' ? <Panel handle={state.handle} year={year} /> : null}
    </>
  )
}

// A council: its meetings, its registers, its campaigns, residents' requests and the matters they
// became, the community fund, the ledgers, its rules and how it syncs, as tabs.
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { href } from '../kit/router'
import { useEnv } from '../kit/env'
import { councilInputOf } from '../../shared/domain/council'
import { CouncilForm } from '../features/councils/CouncilForm'
import { useCouncil } from '../kit/CouncilContext'
import { saveCouncil } from '../features/councils/actions'
import { MeetingsTab } from '../features/meetings/MeetingsTab'
// The other tabs load when first shown (issue 20).
import { MembersTab, HouseholdsTab, CampaignsTab, SyncTab, RequestsTab, MattersTab, FundTab, LedgersTab, ScreenLoading } from './lazyScreens'
import { OverdueBanner } from '../features/matters/OverdueBanner'
import { COUNCIL_TABS, type CouncilTab as Tab } from '../kit/router'

export function CouncilScreen({ tab }: { tab: Tab }) {
  const { t } = useTranslation(['council', 'common'])
  const env = useEnv()
  const { council, handle } = useCouncil()
  return (
    <>
      <h1>{council.name}</h1>
      <p className="muted">
        {[t(`common:enums.councilKind.${council.kind}`), council.street, council.community].filter(Boolean).join(' · ')}
      </p>
      <OverdueBanner />
      <nav className="tabs" aria-label={council.name}>
        {COUNCIL_TABS.map((k) => (
          <a key={k} href={href({ name: 'council', councilId: council.id, tab: k })} aria-current={k === tab ? 'page' : undefined}>
            {t(`common:nav.${k}`)}
          </a>
        ))}
      </nav>
      <Suspense fallback={<ScreenLoading />}>
        {tab === 'meetings' ? <MeetingsTab /> : null}
        {tab === 'members' ? <MembersTab /> : null}
        {tab === 'households' ? <HouseholdsTab /> : null}
        {tab === 'campaigns' ? <CampaignsTab /> : null}
        {tab === 'requests' ? <RequestsTab /> : null}
        {tab === 'matters' ? <MattersTab /> : null}
        {tab === 'fund' ? <FundTab /> : null}
        {tab === 'ledgers' ? <LedgersTab /> : null}
        {tab === 'rules' ? (
          <div className="card">
            <CouncilForm
              key={council.id}
              initial={councilInputOf(council)}
              submitLabel={t('common:actions.save')}
              readOnly={handle.readOnly}
              onSubmit={(input) => saveCouncil(env, handle.doc, handle.name, input)}
            />
          </div>
        ) : null}
        {tab === 'sync' ? <SyncTab /> : null}
      </Suspense>
    </>
  )
}

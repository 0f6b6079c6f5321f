// A council: its meetings, its register of members, its rules and how it syncs, as tabs.
import { useTranslation } from 'react-i18next'
import { href } from '../../app/router'
import { useEnv } from '../../app/env'
import { councilInputOf } from '../../../shared/domain/council'
import { CouncilForm } from './CouncilForm'
import { useCouncil } from './CouncilContext'
import { saveCouncil } from './actions'
import { MeetingsTab } from '../meetings/MeetingsTab'
import { MembersTab } from '../members/MembersTab'
import { HouseholdsTab } from '../households/HouseholdsTab'
import { CampaignsTab } from '../campaigns/CampaignsTab'
import { SyncTab } from '../sync/SyncTab'
import type { CouncilTab as Tab } from '../../app/router'

export function CouncilScreen({ tab }: { tab: Tab }) {
  const { t } = useTranslation(['council', 'common'])
  const env = useEnv()
  const { council, handle } = useCouncil()
  const tabs: Tab[] = ['meetings', 'members', 'households', 'campaigns', 'rules', 'sync']
  return (
    <>
      <h1>{council.name}</h1>
      <p className="muted">
        {[t(`common:enums.councilKind.${council.kind}`), council.street, council.community].filter(Boolean).join(' · ')}
      </p>
      <nav className="tabs" aria-label={council.name}>
        {tabs.map((k) => (
          <a key={k} href={href({ name: 'council', councilId: council.id, tab: k })} aria-current={k === tab ? 'page' : undefined}>
            {t(`common:nav.${k}`)}
          </a>
        ))}
      </nav>
      {tab === 'meetings' ? <MeetingsTab /> : null}
      {tab === 'members' ? <MembersTab /> : null}
      {tab === 'households' ? <HouseholdsTab /> : null}
      {tab === 'campaigns' ? <CampaignsTab /> : null}
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
    </>
  )
}

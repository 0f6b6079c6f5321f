// The council's campaigns (mock relocations and renovation consents) from the council document's
// index: each row opens its campaign document for the title, the window and the live rate or the
// frozen decision. A council runs a handful of campaigns, so opening each is cheap.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { campaignIds } from '../../../shared/doc/council'
import { lateEntries, readCampaign, readDecision, readEntries } from '../../../shared/doc/campaign'
import { campaignDocName } from '../../../shared/doc/names'
import { windowState, type CampaignId } from '../../../shared/domain/campaign'
import type { Household } from '../../../shared/domain/household'
import { signingState } from '../../../shared/domain/campaignSigning'
import { consentResult } from '../../../shared/domain/campaignRenovation'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { formatDate } from '../../kit/format'
import { href } from '../../kit/router'
import { StatusPill } from '../../ui/StatusPill'
import { useCouncil } from '../../kit/CouncilContext'
import { useHouseholds, useMinute } from './CampaignContext'
import { rateText } from '../../../shared/campaigns/figures'
import type * as Y from 'yjs'
import { Table } from '../../ui/Table'

const idsKey = (doc: Y.Doc): string => campaignIds(doc).sort().join(',')

export function CampaignsTab() {
  const { t } = useTranslation(['campaigns', 'common'])
  const { council, handle } = useCouncil()
  const key = useDocValue(handle.doc, idsKey) ?? ''
  const ids = useMemo(() => (key ? (key.split(',') as CampaignId[]) : []), [key])
  const { households, ready } = useHouseholds()
  const now = useMinute()
  return (
    <section aria-labelledby="campaigns-title">
      <div className="row">
        <h2 id="campaigns-title">{t('campaigns:title')}</h2>
        <span className="spacer" />
        {!handle.readOnly ? (
          <a className="button primary" href={href({ name: 'newCampaign', councilId: council.id })}>
            {t('campaigns:new')}
          </a>
        ) : null}
      </div>
      <p className="muted">{t('campaigns:list.explain')}</p>
      {ids.length === 0 ? (
        <p className="card">{t('campaigns:list.empty')}</p>
      ) : !ready ? (
        <p>{t('common:status.loading')}</p>
      ) : (
        <Table labelledBy="campaigns-title" columns={[t('campaigns:fields.title'), t('campaigns:fields.kind'), t('campaigns:list.window'), t('campaigns:list.status')]}>
          {ids.map((id) => (
            <CampaignRow key={id} campaignId={id} households={households} now={now} />
          ))}
        </Table>
      )}
    </section>
  )
}

function CampaignRow({ campaignId, households, now }: { campaignId: CampaignId; households: Household[]; now: string }) {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const { council } = useCouncil()
  const state = useDocHandle(campaignDocName(council.id, campaignId))
  const doc = state.status === 'ready' ? state.handle.doc : null
  const campaign = useDocValue(doc, readCampaign)
  const decision = useDocValue(doc, readDecision)
  const entries = useDocValue(doc, readEntries)
  const late = useDocValue(doc, lateEntries)
  const status = useMemo(() => {
    if (!campaign || !entries || !late) return null
    if (decision) {
      if (decision.kind === 'relocation')
        return t(`campaigns:outcome.${decision.outcome}Rate`, { percent: rateText({ num: decision.signed, den: decision.roll }), signed: decision.signed, count: decision.roll })
      return t(`campaigns:outcome.${decision.outcome}`)
    }
    const lateIds = new Set(late.map((e) => e.entryId))
    const counted = entries.filter((e) => !lateIds.has(e.entryId))
    const phase = t(`campaigns:phase.${windowState(campaign, now).phase}`)
    if (campaign.kind === 'relocation') {
      const s = signingState(campaign, households, counted, now)
      return t('campaigns:list.rateValue', { phase, percent: rateText(s.rate), signed: s.rate.num, count: s.rate.den })
    }
    const c = consentResult(campaign, households, counted)
    return t('campaigns:list.consentValue', { phase, participating: c.owners.participating.owners, count: c.owners.totalOwners })
  }, [campaign, decision, entries, late, households, now, t])
  const lang = i18n.language
  if (state.status === 'error' || (doc && !campaign)) {
    return (
      <tr>
        <td colSpan={4} className="muted">
          {t('campaigns:list.unreadable')}
        </td>
      </tr>
    )
  }
  if (!campaign) {
    return (
      <tr>
        <td colSpan={4}>{t('common:status.loading')}</td>
      </tr>
    )
  }
  return (
    <tr>
      <td>
        <a href={href({ name: 'campaign', councilId: council.id, campaignId, tab: 'overview' })}>{campaign.title}</a>
      </td>
      <td>{t(`campaigns:kind.${campaign.kind}`)}</td>
      <td>{t('campaigns:list.windowValue', { start: formatDate(lang, campaign.start), deadline: formatDate(lang, campaign.deadline) })}</td>
      <td>
        {decision ? <StatusPill status={decision.outcome === 'effective' || decision.outcome === 'passed' ? 'passed' : 'failed'} label={t('campaigns:list.decided')} /> : null} {status}
      </td>
    </tr>
  )
}

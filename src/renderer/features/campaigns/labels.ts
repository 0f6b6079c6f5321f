// How a household and an entry read on screen: "3栋 2单元 301室", leaving out the parts a register
// does not have, and "签约（代签：王五，授权委托书）" for an entry.
import type { TFunction } from 'i18next'
import type { CampaignEntry } from '../../../shared/domain/campaign'
import type { Household } from '../../../shared/domain/household'

type T = TFunction<['campaigns', 'common']>

export function addressText(t: T, h: Pick<Household, 'building' | 'unit' | 'room'>): string {
  return (['building', 'unit', 'room'] as const)
    .filter((k) => h[k].trim())
    .map((k) => t(`campaigns:address.${k}`, { v: h[k] }))
    .join(t('campaigns:address.sep'))
}

/** What an entry records, without who and when: the kind, the choice or amount, the agent. */
export function entryWhat(t: T, e: CampaignEntry, yuan: (fen: number) => string): string {
  switch (e.type) {
    case 'sign':
    case 'withdraw': {
      const what = t(`campaigns:entry.${e.type}`)
      return e.agent ? t('campaigns:entry.byAgent', { what, name: e.agent.name, note: e.agent.note || t('campaigns:entry.noNote') }) : t('campaigns:entry.byOwner', { what })
    }
    case 'consent': {
      const what = t(`campaigns:choice.${e.choice}`)
      return e.agent ? t('campaigns:entry.byAgent', { what, name: e.agent.name, note: e.agent.note || t('campaigns:entry.noNote') }) : t('campaigns:entry.byOwner', { what })
    }
    case 'payment':
      return t('campaigns:entry.payment', { amount: yuan(e.amountFen) })
  }
}

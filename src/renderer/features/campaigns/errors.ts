// What a campaign write that failed says, in the user's language: the settings' and entries'
// validation codes and the refusals (window opened, already decided, not signed…) have their own
// sentences in campaigns.json; anything else falls back to the app's common messages.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { DocError } from '../../../shared/doc/errors'
import type { CampaignSettingsError, EntryRefusal } from '../../../shared/domain/campaign'
import type { EntryWriteRefusal } from '../../../shared/doc/campaign'
import { errorMessage } from '../../kit/errors'

export const ENTRY_REFUSALS: readonly EntryRefusal[] = ['householdNotOnRoll', 'wrongCampaignKind', 'beforeWindow', 'afterDeadline', 'datedAfterRecorded', 'withdrawalNotAllowed', 'notSigned']
const isRefusal = (code: string): code is EntryRefusal => (ENTRY_REFUSALS as readonly string[]).includes(code)

/** Every code a campaign write can put under a field: settings, entries, and the form's own. */
export type CampaignCode = CampaignSettingsError | Exclude<EntryWriteRefusal, EntryRefusal> | 'kindFixed' | 'invalid' | 'amountRequired'
export type TransitionReason = 'campaignDecided' | 'windowOpened' | 'windowOpen'

type T = TFunction<['campaigns', 'common']>

function codeText(t: T, code: string): string {
  if (isRefusal(code)) return t('campaigns:errors.refused', { reason: t(`campaigns:refusal.${code}`) })
  return t(`campaigns:errors.code.${code as CampaignCode}`, { defaultValue: t('campaigns:errors.code.invalid') })
}

/** Field → message, for the codes of a DocError('invalidInput'). */
export function campaignFieldErrors(t: T, detail: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return out
  for (const [field, code] of Object.entries(detail)) if (typeof code === 'string') out[field] = codeText(t, code)
  return out
}

export function campaignErrorMessage(t: T, e: unknown): string {
  if (e instanceof DocError && e.code === 'invalidInput') {
    const fields = Object.values(campaignFieldErrors(t, e.detail))
    return fields.length ? fields.join(' ') : t('common:errors.fixFields')
  }
  if (e instanceof DocError && e.code === 'badTransition') {
    const reason = (e.detail as { reason?: unknown } | undefined)?.reason
    if (reason === 'campaignDecided' || reason === 'windowOpened' || reason === 'windowOpen') return t(`campaigns:errors.transition.${reason}`)
  }
  return errorMessage(t as unknown as TFunction<'common'>, e)
}

/** The messages above bound to the current language, with the form-shaped `describe` of useErrors. */
export function useCampaignErrors() {
  const { t } = useTranslation(['campaigns', 'common'])
  return useMemo(
    () => ({
      message: (e: unknown) => campaignErrorMessage(t, e),
      describe: (e: unknown) => {
        const fields = e instanceof DocError && e.code === 'invalidInput' ? campaignFieldErrors(t, e.detail) : {}
        return { fields, banner: Object.keys(fields).length ? t('common:errors.fixFields') : campaignErrorMessage(t, e) }
      },
    }),
    [t],
  )
}

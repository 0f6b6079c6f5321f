// What a failed seal tells the secretary, in their language: the host's refusals by code, the
// rest (documents, storage) as every other screen does.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../kit/errors'
import { PhoneHostError } from '../../sync/phoneBallots'
import { PhoneSealError } from './phoneActions'

const EXPLAINED = ['unreachable', 'forbidden', 'unavailable', 'rate-limited', 'not-found', 'expired'] as const
type Explained = (typeof EXPLAINED)[number]

export function usePhoneErrors() {
  const { t } = useTranslation('session')
  const { t: tc } = useTranslation('common')
  return useMemo(
    () => ({
      message: (e: unknown): string => {
        if (e instanceof PhoneSealError) return t(`phones.errors.${e.code}`)
        if (e instanceof PhoneHostError) {
          return (EXPLAINED as readonly string[]).includes(e.code) ? t(`phones.errors.${e.code as Explained}`) : t('phones.errors.refused', { code: e.code })
        }
        return errorMessage(tc, e)
      },
    }),
    [t, tc],
  )
}

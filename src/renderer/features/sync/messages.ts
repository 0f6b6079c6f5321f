// What a failed sync action tells the user, in their language: sync errors by their code, the
// rest (storage, documents) as every other screen does.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../kit/errors'
import { SyncError } from '../../sync/errors'

const SERVER_CODES = ['invalid-request', 'council-registered', 'unknown-council', 'invalid-code', 'code-revoked', 'read-only-code', 'conflict'] as const

export function useSyncErrors() {
  const { t } = useTranslation('sync')
  const { t: tc } = useTranslation('common')
  return useMemo(
    () => ({
      message: (e: unknown): string => {
        if (!(e instanceof SyncError)) return errorMessage(tc, e)
        // The server's refusals come as codes (src/server/registry.ts); known ones are explained.
        const detail = e.params.detail
        if (e.code === 'refused' && typeof detail === 'string' && (SERVER_CODES as readonly string[]).includes(detail)) {
          return t(`errors.server.${detail as (typeof SERVER_CODES)[number]}`)
        }
        return t(`errors.${e.code}`, e.params)
      },
      field: (code: 'invalidUrl' | 'invalidCode' | undefined): string | undefined => (code ? t(`errors.${code}`) : undefined),
    }),
    [t, tc],
  )
}

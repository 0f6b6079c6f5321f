// What a matters write that failed says, in the user's language: the matter's field codes and the
// path's refusals (stepRefusal: a step before the one it depends on, a skip without a reason…)
// have their sentences in matters.json; anything else falls back to the app's common messages.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { DocError } from '../../../shared/doc/errors'
import { errorMessage } from '../../kit/errors'

type T = TFunction<['matters', 'common']>

const FIELD_CODES = ['required', 'tooLong', 'dateInvalid', 'unknownValue'] as const

export function matterFieldErrors(t: T, detail: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return out
  for (const [field, code] of Object.entries(detail)) {
    if (typeof code !== 'string') continue
    out[field] = (FIELD_CODES as readonly string[]).includes(code) ? t(`matters:fieldError.${code as (typeof FIELD_CODES)[number]}`) : t('common:errors.field.invalid')
  }
  return out
}

/**
 * The refusal's sentence (matters:refusal.<reason>) for a DocError('badTransition'), else the common
 * message. `tc` is bound to the common namespace, whose keys errorMessage names without a prefix.
 */
export function matterErrorMessage(t: T, tc: TFunction<'common'>, exists: (key: string) => boolean, e: unknown): string {
  if (e instanceof DocError && e.code === 'badTransition') {
    const reason = (e.detail as { reason?: unknown } | undefined)?.reason
    const key = `matters:refusal.${String(reason)}` as 'matters:refusal.dependencyPending'
    if (typeof reason === 'string' && exists(key)) return String(t(key))
  }
  return errorMessage(tc, e)
}

/** The messages above bound to the current language, with the form-shaped `describe` of useFormAction. */
export function useMatterErrors() {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const { t: tc } = useTranslation('common')
  return useMemo(() => {
    const exists = (key: string) => i18n.exists(key)
    return {
      message: (e: unknown) => matterErrorMessage(t, tc, exists, e),
      describe: (e: unknown) => {
        const fields = e instanceof DocError && e.code === 'invalidInput' ? matterFieldErrors(t, e.detail) : {}
        return { fields, banner: Object.keys(fields).length ? t('common:errors.fixFields') : matterErrorMessage(t, tc, exists, e) }
      },
    }
  }, [t, tc, i18n])
}

// Turns whatever a write threw into a message in the user's language, and field errors
// (validation codes) into a map of translated messages.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { DocError } from '../../shared/doc/errors'
import { UnsavedInputError } from './unsaved'

export function errorMessage(t: TFunction<'common'>, e: unknown): string {
  if (e instanceof DocError) return t(`errors.doc.${e.code}`)
  if (e instanceof UnsavedInputError) return t('unsaved.refused', { fields: e.fields.join(t('unsaved.separator')) })
  const message = e instanceof Error ? e.message : String(e)
  return t('errors.unexpected', { message })
}

/** Field error codes from a DocError('invalidInput') or a validator, translated. */
export function fieldErrors(t: TFunction<'common'>, errors: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return out
  for (const [k, code] of Object.entries(errors)) {
    if (typeof code === 'string') out[k] = t(`errors.field.${code}` as 'errors.field.nameRequired')
  }
  return out
}

export function invalidInputDetail(e: unknown): unknown {
  return e instanceof DocError && e.code === 'invalidInput' ? e.detail : null
}

/** The three above, bound to the current language. */
export function useErrors() {
  const { t } = useTranslation('common')
  return useMemo(
    () => ({
      message: (e: unknown) => errorMessage(t, e),
      fields: (errors: unknown) => fieldErrors(t, errors),
      /** What a failed save shows: field messages, and a banner text. */
      describe: (e: unknown) => {
        const detail = invalidInputDetail(e)
        return { fields: fieldErrors(t, detail), banner: detail ? t('errors.fixFields') : errorMessage(t, e) }
      },
    }),
    [t],
  )
}

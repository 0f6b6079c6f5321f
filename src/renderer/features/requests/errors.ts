// What the requests screens say when a write is refused: a field's problem in words (requestErrors'
// codes), or the rule that refused a decision or a reply (outcomeRefusal, replyRefusal, openMatter).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { DocError } from '../../../shared/doc/errors'
import { useErrors } from '../../kit/errors'
import type { DescribeError } from '../../kit/useFormAction'

const FIELD_CODES = ['required', 'dateInvalid', 'unknownValue', 'tooLong', 'otherYear', 'beforeReceived'] as const
type FieldCode = (typeof FIELD_CODES)[number]
const isFieldCode = (c: unknown): c is FieldCode => (FIELD_CODES as readonly unknown[]).includes(c)

/** The describe of every requests form: field messages and the banner above the form. */
export function useDescribeRequestError(): DescribeError {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const errs = useErrors()
  return useMemo(() => {
    const refusal = (reason: string): string | null => {
      for (const key of [`matters:refusal.${reason}`, `matters:req.refusal.${reason}`]) if (i18n.exists(key)) return t(key as 'matters:refusal.alreadyDecided')
      return null
    }
    return (e: unknown) => {
      if (e instanceof DocError && e.code === 'invalidInput' && e.detail && typeof e.detail === 'object') {
        const fields: Record<string, string> = {}
        for (const [k, code] of Object.entries(e.detail as Record<string, unknown>)) {
          fields[k] = isFieldCode(code) ? t(`matters:req.error.${code}`) : t('matters:req.error.unknownValue')
        }
        return { fields, banner: t('common:errors.fixFields') }
      }
      if (e instanceof DocError && e.code === 'badTransition') {
        const reason = (e.detail as { reason?: unknown } | undefined)?.reason
        const said = typeof reason === 'string' ? refusal(reason) : null
        if (said) return { fields: {}, banner: said }
      }
      return errs.describe(e)
    }
  }, [t, i18n, errs])
}

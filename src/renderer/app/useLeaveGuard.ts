// Asks before any way out of a screen that holds unsaved input (unsaved.ts), in the user's language.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { installLeaveGuard } from '../kit/unsaved'

export function useLeaveGuard(): void {
  const { t } = useTranslation('common')
  // The guard stays installed across language changes; it reads the current words when it asks.
  const words = useRef(t)
  words.current = t
  useEffect(() => installLeaveGuard((fields) => window.confirm(words.current('unsaved.leave', { fields: fields.join(words.current('unsaved.separator')) }))), [])
}

// Where a request is about, as one line people read: "3栋 2单元 301室 东门口" (en "Bldg 3, Unit 2,
// Rm 301, east gate"). Written once for the requests list and the printed 一户一表.
import type { Place } from './requests'

// A bare designator ("3", "12A", "3-1") gets its word (3栋, 2单元, 301室); anything else
// ("锦绣花园3栋", "东101") already says what it is and reads as written (the households register's rule).
const BARE = /^[0-9A-Za-z-]+$/

export function placeLine(t: (key: string, o?: Record<string, unknown>) => string, p: Place): string {
  const parts = (['building', 'unit', 'room'] as const)
    .map((k) => (p[k] ?? '').trim())
    .map((v, i) => (v && BARE.test(v) ? t(`matters:place.${(['building', 'unit', 'room'] as const)[i]}`, { v }) : v))
  return [...parts, (p.text ?? '').trim()].filter(Boolean).join(t('matters:place.sep'))
}

// The app's own texts for the e2e tests, so one test runs in zh-CN and in en: a locator names
// exactly what a user of that language reads.
import zhSession from '../../src/shared/i18n/locales/zh-CN/session.json' with { type: 'json' }
import enSession from '../../src/shared/i18n/locales/en/session.json' with { type: 'json' }
import zhVotes from '../../src/shared/i18n/locales/zh-CN/votes.json' with { type: 'json' }
import enVotes from '../../src/shared/i18n/locales/en/votes.json' with { type: 'json' }
import zhMeetings from '../../src/shared/i18n/locales/zh-CN/meetings.json' with { type: 'json' }
import enMeetings from '../../src/shared/i18n/locales/en/meetings.json' with { type: 'json' }
import zhCommon from '../../src/shared/i18n/locales/zh-CN/common.json' with { type: 'json' }
import enCommon from '../../src/shared/i18n/locales/en/common.json' with { type: 'json' }
import zhMinutes from '../../src/shared/i18n/locales/zh-CN/minutes.json' with { type: 'json' }
import enMinutes from '../../src/shared/i18n/locales/en/minutes.json' with { type: 'json' }
import zhReview from '../../src/shared/i18n/locales/zh-CN/review.json' with { type: 'json' }
import enReview from '../../src/shared/i18n/locales/en/review.json' with { type: 'json' }

export type Lang = 'zh-CN' | 'en'
export const texts = {
  'zh-CN': { session: zhSession, votes: zhVotes, meetings: zhMeetings, common: zhCommon, minutes: zhMinutes, review: zhReview },
  en: { session: enSession, votes: enVotes, meetings: enMeetings, common: enCommon, minutes: enMinutes, review: enReview },
}

/** i18next-style interpolation of {{name}} placeholders. */
export function fmt(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''))
}

// The ballot page's words: its own i18next instance holding the ballot namespace only, in the
// three languages (the app's instance and its typed keys never load this namespace, and the page
// never loads the app's), initialised synchronously so the first paint is already translated.
import i18next from 'i18next'
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from '../../shared/i18n/languages'
import zhCN from '../../shared/i18n/locales/zh-CN/ballot.json'
import zhTW from '../../shared/i18n/locales/zh-TW/ballot.json'
import en from '../../shared/i18n/locales/en/ballot.json'

export type Messages = typeof zhCN
// zh-CN is the source: the other two must have the same shape, or this does not compile.
const MESSAGES: Record<Language, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en }

/** Dotted paths to every string of the source: 'choice.for', 'error.expired', … */
type Paths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}` }[keyof T & string]
export type MessageKey = Paths<Messages>

const i18n = i18next.createInstance()
void i18n.init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { ballot: MESSAGES[l] }])),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  ns: ['ballot'],
  defaultNS: 'ballot',
  // The view writes text with textContent only: i18next must not escape it again.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})

export function translate(language: Language, key: MessageKey, params?: Record<string, string>): string {
  // The app's i18next type augmentation (its namespaces and keys) is in scope here too and knows
  // nothing of `ballot`; this page's keys are typed by MessageKey instead.
  const t = i18n.getFixedT(language) as unknown as (key: string, options: Record<string, string>) => string
  return t(key, params ?? {})
}

/** Each language's name in itself, short enough for three buttons side by side on a phone. */
export const SWITCHER_NAMES: Record<Language, string> = { 'zh-CN': '简体', 'zh-TW': '繁體', en: 'English' }

export { LANGUAGES, isLanguage, type Language }

/**
 * The page's language from the browser's preferred languages, in order: Traditional Chinese for
 * zh-TW, zh-HK, zh-MO and zh-Hant-*, Simplified for every other zh, English for en. A browser that
 * prefers none of them gets English (a visitor more likely reads it than Chinese); one that says
 * nothing gets the default, Simplified Chinese. The switcher is always there to correct it.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const raw of preferred) {
    const tag = raw.toLowerCase().replace(/_/g, '-')
    if (tag === 'zh' || tag.startsWith('zh-')) {
      if (/-hans(-|$)/.test(tag)) return 'zh-CN'
      return /-(hant|tw|hk|mo)(-|$)/.test(tag) ? 'zh-TW' : 'zh-CN'
    }
    if (tag === 'en' || tag.startsWith('en-')) return 'en'
  }
  return preferred.some((t) => t.trim() !== '') ? 'en' : DEFAULT_LANGUAGE
}

// The ballot page's words: the ballot namespace only, in the three languages, with a tiny typed
// lookup instead of i18next (the page must stay small, and the app's typed i18next keys do not
// know this namespace: it is never loaded by the app).
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

export function translate(language: Language, key: MessageKey, params?: Record<string, string>): string {
  let node: unknown = MESSAGES[language]
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part]
  const text = typeof node === 'string' ? node : key
  return params ? text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole) : text
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

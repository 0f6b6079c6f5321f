// The words main shows itself (menus, dialog titles, file-type names), from the `menu`
// namespace of shared/i18n, in the language the renderer last announced. A plain lookup in the
// bundled resources: main needs no i18next instance for fixed labels without plurals.
import { DEFAULT_LANGUAGE, type Language } from '../shared/i18n/languages'
import { resources } from '../shared/i18n/resources'

export type Translate = (key: string) => string

function lookup(language: Language, key: string): string | undefined {
  let node: unknown = resources[language].menu
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/**
 * `t` for the menu namespace in `language`. A key missing there falls back to zh-CN (the
 * source), then to the key itself, and is reported: tests/main/menu.test.ts keeps that from
 * ever happening in a release.
 */
export function menuText(language: Language, onMissing?: (key: string) => void): Translate {
  return (key) => {
    const text = lookup(language, key) ?? lookup(DEFAULT_LANGUAGE, key)
    if (text === undefined) onMissing?.(key)
    return text ?? key
  }
}

/** The app language for an OS locale ("zh-Hant-TW", "zh-HK", "en-GB"…), before the renderer says. */
export function languageForLocale(locale: string): Language {
  const tag = locale.toLowerCase()
  if (/^zh[-_](tw|hk|mo|hant)/u.test(tag)) return 'zh-TW'
  if (tag.startsWith('zh')) return 'zh-CN'
  if (tag.startsWith('en')) return 'en'
  return DEFAULT_LANGUAGE
}

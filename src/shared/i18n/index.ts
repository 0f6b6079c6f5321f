// i18next set up with every language bundled: the app works offline from the first start.
import i18next, { type i18n } from 'i18next'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages'
import { resources } from './resources'

export const NAMESPACES = ['common', 'council', 'members', 'meetings', 'import', 'votes', 'session', 'sync', 'documents', 'minutes', 'review', 'menu', 'backup', 'households', 'campaigns', 'matters', 'fund'] as const

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance()
  await instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    // React escapes text itself; i18next must not, or a hostile name would show as &lt;img…
    interpolation: { escapeValue: false },
    returnNull: false,
    // A missing key would show its raw name on screen: report it loudly (the e2e tests fail
    // on any console error).
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) => {
      ;(globalThis as { console?: { error(...args: unknown[]): void } }).console?.error(`missing i18n key ${namespace}:${key} (${languages.join(', ')})`)
    },
  })
  return instance
}

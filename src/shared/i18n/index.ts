// i18next set up with the strings of the languages in use only, loaded by import() (issue 20: the
// web build's entry carried every language's strings, 0.45 MB of its JavaScript). Each locale file
// is still shipped with the app (a chunk of its own), so it works offline from the first start.
// resources.ts (every language, statically) stays for main's menus and for the key types; importing
// it here would put every language back into the entry.
import i18next, { type i18n } from 'i18next'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages'

export const NAMESPACES = ['common', 'council', 'members', 'meetings', 'import', 'votes', 'session', 'sync', 'documents', 'minutes', 'review', 'menu', 'backup', 'households', 'campaigns', 'matters', 'fund'] as const

type Bundle = Record<(typeof NAMESPACES)[number], object>

/** A language's strings, namespace by namespace (the namespaces' files load in parallel). */
async function importBundle(language: Language): Promise<Bundle> {
  const loaded = await Promise.all(
    // A path with variables: Vite makes one chunk per file; Node and Vitest import the file.
    NAMESPACES.map(async (ns) => [ns, ((await import(`./locales/${language}/${ns}.json`)) as { default: object }).default] as const),
  )
  return Object.fromEntries(loaded) as Bundle
}

// Each language's strings are fetched once, however many times they are asked for.
const bundles = new Map<Language, Promise<Bundle>>()
function bundleOf(language: Language): Promise<Bundle> {
  let b = bundles.get(language)
  if (!b) {
    b = importBundle(language)
    bundles.set(language, b)
    // A failed fetch is tried again by the next caller.
    b.catch(() => bundles.delete(language))
  }
  return b
}

/**
 * Starts fetching a language's strings now, so that they arrive while the app opens its storage
 * (the start-up reads the chosen language from it, issue 20's cold open); createI18n takes them.
 */
export function preloadStrings(language: Language): void {
  bundleOf(language).catch(() => {})
}

/** Loads a language's strings into `instance` unless it has them: await it before changeLanguage. */
export async function loadLanguage(instance: i18n, language: Language): Promise<void> {
  if (instance.hasResourceBundle(language, 'common')) return
  const bundle = await bundleOf(language)
  for (const ns of NAMESPACES) instance.addResourceBundle(language, ns, bundle[ns], true, true)
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance()
  await instance.init({
    // zh-CN is the fallback for a key missing in another language, so it is always there.
    resources: Object.fromEntries(await Promise.all([...new Set([DEFAULT_LANGUAGE, language])].map(async (l) => [l, await bundleOf(l)] as const))),
    // Any other language comes through loadLanguage.
    partialBundledLanguages: true,
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

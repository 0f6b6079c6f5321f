// Switches the interface language; the choice is kept on this device.
import { useTranslation } from 'react-i18next'
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '../../../shared/i18n/languages'
import { useEnv } from '../../kit/env'
import { saveLanguage } from '../../data/settings'
import { loadLanguage } from '../../../shared/i18n'

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('common')
  const { db } = useEnv()
  return (
    <label>
      <span>{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={async (e) => {
          const lang = e.target.value
          if (!isLanguage(lang)) return
          await saveLanguage(db, lang)
          // Only the source language is in the bundle: the others load on first use.
          await loadLanguage(i18n, lang)
          await i18n.changeLanguage(lang)
          document.documentElement.lang = lang
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  )
}

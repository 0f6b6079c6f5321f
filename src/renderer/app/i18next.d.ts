// Typed i18n keys: t('members:add') is checked against the zh-CN source at compile time.
import 'i18next'
import type { sourceResources } from '../../shared/i18n/resources'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: typeof sourceResources
  }
}

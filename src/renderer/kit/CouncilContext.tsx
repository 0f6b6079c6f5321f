// The open council's document, shared by its tabs and the screens below it.
import { createContext, useContext, useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Council } from '../../shared/domain/council'
import { readCouncil } from '../../shared/doc/council'
import { councilDocName } from '../../shared/doc/names'
import { asCouncilId } from '../../shared/domain/ids'
import { useDocHandle, useDocValue } from './docHooks'
import { useEnv } from './env'
import { useErrors } from './errors'
import { markOpened } from '../data/catalogue'
import type { DocHandle } from '../sync/docs'
import { Banner } from '../ui/Banner'

export interface CouncilCtx {
  handle: DocHandle
  council: Council
}

const Ctx = createContext<CouncilCtx | null>(null)

export function useCouncil(): CouncilCtx {
  const c = useContext(Ctx)
  if (!c) throw new Error('useCouncil outside CouncilProvider')
  return c
}

export function CouncilProvider({ councilId, children }: { councilId: string; children: ReactNode }) {
  const { t } = useTranslation('common')
  const errs = useErrors()
  const env = useEnv()
  const state = useDocHandle(councilDocName(asCouncilId(councilId)))
  const handle = state.status === 'ready' ? state.handle : null
  const council = useDocValue(handle?.doc ?? null, readCouncil)
  const openedId = council?.id
  useEffect(() => {
    if (openedId) void markOpened(env.db, openedId, env.now())
  }, [env, openedId])
  if (state.status === 'error') return <Banner kind="error">{errs.message(state.error)}</Banner>
  if (!handle) return <p>{t('status.loading')}</p>
  if (!council) return <Banner kind="error">{t('errors.notFound')}</Banner>
  return (
    <Ctx.Provider value={{ handle, council }}>
      {children}
    </Ctx.Provider>
  )
}

/** Says why the open council cannot be changed here; shown at the top of the main area. */
export function CouncilReadOnlyBanner() {
  const { t } = useTranslation('common')
  const { handle } = useCouncil()
  if (!handle.readOnly) return null
  return <Banner kind="info">{t(handle.readOnlyReason === 'access' ? 'status.readOnlyAccess' : 'status.readOnly')}</Banner>
}

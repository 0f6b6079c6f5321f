// One matter: its requests, its path step by step, and the follow-up of its resolution.
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readMatters, readRequestStates } from '../../../shared/doc/matters'
import { requestsOfMatter } from '../../../shared/matters/requests'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useErrors } from '../../kit/errors'
import { formatDate } from '../../kit/format'
import { href } from '../../kit/router'
import { useYearDoc } from '../../kit/yearDoc'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { FollowUpSection } from './FollowUpSection'
import { PathSection } from './PathSection'

export function MatterScreen({ year, matterId }: { year: number; matterId: string }) {
  const { t } = useTranslation(['matters', 'common'])
  const errs = useErrors()
  const { council } = useCouncil()
  const state = useYearDoc('matters', year)
  return (
    <>
      <p>
        <a href={href({ name: 'council', councilId: council.id, tab: 'matters' })}>{t('matters:matterScreen.back')}</a>
      </p>
      {state.status === 'loading' ? <p>{t('common:status.loading')}</p> : null}
      {state.status === 'error' ? <Banner kind="error">{errs.message(state.error)}</Banner> : null}
      {state.status === 'empty' ? <Banner kind="error">{t('matters:matterScreen.notFound')}</Banner> : null}
      {state.status === 'ready' ? <MatterView handle={state.handle} year={year} matterId={matterId} /> : null}
    </>
  )
}

function MatterView({ handle, year, matterId }: { handle: DocHandle; year: number; matterId: string }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const readOne = useCallback((doc: Y.Doc) => readMatters(doc).find((m) => m.id === matterId) ?? null, [matterId])
  const matter = useDocValue(handle.doc, readOne)
  if (!matter) return <Banner kind="error">{t('matters:matterScreen.notFound')}</Banner>
  return (
    <>
      <h1>{matter.title}</h1>
      <p className="muted">
        {t('matters:matterScreen.proposedBy', { name: matter.proposer.name, kind: t(`matters:requesterKind.${matter.proposer.kind}`), date: formatDate(i18n.language, matter.openedOn) })}
      </p>
      {matter.description ? <p className="pre">{matter.description}</p> : null}
      <MatterRequests handle={handle} year={year} matterId={matterId} />
      <PathSection handle={handle} matter={matter} />
      <FollowUpSection handle={handle} year={year} matterId={matterId} />
    </>
  )
}

function MatterRequests({ handle, year, matterId }: { handle: DocHandle; year: number; matterId: string }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const { council } = useCouncil()
  const readMine = useCallback((doc: Y.Doc) => requestsOfMatter(readRequestStates(doc), matterId), [matterId])
  const requests = useDocValue(handle.doc, readMine) ?? []
  return (
    <section className="card" aria-labelledby="matter-requests">
      <h2 id="matter-requests">{t('matters:matterScreen.requests')}</h2>
      {requests.length === 0 ? (
        <p className="muted">{t('matters:matterScreen.noRequests')}</p>
      ) : (
        <ul>
          {requests.map(({ request: r }) => (
            <li key={r.id}>
              <a href={href({ name: 'request', councilId: council.id, year, requestId: r.id })}>
                {t('matters:matterScreen.requestLine', { date: formatDate(i18n.language, r.receivedOn), name: r.requester.name, text: r.text.length > 60 ? `${r.text.slice(0, 60)}…` : r.text })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

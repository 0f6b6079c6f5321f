// The register of households: who is on it today (or was, with "show households that left"),
// search by room or name, adding and editing households with their history, and the way into the
// spreadsheet import. A register holds thousands of households, so at most PAGE more rows are
// drawn at a time.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readHouseholds } from '../../../shared/doc/households'
import { isOnRegister, type Household } from '../../../shared/domain/household'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { formatArea } from '../../kit/format'
import { href } from '../../kit/router'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../../kit/CouncilContext'
import { useImportNotice } from '../import/importNotice'
import { HouseholdEditor } from './HouseholdEditor'
import { HouseholdTable, PAGE } from './HouseholdTable'
import { foldForSearch, matchesFolded, searchKey, useHouseholdsDoc } from './register'
const NONE: Household[] = []

export function HouseholdsTab() {
  const { t } = useTranslation(['households', 'common'])
  const errs = useErrors()
  const state = useHouseholdsDoc()
  return (
    <section aria-labelledby="households-title">
      <h2 id="households-title">{t('households:title')}</h2>
      {state.status === 'error' ? <Banner kind="error">{errs.message(state.error)}</Banner> : null}
      {state.status === 'loading' ? <p role="status">{t('households:loading')}</p> : null}
      {state.status === 'ready' ? <Register handle={state.handle} /> : null}
    </section>
  )
}

function Register({ handle }: { handle: DocHandle }) {
  const { t, i18n } = useTranslation(['households', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const households = useDocValue(handle.doc, readHouseholds) ?? NONE
  const [showRemoved, setShowRemoved] = useState(false)
  const [query, setQuery] = useState('')
  const [limit, setLimit] = useState(PAGE)
  const [editing, setEditing] = useState<Household | 'new' | null>(null)
  const [notice, setNotice] = useImportNotice(`households:${council.id}`)
  // Who makes the changes, typed once per visit and kept for the next edit.
  const [by, setBy] = useState('')
  const today = env.today()

  const keys = useMemo(() => new Map(households.map((h) => [h.id, searchKey(t, h)])), [households, t])
  const current = useMemo(() => households.filter((h) => isOnRegister(h, today)), [households, today])
  const removed = useMemo(() => households.filter((h) => h.removedOn !== null && h.removedOn <= today).length, [households, today])
  const area = current.reduce((sum, h) => sum + (h.areaCentiM2 ?? 0), 0)
  const noArea = current.filter((h) => h.areaCentiM2 === null).length
  const q = foldForSearch(query)
  const matching = useMemo(
    () => households.filter((h) => (showRemoved || h.removedOn === null || today < h.removedOn) && matchesFolded(keys.get(h.id) ?? '', q)),
    [households, keys, showRemoved, today, q],
  )
  const start = (e: Household | 'new') => {
    setNotice(null)
    setEditing(e)
  }

  return (
    <>
      <p>
        {noArea > 0
          ? t('households:summaryUnknownArea', { count: current.length, area: formatArea(i18n.language, area), unknown: noArea })
          : t('households:summary', { count: current.length, area: formatArea(i18n.language, area) })}
      </p>
      {removed > 0 ? <p className="muted">{t('households:summaryRemoved', { count: removed })}</p> : null}
      {notice ? <Banner kind="ok">{notice}</Banner> : null}
      {editing === null && !handle.readOnly ? (
        <div className="row">
          <button className="primary" onClick={() => start('new')}>
            {t('households:add')}
          </button>
          <a className="button" href={href({ name: 'importHouseholds', councilId: council.id })}>
            {t('households:import')}
          </a>
        </div>
      ) : null}
      {editing !== null ? (
        <HouseholdEditor
          handle={handle}
          households={households}
          editing={editing}
          by={by}
          onBy={setBy}
          onClose={(message) => {
            setEditing(null)
            if (message) setNotice(message)
          }}
        />
      ) : null}
      <RegisterSearch
        query={query}
        onQuery={(v) => {
          setQuery(v)
          setLimit(PAGE)
        }}
        showRemoved={showRemoved}
        onShowRemoved={(v) => {
          setShowRemoved(v)
          setLimit(PAGE)
        }}
      />
      {q && matching.length > 0 ? <p role="status">{t('households:matches', { count: matching.length })}</p> : null}
      {matching.length === 0 ? (
        <p className="card">{households.length === 0 ? t('households:empty') : t('households:noMatch')}</p>
      ) : (
        <HouseholdTable matching={matching} limit={limit} onMore={() => setLimit((n) => n + PAGE)} today={today} readOnly={handle.readOnly} onEdit={start} />
      )}
    </>
  )
}

function RegisterSearch({ query, onQuery, showRemoved, onShowRemoved }: { query: string; onQuery: (v: string) => void; showRemoved: boolean; onShowRemoved: (v: boolean) => void }) {
  const { t } = useTranslation('households')
  return (
    <div className="row">
      <div className="field">
        <label htmlFor="households-search">{t('search')}</label>
        <input id="households-search" type="search" value={query} aria-describedby="households-search-hint" onChange={(e) => onQuery(e.target.value)} />
        <span className="hint" id="households-search-hint">
          {t('searchHint')}
        </span>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={showRemoved} onChange={(e) => onShowRemoved(e.target.checked)} />
        <span>{t('showRemoved')}</span>
      </label>
    </div>
  )
}

// The register of households: who is on it today (or was, with "show households that left"),
// search by room or name, adding and editing households with their history, and the way into the
// spreadsheet import. A register holds thousands of households, so at most PAGE more rows are
// drawn at a time.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readHouseholds } from '../../../shared/doc/households'
import { isOnRegister, type Household, type HouseholdFields } from '../../../shared/domain/household'
import { HOUSEHOLD_FIELD_LABEL_KEYS } from '../../../shared/import/labels'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { formatArea, formatDate } from '../../kit/format'
import { href } from '../../kit/router'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../../kit/CouncilContext'
import { useImportNotice } from '../import/importNotice'
import { HouseholdForm } from './HouseholdForm'
import { HouseholdHistory } from './HouseholdHistory'
import { saveHousehold, saveNewHousehold } from './actions'
import { foldForSearch, formatAddress, matchesFolded, sameAddress, searchKey, useHouseholdsDoc } from './register'
import { Table } from '../../ui/Table'

const PAGE = 200
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
  const shown = matching.slice(0, limit)

  const blank: HouseholdFields = { building: '', unit: '', room: '', owner: '', tenant: '', areaCentiM2: null, phone: '', addedOn: today, removedOn: null }
  const start = (e: Household | 'new') => {
    setNotice(null)
    setEditing(e)
  }
  const address = (f: HouseholdFields) => formatAddress(t, f) || f.owner

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
      {editing === 'new' ? (
        <HouseholdForm
          title={t('households:addTitle')}
          initial={blank}
          duplicate={(f) => sameAddress(households, f, null) !== undefined}
          onCancel={() => setEditing(null)}
          onSubmit={async (f) => {
            await saveNewHousehold(env, handle, council.id, f)
            setEditing(null)
            setNotice(t('households:added', { address: address(f) }))
          }}
        />
      ) : null}
      {editing !== null && editing !== 'new' ? (
        <>
          <HouseholdForm
            key={editing.id}
            title={t('households:editTitle', { address: address(editing) })}
            initial={households.find((h) => h.id === editing.id) ?? editing}
            withBy
            by={by}
            // A household leaving the register may share its address with the one that replaced it.
            duplicate={(f) => f.removedOn === null && sameAddress(households, f, editing.id) !== undefined}
            onCancel={() => setEditing(null)}
            onSubmit={async (f, who) => {
              const changed = await saveHousehold(env, handle, editing.id, f, who)
              setBy(who.trim())
              setEditing(null)
              setNotice(t(changed ? 'households:updated' : 'households:unchanged', { address: address(f) }))
            }}
          />
          <HouseholdHistory doc={handle.doc} householdId={editing.id} />
        </>
      ) : null}
      <div className="row">
        <div className="field">
          <label htmlFor="households-search">{t('households:search')}</label>
          <input
            id="households-search"
            type="search"
            value={query}
            aria-describedby="households-search-hint"
            onChange={(e) => {
              setQuery(e.target.value)
              setLimit(PAGE)
            }}
          />
          <span className="hint" id="households-search-hint">
            {t('households:searchHint')}
          </span>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showRemoved}
            onChange={(e) => {
              setShowRemoved(e.target.checked)
              setLimit(PAGE)
            }}
          />
          <span>{t('households:showRemoved')}</span>
        </label>
      </div>
      {q && matching.length > 0 ? <p role="status">{t('households:matches', { count: matching.length })}</p> : null}
      {matching.length === 0 ? (
        <p className="card">{households.length === 0 ? t('households:empty') : t('households:noMatch')}</p>
      ) : (
        <Table
          labelledBy="households-title"
          numeric={[3]}
          columns={[
            t('households:columns.address'),
            t(`households:${HOUSEHOLD_FIELD_LABEL_KEYS.owner}`),
            t(`households:${HOUSEHOLD_FIELD_LABEL_KEYS.tenant}`),
            t('households:columns.areaShort'),
            t(`households:${HOUSEHOLD_FIELD_LABEL_KEYS.phone}`),
            t('households:columns.addedOn'),
            t('households:columns.removedOn'),
            <span className="skip">{t('common:actions.edit')}</span>,
          ]}
        >
          {shown.map((h) => (
            <tr key={h.id} className={isOnRegister(h, today) ? undefined : 'muted'}>
              <td>{formatAddress(t, h)}</td>
              <td>{h.owner}</td>
              <td>{h.tenant}</td>
              <td className="num">{formatArea(i18n.language, h.areaCentiM2)}</td>
              <td>{h.phone}</td>
              <td>{formatDate(i18n.language, h.addedOn)}</td>
              <td>{h.removedOn ? t('households:removedOn', { date: formatDate(i18n.language, h.removedOn) }) : ''}</td>
              <td>
                {!handle.readOnly ? (
                  <button className="small" onClick={() => start(h)} aria-label={t('households:editTitle', { address: address(h) })}>
                    {t('common:actions.edit')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {shown.length < matching.length ? (
        <div className="row">
          <p className="muted">{t('households:shownOf', { shown: shown.length, count: matching.length })}</p>
          <button onClick={() => setLimit((n) => n + PAGE)}>{t('households:showMore', { count: Math.min(PAGE, matching.length - shown.length) })}</button>
        </div>
      ) : null}
    </>
  )
}

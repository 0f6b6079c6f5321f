// The register of members: who is on the council today (or was, with "show former members"),
// adding and editing members, and the way into the spreadsheet import.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { addressSearchParts, foldForSearch, matchesFolded, searchText } from '../../../shared/domain/addressSearch'
import { isMemberOn, type Member } from '../../../shared/domain/member'
import { readMembers } from '../../../shared/doc/council'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { href } from '../../kit/router'
import { formatArea, formatDate } from '../../kit/format'
import { useCouncil } from '../../kit/CouncilContext'
import { MemberEditor } from './MemberEditor'
import { Banner } from '../../ui/Banner'
import { useImportNotice } from '../import/importNotice'
import { Table } from '../../ui/Table'

/** "3栋 2单元 301室", leaving out the parts a register does not have. */
export function formatHousehold(t: TFunction<['members', 'common']>, m: Pick<Member, 'building' | 'unit' | 'room'>): string {
  return (['building', 'unit', 'room'] as const)
    .filter((k) => m[k].trim())
    .map((k) => t(`members:householdParts.${k}`, { v: m[k] }))
    .join(t('members:householdSep'))
}

const NO_MEMBERS: Member[] = []

const byHousehold = (a: Member, b: Member) =>
  a.building.localeCompare(b.building, 'zh', { numeric: true }) ||
  a.unit.localeCompare(b.unit, 'zh', { numeric: true }) ||
  a.room.localeCompare(b.room, 'zh', { numeric: true }) ||
  a.name.localeCompare(b.name, 'zh')

export function MembersTab() {
  const { t } = useTranslation(['members', 'common'])
  const env = useEnv()
  const { handle, council } = useCouncil()
  const members = useDocValue(handle.doc, readMembers) ?? NO_MEMBERS
  const [showFormer, setShowFormer] = useState(false)
  const [query, setQuery] = useState('')
  const [editing, setEditing] = useState<Member | 'new' | null>(null)
  const [notice, setNotice] = useImportNotice(`members:${council.id}`)
  const today = env.today()
  const current = members.filter((m) => isMemberOn(m, today))
  const shown = useMemo(() => {
    const q = foldForSearch(query)
    return members
      .filter((m) => showFormer || isMemberOn(m, today))
      .filter((m) => !q || matchesFolded(searchText([m.name, ...addressSearchParts(m), formatHousehold(t, m), m.phone]), q))
      .sort(byHousehold)
  }, [members, showFormer, query, today, t])

  const edit = (e: Member | 'new') => {
    setNotice(null)
    setEditing(e)
  }

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('members:title')}</h2>
      <p>{t('members:summary', { current: current.length, voting: current.filter((m) => m.role !== 'observer').length, all: members.length })}</p>
      {notice ? <Banner kind="ok">{notice}</Banner> : null}
      {editing === null && !handle.readOnly ? (
        <div className="row">
          <button className="primary" onClick={() => edit('new')}>
            {t('members:add')}
          </button>
          <a className="button" href={href({ name: 'importMembers', councilId: council.id })}>
            {t('members:import')}
          </a>
        </div>
      ) : null}
      {editing !== null ? (
        <MemberEditor
          members={members}
          editing={editing}
          onClose={(message) => {
            setEditing(null)
            if (message) setNotice(message)
          }}
        />
      ) : null}
      <div className="row">
        <label className="field">
          <span className="label">{t('members:search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={showFormer} onChange={(e) => setShowFormer(e.target.checked)} />
          <span>{t('members:showFormer')}</span>
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="card">{members.length === 0 ? t('members:empty') : t('members:noMatch')}</p>
      ) : (
        <MembersTable shown={shown} readOnly={handle.readOnly} onEdit={edit} />
      )}
    </section>
  )
}


function MembersTable({ shown, readOnly, onEdit }: { shown: readonly Member[]; readOnly: boolean; onEdit: (m: Member) => void }) {
  const { t, i18n } = useTranslation(['members', 'common'])
  return (
    <Table
      labelledBy="members-title"
      numeric={[3]}
      columns={[
        t('members:fields.name'),
        t('members:fields.role'),
        t('members:fields.household'),
        t('members:fields.areaShort'),
        t('members:fields.phone'),
        t('members:fields.joinedOn'),
        t('members:fields.leftOn'),
        <span className="skip">{t('common:actions.edit')}</span>,
      ]}
    >
      {shown.map((m) => (
        <tr key={m.id}>
          <td>{m.name}</td>
          <td>{t(`common:enums.role.${m.role}`)}</td>
          <td>{formatHousehold(t, m)}</td>
          <td className="num">{formatArea(i18n.language, m.areaCentiM2)}</td>
          <td>{m.phone}</td>
          <td>{formatDate(i18n.language, m.joinedOn)}</td>
          <td>{m.leftOn ? formatDate(i18n.language, m.leftOn) : ''}</td>
          <td>
            {!readOnly ? (
              <button className="small" onClick={() => onEdit(m)} aria-label={t('members:editTitle', { name: m.name })}>
                {t('common:actions.edit')}
              </button>
            ) : null}
          </td>
        </tr>
      ))}
    </Table>
  )
}

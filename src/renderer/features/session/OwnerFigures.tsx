// The owners' figures of a meeting vote under an owners' rule (Civil Code arts. 278, 279): for a
// show of hands the secretary types them; for a roll call they come from who voted and each
// member's floor area on the register (a missing area is typed here). Stored as typed; areas are
// read as exact hundredths of m² (parseArea), never as floats. The four figures, each against its
// threshold, are shown live from the rules' provisional result.
import { useTranslation } from 'react-i18next'
import type { MemberId } from '../../../shared/domain/ids'
import { areaToText, parseArea } from '../../../shared/domain/member'
import type { VoteResult } from '../../../shared/domain/votes'
import type { Vote } from '../../../shared/doc/votes'
import * as Y from 'yjs'
import { readVoteAreas, rollCallAreas, type OwnerFigureField } from '../../../shared/doc/voteOwnersRead'
import { votesMap } from '../../../shared/doc/votes'
import { useEnv } from '../../kit/env'
import { formatArea } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { useMeeting } from '../../kit/MeetingContext'
import { enterOwnerFigure, enterVoteArea } from './voteFixActions'

/** Typed text that is not (yet) a stored figure, by field ('area:<memberId>' for a member's area). */
export type FigureDrafts = Record<string, string>

const COUNT = /^\d{1,9}$/
const HANDS_FIELDS: readonly OwnerFigureField[] = ['totalOwners', 'totalArea', 'participatingOwners', 'participatingArea', 'forOwners', 'forArea', 'againstOwners', 'againstArea']
const HEADS_FIELDS: readonly OwnerFigureField[] = ['totalOwners', 'participatingOwners', 'forOwners', 'againstOwners']

/** Parses one typed figure: a whole number of owners, or an area in m² as exact hundredths; '' clears. */
function parseFigure(text: string, area: boolean): { ok: true; value: number | null } | { ok: false } {
  const s = text.trim()
  if (s === '') return { ok: true, value: null }
  if (!area) return COUNT.test(s) ? { ok: true, value: Number(s) } : { ok: false }
  const p = parseArea(s)
  return p.ok ? { ok: true, value: p.value } : { ok: false }
}

export function OwnerFigures({ vote, live, preview, drafts, onDrafts }: { vote: Vote; live: boolean; preview: VoteResult | null; drafts: FigureDrafts; onDrafts: (d: FigureDrafts) => void }) {
  const { t } = useTranslation(['session', 'votes'])
  const env = useEnv()
  const { handle } = useMeeting()
  const { failure, run } = useAction()
  const unanimity = vote.rule === 'unanimity_affected'
  const entry = votesMap(handle.doc).get(vote.id)
  const map = entry instanceof Y.Map ? (entry as Y.Map<unknown>) : null
  const typedIds = map ? readVoteAreas(map) : new Map<string, number>()

  function typed(key: string, text: string, area: boolean, write: (v: number | null) => Promise<void>) {
    const p = parseFigure(text, area)
    if (!p.ok) return onDrafts({ ...drafts, [key]: text })
    const rest = { ...drafts }
    delete rest[key]
    onDrafts(rest)
    void run(() => write(p.value))
  }

  const figureField = (f: OwnerFigureField) => {
    const area = f.endsWith('Area')
    const stored = vote.ownerFigures[f]
    return (
      <TextField
        key={f}
        label={area ? t('session:owners.areaLabel', { label: t(`votes:field.${f}`) }) : t(`votes:field.${f}`)}
        inputMode="decimal"
        autoComplete="off"
        value={drafts[f] ?? (stored === undefined ? '' : area ? areaToText(stored) : String(stored))}
        error={drafts[f] !== undefined ? t(area ? 'session:owners.areaInvalid' : 'session:voteFix.countInvalid') : undefined}
        onChange={(e) => typed(f, e.target.value, area, (v) => enterOwnerFigure(env, handle, vote.id, f, v))}
        disabled={!live}
      />
    )
  }

  const members = vote.method === 'roll_call' && map ? rollCallAreas(handle.doc, map) : []
  const missing = members.filter((m) => m.areaCentiM2 === null || drafts[`area:${m.memberId}`] !== undefined)
  // Areas typed on this vote stay editable; the register's own are shown in the figures only.
  const typedAreas = members.filter((m) => m.areaCentiM2 !== null && typedIds.has(m.memberId))
  const areaField = (m: { memberId: MemberId; name: string; areaCentiM2: number | null }) => {
    const key = `area:${m.memberId}`
    return (
      <TextField
        key={m.memberId}
        label={t('session:owners.memberArea', { name: m.name })}
        inputMode="decimal"
        value={drafts[key] ?? (m.areaCentiM2 === null ? '' : areaToText(m.areaCentiM2))}
        error={drafts[key] !== undefined ? t('session:owners.areaInvalid') : undefined}
        onChange={(e) => typed(key, e.target.value, true, (v) => enterVoteArea(env, handle, vote.id, m.memberId, v))}
        disabled={!live}
      />
    )
  }

  return (
    <fieldset className="owner-figures" aria-label={t('session:owners.title')}>
      <legend>{t('session:owners.title')}</legend>
      <p className="hint">{vote.method === 'roll_call' ? t('session:owners.rollCallExplain') : t('session:owners.handsExplain')}</p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {vote.method === 'hands' ? <div className="row wrap">{(unanimity ? HEADS_FIELDS : HANDS_FIELDS).map(figureField)}</div> : null}
      {unanimity ? <div className="row">{figureField('affectedOwners')}</div> : null}
      {vote.method === 'roll_call' && !unanimity ? (
        <>
          {missing.length ? <p className="warn">{t('session:owners.missingAreas', { count: missing.length })}</p> : null}
          <div className="row wrap">{[...missing, ...typedAreas.filter((m) => !missing.includes(m))].map(areaField)}</div>
        </>
      ) : null}
      {preview?.figures?.length ? <LiveFigures figures={preview.figures} /> : null}
    </fieldset>
  )
}

/** The four figures against their thresholds, as the rules' provisional result has them. */
function LiveFigures({ figures }: { figures: NonNullable<VoteResult['figures']> }) {
  const { t, i18n } = useTranslation(['session', 'votes'])
  return (
    <table className="figures-live" aria-label={t('session:owners.live')}>
      <thead>
        <tr>
          <th scope="col">{t('session:owners.figure')}</th>
          <th scope="col">{t('session:owners.value')}</th>
          <th scope="col">{t('session:owners.needed')}</th>
          <th scope="col">{t('session:owners.met')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => {
          const area = f.name.endsWith('Area')
          const show = (n: number) => (area ? t('session:owners.m2', { value: formatArea(i18n.language, n) }) : String(n))
          return (
            <tr key={f.name}>
              <th scope="row">{t(`votes:figure.${f.name}`)}</th>
              <td>{t('session:owners.ofTotal', { value: show(f.value), of: show(f.of) })}</td>
              <td>{show(f.required)}</td>
              <td>{f.met ? t('session:owners.yes') : t('session:owners.no')}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

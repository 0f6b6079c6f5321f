// Putting an announced vote right without rewriting it: record a correction (corrected counts, who,
// why; the rules' result for them shown before it is recorded) or order a re-vote (a new vote on the
// same motion, linked to this one). Offered on the motion's latest announced vote only.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CHOICES, isMeetingRule, type Choice } from '../../../shared/domain/votes'
import type { Vote } from '../../../shared/doc/votes'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { useUnsavedFields } from '../../kit/unsaved'
import { Banner } from '../../ui/Banner'
import { TextAreaField, TextField } from '../../ui/Field'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { CorrectionFields, RevoteFields, type Revote } from './VoteFixFields'
import { correctVote, previewCorrection, revote } from './voteFixActions'

const WHOLE = /^\d{1,5}$/

export function VoteFixPanel({ vote, chairName, canRevote }: { vote: Vote; chairName: string; canRevote: boolean }) {
  const { t } = useTranslation(['session', 'votes', 'common'])
  const env = useEnv()
  const errs = useErrors()
  const { council } = useCouncil()
  const { handle } = useMeeting()
  const [mode, setMode] = useState<'none' | 'correct' | 'revote'>('none')
  const base = vote.corrections.at(-1)?.counts ?? vote.result?.counts ?? { for: 0, against: 0, abstain: 0 }
  const [counts, setCounts] = useState<Record<Choice, string>>({ for: String(base.for), against: String(base.against), abstain: String(base.abstain) })
  const [note, setNote] = useState({ by: chairName, reason: '' })
  const [again, setAgain] = useState<Revote>({ method: vote.method, rule: isMeetingRule(vote.rule, vote.method) ? vote.rule : 'simple_majority' })
  const [fields, setFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const labels = { by: t('session:voteFix.by'), reason: t('session:voteFix.fixReason') }
  const release = useUnsavedFields(note.reason.trim() ? [labels.reason] : [])

  const parsed = Object.fromEntries(CHOICES.map((c) => [c, WHOLE.test(counts[c].trim()) ? Number(counts[c].trim()) : Number.NaN])) as Record<Choice, number>
  const bad = CHOICES.filter((c) => Number.isNaN(parsed[c]))
  const preview = mode === 'correct' && !bad.length ? previewCorrection(handle, council, vote.id, parsed) : null

  async function submit() {
    setFailure(null)
    setFields({})
    try {
      if (mode === 'correct') await correctVote(env, handle, council, vote.id, { counts: parsed, ...note })
      else await revote(env, handle, vote.id, { ...again, ...note })
      release()
      setMode('none')
      setNote({ by: chairName, reason: '' })
    } catch (e) {
      const d = errs.describe(e)
      setFields(d.fields)
      setFailure(d.banner)
    }
  }

  if (mode === 'none')
    return (
      <div className="row vote-fix-actions">
        <button onClick={() => setMode('correct')}>{t('session:voteFix.correctOpen')}</button>
        {canRevote ? <button onClick={() => setMode('revote')}>{t('session:voteFix.revoteOpen')}</button> : null}
      </div>
    )

  const title = mode === 'correct' ? t('session:voteFix.correctTitle') : t('session:voteFix.revoteTitle')
  return (
    <form
      className="card vote-fix"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault()
        if (mode === 'correct' && bad.length) return setFailure(t('session:voteFix.fieldsInvalid', { fields: bad.map((c) => t(`votes:counts.${c}`)).join(t('session:listSep')) }))
        void submit()
      }}
    >
      <h5>{title}</h5>
      <p className="muted">{mode === 'correct' ? t('session:voteFix.correctExplain') : t('session:voteFix.revoteExplain')}</p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {mode === 'correct' ? (
        <CorrectionFields counts={counts} onCounts={(c, v) => setCounts((x) => ({ ...x, [c]: v }))} bad={bad} preview={preview} />
      ) : (
        <RevoteFields again={again} onAgain={setAgain} />
      )}
      <TextField label={labels.by} value={note.by} error={fields.by} maxLength={60} onChange={(e) => setNote((n) => ({ ...n, by: e.target.value }))} />
      <TextAreaField label={labels.reason} value={note.reason} error={fields.reason} maxLength={500} onChange={(e) => setNote((n) => ({ ...n, reason: e.target.value }))} />
      <div className="row">
        <button type="submit" className="primary" disabled={mode === 'correct' && preview?.outcome === 'rejected'}>
          {mode === 'correct' ? t('session:voteFix.correctDo') : t('session:voteFix.revoteDo')}
        </button>
        <button type="button" onClick={() => setMode('none')}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  )
}

// The part of a step form for a body Yishi does not run (the party organisation, the 两委, the
// party members' meeting, a posted notice): body, outcome, attendance where a body decides, the
// posting period of a notice, a note, and the scanned record (the first file; more go with the step).
import { useTranslation } from 'react-i18next'
import type { StepOutcome, StepTemplate } from '../../../shared/matters/matterPath'
import { AttachFiles, FileList } from '../../kit/Attachments'
import { useCouncil } from '../../kit/CouncilContext'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { outcomesOf, type StepValues } from './stepValues'

interface Props {
  v: StepValues
  template: StepTemplate
  set: <K extends keyof StepValues>(k: K, value: StepValues[K]) => void
}

export function OutsideStepFields({ v, template, set }: Props) {
  const { t } = useTranslation(['matters', 'common'])
  const { council } = useCouncil()
  return (
    <>
      <div className="grid">
        <TextField label={t('matters:stepForm.body')} hint={t('matters:stepForm.bodyHint')} value={v.body} onChange={(e) => set('body', e.target.value)} required />
        <SelectField
          label={t('matters:stepForm.outcome')}
          value={v.outcome}
          onChange={(e) => set('outcome', e.target.value as StepOutcome)}
          options={outcomesOf(template).map((o) => ({ value: o, label: t(`matters:stepOutcome.${o}`) }))}
        />
        {template.decides ? (
          <>
            <TextField label={t('matters:stepForm.present')} inputMode="numeric" value={v.present} onChange={(e) => set('present', e.target.value)} />
            <TextField label={t('matters:stepForm.due')} inputMode="numeric" value={v.due} onChange={(e) => set('due', e.target.value)} />
          </>
        ) : null}
        {template.notice ? <TextField label={t('matters:stepForm.until')} type="date" value={v.until} onChange={(e) => set('until', e.target.value)} /> : null}
      </div>
      <TextAreaField label={t('matters:stepForm.note')} value={v.note} rows={2} onChange={(e) => set('note', e.target.value)} />
      <FileList
        label={t('matters:stepForm.scanList')}
        items={v.files.map((file) => ({ id: file.hash, file }))}
        onRemove={(hash) =>
          set(
            'files',
            v.files.filter((f) => f.hash !== hash),
          )
        }
      />
      <AttachFiles
        councilId={council.id}
        label={t('matters:stepForm.attachScan')}
        onAttached={async (refs) => set('files', [...v.files, ...refs.filter((r) => !v.files.some((f) => f.hash === r.hash))])}
      />
    </>
  )
}

// A fund project's milestones (the follow-up rules of matters): each with its due day and, once
// reached, the day it was done; a new one is added under the list once the contract is recorded.
import { useTranslation } from 'react-i18next'
import { addProjectMilestone, markMilestoneDone, readImplementation, readProjectMilestones } from '../../../shared/doc/fundProjects'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { writeDoc } from '../../kit/write'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { Table } from '../../ui/Table'
import { useFundDescribe } from './projectActions'

function AddMilestone({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const form = useFormAction(useFundDescribe())
  const labels = { title: t('fund:project.milestones.name'), due: t('fund:project.milestones.due') }
  const d = useDraft({ title: '', due: '' }, (v) => (['title', 'due'] as const).filter((k) => v[k] !== '').map((k) => labels[k]))
  return (
    <form
      aria-label={t('fund:project.milestones.add')}
      onSubmit={(e) => {
        e.preventDefault()
        void d.submit((v) => form.submit(() => writeDoc(env, handle, (doc) => addProjectMilestone(doc, projectId, v))))
      }}
    >
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      <div className="row">
        <TextField label={labels.title} value={d.value.title} maxLength={200} onChange={(e) => d.set((o) => ({ ...o, title: e.target.value }))} error={form.errors.title} />
        <TextField label={labels.due} type="date" value={d.value.due} onChange={(e) => d.set((o) => ({ ...o, due: e.target.value }))} error={form.errors.due} />
      </div>
      <FormActions submitLabel={t('fund:project.milestones.add')} busy={form.busy} />
    </form>
  )
}

export function ProjectMilestones({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { failure, run } = useAction()
  const milestones = readProjectMilestones(handle.doc, projectId)
  const impl = readImplementation(handle.doc, projectId)
  return (
    <section className="card" aria-labelledby="project-ms-h">
      <h3 id="project-ms-h">{t('fund:project.milestones.title')}</h3>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {milestones.length ? (
        <Table labelledBy="project-ms-h" columns={[t('fund:project.milestones.name'), t('fund:project.milestones.due'), t('fund:project.milestones.doneOn'), '']}>
          {milestones.map((m) => (
            <tr key={m.id}>
              <td>{m.title}</td>
              <td>{formatDate(i18n.language, m.due)}</td>
              <td>{m.doneOn ? formatDate(i18n.language, m.doneOn) : t('fund:project.milestones.open')}</td>
              <td>
                {handle.readOnly ? null : (
                  <button type="button" aria-label={t(m.doneOn ? 'fund:project.milestones.reopenNamed' : 'fund:project.milestones.markNamed', { title: m.title })} onClick={() => void run(() => writeDoc(env, handle, (doc) => markMilestoneDone(doc, m.id, m.doneOn ? null : env.today())))}>
                    {t(m.doneOn ? 'fund:project.milestones.reopen' : 'fund:project.milestones.markDone')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="muted">{t('fund:project.milestones.none')}</p>
      )}
      {handle.readOnly ? null : impl ? <AddMilestone handle={handle} projectId={projectId} /> : <p className="hint">{t('fund:project.milestones.needsContract')}</p>}
    </section>
  )
}

// A fund project's acceptance (验收): the checklist, each item passed or not with a note, who
// signed, and whether it stands as accepted (every item passed and somebody signed: accepted()).
// Recorded once; two laptops recording it offline keep both and the earliest stands.
import { useTranslation } from 'react-i18next'
import { readAcceptance, recordAcceptance } from '../../../shared/doc/fundProjects'
import { accepted } from '../../../shared/fund/implementation'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { writeDoc } from '../../kit/write'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { CheckboxField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { Table } from '../../ui/Table'
import { useFundDescribe } from './projectActions'

const ITEM = { text: '', passed: false, note: '' }
const splitNames = (s: string) => s.split(/[,，、;；\n]/).map((x) => x.trim()).filter(Boolean)

function AcceptanceForm({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const form = useFormAction(useFundDescribe())
  const empty = { on: env.today(), items: [ITEM, ITEM, ITEM], signedBy: '' }
  const d = useDraft(empty, (v) => [...(v.items.some((i) => i.text || i.note) ? [t('fund:project.acceptance.items')] : []), ...(v.signedBy ? [t('fund:project.acceptance.signedBy')] : [])])
  const setItem = (i: number, patch: Partial<typeof ITEM>) => d.set((o) => ({ ...o, items: o.items.map((x, j) => (j === i ? { ...x, ...patch } : x)) }))
  const save = (v: typeof empty) =>
    form.submit(() => {
      const items = v.items.filter((i) => i.text.trim()).map((i) => ({ text: i.text.trim(), passed: i.passed, note: i.note.trim() }))
      const signedBy = splitNames(v.signedBy)
      return writeDoc(env, handle, (doc, now) => recordAcceptance(doc, { projectId, on: v.on, items, signedBy }, { now, by: signedBy[0] ?? '' }))
    })
  return (
    <form aria-label={t('fund:project.acceptance.record')} onSubmit={(e) => { e.preventDefault(); void d.submit(save) }}>
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      {form.errors.items ? <p className="error" role="alert">{t('fund:project.acceptance.itemsRequired')}</p> : null}
      <TextField label={t('fund:project.acceptance.on')} type="date" value={d.value.on} onChange={(e) => d.set((o) => ({ ...o, on: e.target.value }))} />
      {d.value.items.map((it, i) => (
        <div className="row" key={i}>
          <TextField label={t('fund:project.acceptance.itemN', { n: i + 1 })} value={it.text} maxLength={200} onChange={(e) => setItem(i, { text: e.target.value })} />
          <CheckboxField label={t('fund:project.acceptance.passedN', { n: i + 1 })} checked={it.passed} onChange={(e) => setItem(i, { passed: e.target.checked })} />
          <TextField label={t('fund:project.acceptance.noteN', { n: i + 1 })} value={it.note} maxLength={200} onChange={(e) => setItem(i, { note: e.target.value })} />
        </div>
      ))}
      <button type="button" onClick={() => d.set((o) => ({ ...o, items: [...o.items, ITEM] }))}>{t('fund:project.acceptance.addItem')}</button>
      <TextField label={t('fund:project.acceptance.signedBy')} hint={t('fund:project.acceptance.signedByHint')} value={d.value.signedBy} maxLength={300} onChange={(e) => d.set((o) => ({ ...o, signedBy: e.target.value }))} />
      <FormActions submitLabel={t('fund:project.acceptance.record')} busy={form.busy} />
    </form>
  )
}

export function ProjectAcceptance({ handle, projectId }: { handle: DocHandle; projectId: string }) {
  const { t, i18n } = useTranslation(['fund'])
  const a = readAcceptance(handle.doc, projectId)
  return (
    <section className="card" aria-labelledby="project-acc-h">
      <h3 id="project-acc-h">{t('fund:project.acceptance.title')}</h3>
      {a ? (
        <>
          <p>
            <strong>{t(accepted(a) ? 'fund:project.acceptance.accepted' : 'fund:project.acceptance.notAccepted')}</strong>{' '}
            {t('fund:project.acceptance.summary', { on: formatDate(i18n.language, a.on), names: a.signedBy.join('、') })}
          </p>
          <Table labelledBy="project-acc-h" columns={[t('fund:project.acceptance.item'), t('fund:project.acceptance.passed'), t('fund:project.acceptance.note')]}>
            {a.items.map((i, n) => (
              <tr key={n}>
                <td>{i.text}</td>
                <td>{t(i.passed ? 'fund:project.acceptance.yes' : 'fund:project.acceptance.no')}</td>
                <td>{i.note}</td>
              </tr>
            ))}
          </Table>
        </>
      ) : handle.readOnly ? (
        <p className="muted">{t('fund:project.acceptance.none')}</p>
      ) : (
        <AcceptanceForm handle={handle} projectId={projectId} />
      )}
    </section>
  )
}

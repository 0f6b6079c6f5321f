// The agenda of a meeting: items in order, moved up and down with buttons (keyboard friendly),
// edited and removed while the meeting is a draft; read-only once the notice is issued.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgendaItem } from '../../../shared/domain/meeting'
import { agendaMinutes } from '../../../shared/domain/meeting'
import type { AgendaItemId } from '../../../shared/domain/ids'
import { useEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { AgendaItemForm, blankItem } from './AgendaItemForm'
import { AgendaItemView } from './AgendaItemView'
import { deleteItem, moveItem, saveItem, saveNewItem } from './actions'

export function AgendaEditor({ handle, items, editable }: { handle: DocHandle; items: AgendaItem[]; editable: boolean }) {
  const { t } = useTranslation(['meetings', 'common'])
  const env = useEnv()
  const [editing, setEditing] = useState<AgendaItemId | null>(null)
  const [confirmRemove, setConfirmRemove] = useState<AgendaItemId | null>(null)
  const { failure, run } = useAction()


  /** Moves an item; when its button is disabled at the top or bottom, the focus goes to the item's other move button instead of being lost. */
  const move = (id: AgendaItemId, to: number, dir: 'up' | 'down') =>
    run(async () => {
      await moveItem(env, handle, id, to)
      const active = document.activeElement
      if (active && active !== document.body) return
      const buttons = [...document.querySelectorAll<HTMLButtonElement>(`button[data-move="${id}"]`)].filter((b) => !b.disabled)
      ;(buttons.find((b) => b.dataset.dir === dir) ?? buttons[0])?.focus()
    })

  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('meetings:agenda.title', { count: items.length, minutes: agendaMinutes(items) })}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {items.length === 0 ? <p className="card">{t('meetings:agenda.empty')}</p> : null}
      <ol className="agenda" aria-label={t('meetings:agenda.list')}>
        {items.map((item, index) =>
          editing === item.id ? (
            <li key={item.id}>
              <AgendaItemForm
                initial={item}
                title={t('meetings:agenda.editTitle', { n: index + 1 })}
                submitLabel={t('common:actions.save')}
                onCancel={() => setEditing(null)}
                onSubmit={async (f) => {
                  await saveItem(env, handle, item.id, f)
                  setEditing(null)
                }}
              />
            </li>
          ) : (
            <li key={item.id} className="card" aria-label={item.title}>
              <AgendaItemView item={item} />
              {editable ? (
                <div className="row">
                  <button className="small" data-move={item.id} data-dir="up" disabled={index === 0} onClick={() => move(item.id, index - 1, 'up')} aria-label={t('meetings:agenda.moveUp', { title: item.title })}>
                    {t('meetings:agenda.up')}
                  </button>
                  <button className="small" data-move={item.id} data-dir="down" disabled={index === items.length - 1} onClick={() => move(item.id, index + 1, 'down')} aria-label={t('meetings:agenda.moveDown', { title: item.title })}>
                    {t('meetings:agenda.down')}
                  </button>
                  <button className="small" onClick={() => setEditing(item.id)} aria-label={t('meetings:agenda.edit', { title: item.title })}>
                    {t('common:actions.edit')}
                  </button>
                  {confirmRemove === item.id ? (
                    <>
                      <span role="alert">{t('meetings:agenda.confirmRemove')}</span>
                      <button className="small danger" onClick={() => run(() => deleteItem(env, handle, item.id))}>
                        {t('meetings:agenda.yesRemove')}
                      </button>
                      <button className="small" onClick={() => setConfirmRemove(null)}>
                        {t('common:actions.cancel')}
                      </button>
                    </>
                  ) : (
                    <button className="small danger" onClick={() => setConfirmRemove(item.id)} aria-label={t('meetings:agenda.remove', { title: item.title })}>
                      {t('common:actions.remove')}
                    </button>
                  )}
                </div>
              ) : null}
            </li>
          ),
        )}
      </ol>
      {editable ? (
        <AgendaItemForm initial={blankItem} title={t('meetings:agenda.addTitle')} submitLabel={t('meetings:agenda.add')} onSubmit={(f) => saveNewItem(env, handle, f)} />
      ) : null}
    </section>
  )
}

// The council's negative list (what the fund may not pay for; its defaults from domain.md §3b) and
// priority list for the year, each editable: add an item, take one off (kept, marked removed, so an
// exclusion that cited it still reads).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readList, type ListKind } from '../../../shared/doc/fund'
import type { ListItem } from '../../../shared/fund/proposals'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import { useUnsavedFields } from '../../kit/unsaved'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { addToList, plainT, removeFromList } from './fundActions'

const lists = (d: Y.Doc) => ({ negative: readList(d, 'negative'), priority: readList(d, 'priority') })

/** A list item's words: a default's from the locales, a written one as written. */
export const listItemText = (t: (k: string) => string, i: ListItem): string => (i.key ? t(`fund:negative.${i.key}`) : i.text)

function ListEditor({ handle, kind, items }: { handle: DocHandle; kind: ListKind; items: ListItem[] }) {
  const { t } = useTranslation('fund')
  const env = useEnv()
  const { failure, run } = useAction()
  const [text, setText] = useState('')
  const label = t(`lists.${kind}.add`)
  const release = useUnsavedFields(text.trim() ? [label] : [])
  return (
    <section className="card" aria-labelledby={`fund-list-${kind}`}>
      <h3 id={`fund-list-${kind}`}>{t(`lists.${kind}.title`)}</h3>
      <p className="hint">{t(`lists.${kind}.hint`)}</p>
      {items.length ? (
        <ul aria-labelledby={`fund-list-${kind}`}>
          {items.map((i) => (
            <li key={i.id} className="row">
              <span className="spacer">{listItemText(plainT(t), i)}</span>
              <button onClick={() => void run(() => removeFromList(env, handle, i.id))} disabled={handle.readOnly} aria-label={t('lists.remove', { item: listItemText(plainT(t), i) })}>
                {t('lists.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('lists.empty')}</p>
      )}
      <form
        className="row bottom"
        onSubmit={(e) => {
          e.preventDefault()
          const held = text
          release()
          setText('')
          void run(() => addToList(env, handle, kind, held)).then((ok) => ok || setText(held))
        }}
      >
        <TextField label={label} value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={!text.trim() || handle.readOnly}>
          {t('lists.addButton')}
        </button>
      </form>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
    </section>
  )
}

export function OverviewLists({ handle }: { handle: DocHandle }) {
  const l = useDocValue(handle.doc, lists)
  if (!l) return null
  return (
    <div className="grid fund-lists">
      <ListEditor handle={handle} kind="negative" items={l.negative} />
      <ListEditor handle={handle} kind="priority" items={l.priority} />
    </div>
  )
}

// The open requests of the year's register a new matter may gather (合并立项): each ticked one is
// marked as made into the matter when it is opened. Requests already merged, declined or in a
// matter are not offered; the shared outcome rules refuse them anyway if another laptop took one.
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readRequestStates } from '../../../shared/doc/matters'
import type { ResidentRequest } from '../../../shared/matters/requests'
import { useDocValue } from '../../kit/docHooks'
import { formatDate } from '../../kit/format'
import { CheckboxField } from '../../ui/Field'

const openRequests = (doc: Y.Doc): ResidentRequest[] => [...readRequestStates(doc).values()].filter((s) => s.status === 'open').map((s) => s.request)

export function GatherRequests({ doc, chosen, onChange }: { doc: Y.Doc; chosen: readonly string[]; onChange: (ids: string[]) => void }) {
  const { t, i18n } = useTranslation(['matters'])
  const open = useDocValue(doc, openRequests) ?? []
  return (
    <fieldset>
      <legend>{t('matters:matterForm.requests')}</legend>
      {open.length === 0 ? <p className="muted">{t('matters:matterForm.noOpenRequests')}</p> : null}
      {open.map((r) => (
        <CheckboxField
          key={r.id}
          label={t('matters:matterScreen.requestLine', {
            date: formatDate(i18n.language, r.receivedOn),
            name: r.requester.name,
            text: r.text.length > 60 ? `${r.text.slice(0, 60)}…` : r.text,
          })}
          checked={chosen.includes(r.id)}
          onChange={(e) => onChange(e.target.checked ? [...chosen, r.id] : chosen.filter((id) => id !== r.id))}
        />
      ))}
    </fieldset>
  )
}

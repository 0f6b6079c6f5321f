// The proposal list (项目建议清单) as it prints: the listed projects with their estimates, the total
// against the money available, and the exclusions with their reasons (shared/fund/printLists.ts).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readListItem } from '../../../shared/doc/fund'
import type { ListItem } from '../../../shared/fund/proposals'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { PrintDocumentView } from '../../kit/PrintDocumentView'
import type { DocHandle } from '../../sync/docs'
import { proposalListDocument } from '../../../shared/fund/printLists'
import { snapshotOrNull } from './OverviewNotice'

/** Every list item an exclusion or a listing names, removed ones too. */
function listItems(d: Y.Doc): Map<string, ListItem> {
  const snap = snapshotOrNull(d)
  const out = new Map<string, ListItem>()
  for (const s of snap?.proposals.values() ?? []) {
    const e = s.screening
    const id = e?.kind === 'excluded' ? e.negativeItem : e?.kind === 'listed' ? e.priorityItem : null
    const item = id ? readListItem(d, id) : null
    if (item) out.set(item.id, item)
  }
  return out
}

export function ProposalListPrint({ handle, year, onBack }: { handle: DocHandle; year: number; onBack: () => void }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const snap = useDocValue(handle.doc, snapshotOrNull)
  const items = useDocValue(handle.doc, listItems)
  const lang = i18n.language
  const on = env.today()
  const doc = useMemo(
    () => (snap && items ? proposalListDocument({ councilName: council.name, year: snap, listItems: items, on }, { t: i18n.getFixedT(lang) as (k: string, o?: Record<string, unknown>) => string, lang }) : null),
    [snap, items, council.name, on, i18n, lang],
  )
  return (
    <section aria-label={t('fund:list.title')}>
      <div className="row no-print">
        <button onClick={onBack}>{t('fund:notice.back')}</button>
      </div>
      {doc ? <PrintDocumentView doc={doc} fileName={`${council.name}-${year}-${t('fund:list.file')}`} /> : null}
    </section>
  )
}

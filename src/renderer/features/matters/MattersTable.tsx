// The matters of one year's document as a table: opened on, title (a link to the matter), who
// proposed it, its path, and the step it stands at with that step's state.
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { readMatters, readStepEntries } from '../../../shared/doc/matters'
import type { Matter } from '../../../shared/matters/matter'
import { resolvePath, type ResolvedPath } from '../../../shared/matters/matterPath'
import { useDocValue } from '../../kit/docHooks'
import { formatDate } from '../../kit/format'
import { href } from '../../kit/router'
import type { DocHandle } from '../../sync/docs'
import { StatusPill } from '../../ui/StatusPill'
import { Table } from '../../ui/Table'
import { CurrentStep } from './StepLabels'

interface Row {
  matter: Matter
  path: ResolvedPath
}

/** Every matter with its path as it stands (the shared resolution), the step entries read once. */
function readRows(doc: Y.Doc): Row[] {
  const entries = readStepEntries(doc)
  return readMatters(doc).map((matter) => ({ matter, path: resolvePath(matter.path, entries.filter((e) => e.matterId === matter.id)) }))
}

export function MattersTable({ handle, councilId, year }: { handle: DocHandle; councilId: string; year: number }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const rows = useDocValue(handle.doc, readRows) ?? []
  if (rows.length === 0) return <p className="card">{t('matters:matterList.empty')}</p>
  return (
    <Table
      labelledBy="matters-title"
      columns={[t('matters:matterList.openedOn'), t('matters:matterList.name'), t('matters:matterList.proposer'), t('matters:matterList.path'), t('matters:matterList.current')]}
    >
      {rows.map(({ matter, path }) => (
        <tr key={matter.id}>
          <td>{formatDate(i18n.language, matter.openedOn)}</td>
          <td>
            <a href={href({ name: 'matter', councilId, year, matterId: matter.id })}>{matter.title}</a>
          </td>
          <td>{matter.proposer.name}</td>
          <td>{t(`matters:path.${matter.path}`)}</td>
          <td>
            <CurrentStep path={path} />{' '}
            {path.outcome !== 'inProgress' ? <StatusPill status={`path-${path.outcome}`} label={t(`matters:pathOutcome.${path.outcome}`)} /> : null}
          </td>
        </tr>
      ))}
    </Table>
  )
}

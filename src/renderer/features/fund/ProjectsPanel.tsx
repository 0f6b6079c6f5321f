// The fund year's projects tab (FundYearScreen.tsx): every approved project with its budget, what
// is committed and paid, what remains and the step it is at, each linking to its own screen.
import { useTranslation } from 'react-i18next'
import { formatYuan } from '../../../shared/fund/money'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { href } from '../../kit/router'
import type { DocHandle } from '../../sync/docs'
import { Table } from '../../ui/Table'
import { readProjectRows, stepKey, usePlainT } from './projectActions'

export function ProjectsPanel({ handle, year }: { handle: DocHandle; year: number }) {
  const { t } = useTranslation(['fund', 'common'])
  const pt = usePlainT()
  const { council } = useCouncil()
  const rows = useDocValue(handle.doc, readProjectRows) ?? []
  return (
    <section aria-labelledby="fund-projects-h">
      <h2 id="fund-projects-h">{t('fund:projects.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('fund:projects.none')}</p>
      ) : (
        <Table
          labelledBy="fund-projects-h"
          numeric={[1, 2, 3, 4]}
          columns={[t('fund:projects.project'), t('fund:projects.budget'), t('fund:projects.committed'), t('fund:projects.paid'), t('fund:projects.remaining'), t('fund:projects.step')]}
        >
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <a href={href({ name: 'fundProject', councilId: council.id, year, projectId: r.id })}>{r.title}</a>
              </th>
              <td className="num">{formatYuan(r.budget)}</td>
              <td className="num">{formatYuan(r.committed)}</td>
              <td className="num">{formatYuan(r.paid)}</td>
              <td className="num">{formatYuan(r.remaining)}</td>
              <td>{pt(stepKey(r.step))}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  )
}

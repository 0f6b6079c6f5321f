// One approved fund project: its steps, implementer, milestones, review, acceptance, satisfaction
// and money. The year's document is opened with useYearDoc; the sections read it on every change
// (this screen re-renders with the document's version, through useDocValue).
import { useTranslation } from 'react-i18next'
import { formatYuan } from '../../../shared/fund/money'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useErrors } from '../../kit/errors'
import { href } from '../../kit/router'
import { useYearDoc } from '../../kit/yearDoc'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { ProjectAcceptance } from './ProjectAcceptance'
import { ProjectImplementer } from './ProjectImplementer'
import { ProjectMilestones } from './ProjectMilestones'
import { ProjectReview } from './ProjectReview'
import { ProjectSatisfaction } from './ProjectSatisfaction'
import { ProjectSteps } from './ProjectSteps'
import { readProjectRows } from './projectActions'

function ProjectBody({ handle, year, projectId }: { handle: DocHandle; year: number; projectId: string }) {
  const { t } = useTranslation(['fund', 'common'])
  const { council } = useCouncil()
  const row = useDocValue(handle.doc, readProjectRows)?.find((r) => r.id === projectId)
  const back = href({ name: 'fundYear', councilId: council.id, year, tab: 'projects' })
  if (!row) {
    return (
      <>
        <Banner kind="info">{t('fund:project.notApproved')}</Banner>
        <a href={back}>{t('fund:project.back')}</a>
      </>
    )
  }
  return (
    <>
      <h1>{row.title}</h1>
      <p>
        <a href={back}>{t('fund:project.back')}</a> · <a href={href({ name: 'fundYear', councilId: council.id, year, tab: 'ledger' })}>{t('fund:project.toLedger')}</a>
      </p>
      <p className="project-money">{t('fund:project.money', { budget: formatYuan(row.budget), committed: formatYuan(row.committed), paid: formatYuan(row.paid), remaining: formatYuan(row.remaining) })}</p>
      <ProjectSteps handle={handle} projectId={projectId} />
      <ProjectImplementer handle={handle} projectId={projectId} />
      <ProjectMilestones handle={handle} projectId={projectId} />
      <ProjectReview handle={handle} projectId={projectId} />
      <ProjectAcceptance handle={handle} projectId={projectId} />
      <ProjectSatisfaction handle={handle} projectId={projectId} />
    </>
  )
}

export function FundProjectScreen({ year, projectId }: { year: number; projectId: string }) {
  const { t } = useTranslation(['fund', 'common'])
  const errs = useErrors()
  const state = useYearDoc('fund', year)
  if (state.status === 'error') return <Banner kind="error">{errs.message(state.error)}</Banner>
  if (state.status === 'loading') return <p>{t('common:status.loading')}</p>
  if (state.status === 'empty') return <Banner kind="info">{t('fund:screen.empty', { year })}</Banner>
  return <ProjectBody handle={state.handle} year={year} projectId={projectId} />
}

// The council's matters (议题) of a year with where each stands on its path, and opening a matter
// directly. The years offered are those the council document names, and the current one.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { indexedYears } from '../../../shared/doc/council'
import { yearOf } from '../../../shared/domain/dates'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { useYearDoc } from '../../kit/yearDoc'
import { Banner } from '../../ui/Banner'
import { SelectField } from '../../ui/Field'
import { MattersTable } from './MattersTable'
import { NewMatterForm } from './NewMatterForm'

const matterYears = (doc: Y.Doc): string => indexedYears(doc, 'matters').join(',')

export function MattersTab() {
  const { t } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const errs = useErrors()
  const { council, handle: councilHandle } = useCouncil()
  const today = env.today()
  const thisYear = yearOf(today)
  const indexed = useDocValue(councilHandle.doc, matterYears) ?? ''
  const years = [...new Set([thisYear, ...indexed.split(',').filter(Boolean).map(Number)])].sort((a, b) => b - a)
  const [year, setYear] = useState(thisYear)
  const state = useYearDoc('matters', year)
  return (
    <section aria-labelledby="matters-title">
      <div className="row bottom">
        <h2 id="matters-title">{t('matters:matterList.title')}</h2>
        <span className="spacer" />
        <SelectField label={t('matters:matterList.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      {state.status === 'loading' ? <p>{t('common:status.loading')}</p> : null}
      {state.status === 'error' ? <Banner kind="error">{t('matters:matterList.loadFailed', { message: errs.message(state.error) })}</Banner> : null}
      {state.status === 'empty' ? <p className="card">{t('matters:matterList.emptyReadOnly')}</p> : null}
      {state.status === 'ready' ? (
        <>
          <MattersTable handle={state.handle} councilId={council.id} year={year} />
          {!state.handle.readOnly ? (
            <details className="card">
              <summary>{t('matters:matterList.openTitle')}</summary>
              <p className="muted">{t('matters:matterList.openHint')}</p>
              <NewMatterForm key={year} handle={state.handle} councilId={council.id} year={year} today={today} />
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  )
}

// The requests-and-matters year file for the street office (街道备案), on the ledgers tab: the chosen
// year's records read when the button is pressed, signed with this device's key (shared/matters/bundle.ts,
// like the fund-year file) and saved through the platform's save; the street office's review screen
// opens it, verifies it and shows its checks. The saved file's hash is shown, to quote on the cover letter.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readMattersFile } from '../../../shared/doc/mattersFile'
import type { IsoDate } from '../../../shared/domain/dates'
import { createMattersBundle, encodeMattersBundle } from '../../../shared/matters/bundle'
import { useCouncil } from '../../kit/CouncilContext'
import { useEnv, type AppEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import { useYearDoc } from '../../kit/yearDoc'
import { deviceKey } from '../../data/deviceKey'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'

/** Signs and saves the year's file; the hash of what was saved, or null when the save was cancelled. */
export async function exportMattersBundle(env: AppEnv, handle: Pick<DocHandle, 'doc'>, council: { id: string; name: string }, today: IsoDate, fileLabel: string): Promise<string | null> {
  const now = env.now()
  const file = readMattersFile(handle.doc, council, today, now)
  const bundle = await createMattersBundle(file, (await deviceKey(env.db, now)).keyPair)
  const r = await env.platform.saveFile({ suggestedName: `${council.name}-${file.year}-${fileLabel}.yishi.json`, kind: 'bundle', data: encodeMattersBundle(bundle), mime: 'application/json' })
  return r.saved ? bundle.seal.hash : null
}

function ExportCard({ handle, year }: { handle: DocHandle; year: number }) {
  const { t } = useTranslation(['matters'])
  const env = useEnv()
  const { council } = useCouncil()
  const { failure, run } = useAction()
  const [saved, setSaved] = useState<string | null>(null)
  const save = () => run(async () => setSaved(await exportMattersBundle(env, handle, { id: council.id, name: council.name }, env.today(), t('matters:bundle.file'))))
  return (
    <section aria-labelledby="matters-bundle-h" className="card no-print">
      <h2 id="matters-bundle-h">{t('matters:bundle.title', { year })}</h2>
      <p className="muted">{t('matters:bundle.explain')}</p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <div className="row">
        <button type="button" onClick={() => void save()}>
          {t('matters:bundle.export')}
        </button>
        {saved ? (
          <span className="saved" role="status">
            {t('matters:bundle.saved', { hash: saved.slice(0, 16) })}
          </span>
        ) : null}
      </div>
    </section>
  )
}

/** The card for a year whose matters document exists; nothing for a year with no requests or matters recorded. */
export function MattersBundleExport({ year }: { year: number }) {
  const state = useYearDoc('matters', year)
  return state.status === 'ready' ? <ExportCard key={year} handle={state.handle} year={year} /> : null
}

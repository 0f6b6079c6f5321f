// The fund-year file for the street office (街道备案), on the disclose tab: the year's records read
// when the button is pressed, signed with this device's key (shared/fund/bundle.ts, like the
// minutes' bundle) and saved through the platform's save; the street office's review screen opens
// it, verifies it and shows its checks. The saved file's hash is shown, to quote on the cover letter.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readFundFile } from '../../../shared/doc/fundFile'
import { createFundBundle, encodeFundBundle } from '../../../shared/fund/bundle'
import { useCouncil } from '../../kit/CouncilContext'
import { useEnv, type AppEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import { deviceKey } from '../../data/deviceKey'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'

/** Signs and saves the year's file; the hash of what was saved, or null when the save was cancelled. */
export async function exportFundBundle(env: AppEnv, handle: Pick<DocHandle, 'doc'>, council: { id: string; name: string }, fileLabel: string): Promise<string | null> {
  const now = env.now()
  const file = readFundFile(handle.doc, council, now)
  const bundle = await createFundBundle(file, (await deviceKey(env.db, now)).keyPair)
  const r = await env.platform.saveFile({ suggestedName: `${council.name}-${file.year}-${fileLabel}.yishi.json`, kind: 'bundle', data: encodeFundBundle(bundle), mime: 'application/json' })
  return r.saved ? bundle.seal.hash : null
}

export function FundBundleExport({ handle }: { handle: DocHandle }) {
  const { t } = useTranslation(['fund'])
  const env = useEnv()
  const { council } = useCouncil()
  const { failure, run } = useAction()
  const [saved, setSaved] = useState<string | null>(null)
  const save = () => run(async () => setSaved(await exportFundBundle(env, handle, { id: council.id, name: council.name }, t('fund:bundle.file'))))
  return (
    <section aria-labelledby="fund-bundle-h" className="card no-print">
      <h2 id="fund-bundle-h">{t('fund:bundle.title')}</h2>
      <p className="muted">{t('fund:bundle.explain')}</p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <div className="row">
        <button type="button" onClick={() => void save()}>
          {t('fund:bundle.export')}
        </button>
        {saved ? (
          <span className="saved" role="status">
            {t('fund:bundle.saved', { hash: saved.slice(0, 16) })}
          </span>
        ) : null}
      </div>
    </section>
  )
}

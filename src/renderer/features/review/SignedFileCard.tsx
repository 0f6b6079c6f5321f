// The card through which the street office opens a signed year file (the fund's, the requests and
// matters'): pick the file, refuse one past the size cap, verify it with the file kind's own review,
// and show the result. One card for every kind, so each kind only says how its result reads.
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { FilePicker } from '../../ui/FilePicker'
import { MAX_FILE_BYTES } from './actions'

export type OpenedFile<R> = { fileName: string; result: R | { ok: false; reason: 'tooLarge' } }

export function SignedFileCard<R>(props: { kind: 'fund' | 'matters'; review: (text: string) => Promise<R>; result: (opened: OpenedFile<R>) => ReactNode }) {
  const { t } = useTranslation(['review'])
  const env = useEnv()
  const { failure, run } = useAction()
  const [opened, setOpened] = useState<OpenedFile<R> | null>(null)
  const { kind, review } = props
  const open = (files: readonly { name: string; size: number; text: () => Promise<string> }[]) => {
    const f = files[0]
    if (!f) return
    void run(async () => setOpened({ fileName: f.name, result: f.size > MAX_FILE_BYTES ? { ok: false, reason: 'tooLarge' } : await review(await f.text()) }))
  }
  return (
    <section className="card no-print" aria-labelledby={`${kind}-review-h`}>
      <h2 id={`${kind}-review-h`}>{t(`review:${kind}.title`)}</h2>
      <p className="muted">{t(`review:${kind}.explain`)}</p>
      <FilePicker label={t(`review:${kind}.choose`)} kind="bundle" accept=".json,application/json" openNative={env.platform.capability('openFiles')} onFiles={open} />
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {opened ? props.result(opened) : null}
    </section>
  )
}

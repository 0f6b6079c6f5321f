// The one register import screen, for members and households alike (they differed only in what
// a row holds): choose a file, see every row with its problems and what merging will do, and
// write nothing until the secretary confirms; all rows in one transaction or none. What is
// imported comes in as a `RegisterImport` (importTypes.ts): how to parse and plan it, its columns and its words.
import { useMemo, useState } from 'react'
import type { ExistingChoice } from '../../../shared/import/merge'
import { Banner } from '../../ui/Banner'
import { ReadingProgress, TableFileField, useTableFile } from './TableFile'
import type { PreviewRow, PreviewShape, RegisterImport } from './importTypes'
import { ImportPreview } from './ImportPreview'

export function ImportFlow<P extends PreviewShape<R>, R extends PreviewRow, F>({ spec }: { spec: RegisterImport<P, R, F> }) {
  const [saving, setSaving] = useState(false)
  const [choice, setChoice] = useState<ExistingChoice>('skip')
  const file = useTableFile<P>({ parse: spec.parse, fileError: spec.fileError })
  const { loaded, failure, setFailure, reading } = file
  const preview = loaded?.preview
  const { plan: planOf } = spec
  const plan = useMemo(() => (preview ? planOf(preview, choice) : null), [preview, planOf, choice])

  async function confirm() {
    if (!loaded || !plan?.ready) return
    setSaving(true)
    setFailure(null)
    try {
      await spec.write(plan, loaded.fileName)
    } catch (e) {
      file.fail(e)
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <div className="card">
        <p>{spec.text.explain}</p>
        <TableFileField label={spec.text.choose} hint={spec.text.chooseHint} disabled={reading || saving || spec.readOnly} onPick={file.pick} onError={file.fail} />
        {reading ? <ReadingProgress file={file} /> : null}
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {loaded && preview && plan ? (
        <ImportPreview spec={spec} loaded={loaded} plan={plan} choice={choice} onChoice={setChoice} saving={saving} onConfirm={() => void confirm()} file={file} />
      ) : null}
    </>
  )
}

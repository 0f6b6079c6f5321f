// Shows a printed document (会议记录, 纪要, 公示, review opinion) on screen exactly as it prints,
// and exports it: PDF through the platform (print-to-PDF on the desktop, the print dialog's
// "Save as PDF" in a browser) and DOCX, with a progress bar while the file is built.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrintDocument } from '../../shared/minutes/blocks'
import { renderDocx } from '../../shared/minutes/docx'
import { PRINT_CSS, renderHtmlBody } from '../../shared/minutes/html'
import { useEnv } from './env'
import { useAction } from './useAction'
import { Banner } from '../ui/Banner'

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * The print stylesheet, adopted while a document is on screen: a constructed stylesheet, which the
 * app's CSP (style-src 'self', no inline styles) allows, and gone when the screen closes.
 */
export function usePrintStyles(): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(PRINT_CSS)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }, [])
}

export function PrintDocumentView({ doc, fileName }: { doc: PrintDocument; fileName: string }) {
  const { t } = useTranslation(['minutes', 'common'])
  const env = useEnv()
  const { failure, run } = useAction()
  const [progress, setProgress] = useState<number | null>(null)
  const [done, setDone] = useState<string | null>(null)
  usePrintStyles()

  const [pdfBusy, setPdfBusy] = useState(false)
  const savePdf = env.platform.capability('savePdf')
  const exportPdf = () =>
    run(async () => {
      setDone(null)
      if (savePdf) {
        setPdfBusy(true)
        try {
          const r = await savePdf(fileName)
          if (r.saved) setDone(t('minutes:export.savedPdf'))
        } finally {
          setPdfBusy(false)
        }
      } else await env.platform.print()
    })

  const exportDocx = () =>
    run(async () => {
      setDone(null)
      setProgress(0.05)
      try {
        // Let the progress bar paint before the synchronous part of the build takes the thread.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
        const bytes = await renderDocx(doc, { onProgress: (f) => setProgress(f) })
        const r = await env.platform.saveFile({ suggestedName: `${fileName}.docx`, kind: 'docx', data: bytes, mime: DOCX_MIME })
        if (r.saved) setDone(t('minutes:export.savedDocx'))
      } finally {
        setProgress(null)
      }
    })

  return (
    <>
      <div className="row no-print">
        <button className="primary" onClick={() => void exportPdf()} disabled={pdfBusy}>
          {savePdf ? t('common:actions.savePdf') : t('minutes:export.printPdf')}
        </button>
        <button onClick={() => void exportDocx()} disabled={progress !== null}>
          {t('minutes:export.docx')}
        </button>
        {/* The desktop's print-to-PDF reports no steps: an indeterminate bar while it runs. */}
        {pdfBusy ? <progress aria-label={t('minutes:export.progress')} /> : null}
        {progress !== null ? (
          <progress max={1} value={progress} aria-label={t('minutes:export.progress')}>
            {Math.round(progress * 100)}%
          </progress>
        ) : null}
        {done ? (
          <span className="saved" role="status">
            {done}
          </span>
        ) : null}
      </div>
      {failure ? (
        <Banner kind="error" screenOnly>
          {failure}
        </Banner>
      ) : null}
      {/* renderHtmlBody escapes every text it is given: the markup carries no user-written HTML. */}
      <div className="print-document" lang={doc.lang} data-testid="print-document" dangerouslySetInnerHTML={{ __html: renderHtmlBody(doc) }} />
    </>
  )
}

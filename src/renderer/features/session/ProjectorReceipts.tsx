// The phone-ballot receipts on the projector after the close: every receipt, sorted, in columns
// that fill the space left on the screen, never smaller than the projector's receipt size, and
// paged automatically when a big meeting's receipts do not all fit.
//
// What a resident at the back of the hall needs is to read their own 9-character code, letter by
// letter, and find it without touching anything. So the type never shrinks to make room: a receipt
// is a code read character by character, not a word recognised by its shape, and it stays at
// least 28 px (styles.css, .receipt-list: clamp(28px, 3.8vmin, 48px)), 3.6 % of a 768-px screen's
// height — from a seat 8 screen heights away (the far row of the usual 4-6-8 rule) its capitals
// subtend about 11′ of arc, twice a 20/20 eye-chart letter. The receipts read down each column in
// sorted order, so a resident sees at once whether theirs falls on the page shown (first code at
// the top left, last at the bottom right). When they do not all fit, the list turns to the next
// page every 10 s, with 「第 1/3 页」 in view, so a whole round of 60 receipts at 1024×768 takes
// half a minute and nobody has to ask the secretary to scroll. Paging, not smaller type and not
// a scroll: a projector cannot be scrolled from the hall.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

export const RECEIPT_PAGE_SECONDS = 10
/** Past this many, the receipts go below the result across the whole screen (.projector-result.many), not in a column beside it. */
export const MANY_RECEIPTS = 12

interface Grid {
  rows: number
  cols: number
}

/** How many receipts of the probe's size fit between the list's top and the projector's bottom edge. */
function measureGrid(list: HTMLElement, probe: HTMLElement): Grid | null {
  const screen = list.closest<HTMLElement>('.projector')
  const cell = probe.getBoundingClientRect()
  if (!screen || cell.height === 0) return null
  const bottom = screen.getBoundingClientRect().bottom - parseFloat(getComputedStyle(screen).paddingBottom)
  const box = list.getBoundingClientRect()
  const gap = parseFloat(getComputedStyle(list).columnGap) || 0
  return {
    rows: Math.max(1, Math.floor((bottom - box.top) / cell.height)),
    cols: Math.max(1, Math.floor((box.width + gap) / (cell.width + gap))),
  }
}

export function ProjectorReceipts({ receipts, labelledBy }: { receipts: readonly string[]; labelledBy: string }) {
  const { t } = useTranslation('session')
  const listRef = useRef<HTMLOListElement>(null)
  const probeRef = useRef<HTMLSpanElement>(null)
  const [grid, setGrid] = useState<Grid | null>(null)
  const [page, setPage] = useState(0)

  const measure = useCallback(() => {
    if (!listRef.current || !probeRef.current) return
    const next = measureGrid(listRef.current, probeRef.current)
    setGrid((g) => (next && (!g || g.rows !== next.rows || g.cols !== next.cols) ? next : g))
  }, [])
  // Measured before paint on every render (the page line above the list may appear and push it
  // down) and again whenever the screen or the list changes size.
  useLayoutEffect(measure)
  useEffect(() => {
    const observer = new ResizeObserver(measure)
    if (listRef.current) observer.observe(listRef.current)
    const screen = listRef.current?.closest('.projector')
    if (screen) observer.observe(screen)
    return () => observer.disconnect()
  }, [measure])

  const perPage = grid ? grid.rows * grid.cols : receipts.length
  const pages = Math.max(1, Math.ceil(receipts.length / perPage))
  const shown = Math.min(page, pages - 1)
  useEffect(() => {
    if (pages < 2) return
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), RECEIPT_PAGE_SECONDS * 1000)
    return () => clearInterval(timer)
  }, [pages])

  const onPage = [...receipts].sort().slice(shown * perPage, (shown + 1) * perPage)
  // Down each column, as few columns as the page needs, so a short list stays one column.
  const cols = grid ? Math.min(grid.cols, Math.max(1, Math.ceil(onPage.length / grid.rows))) : 1
  const rows = Math.max(1, Math.ceil(onPage.length / cols))
  return (
    <>
      {pages > 1 ? (
        <p className="receipts-page" data-testid="receipts-page" data-page={shown + 1} data-pages={pages} data-per-page={perPage}>
          {t('projector.receiptsPage', { page: shown + 1, pages, seconds: RECEIPT_PAGE_SECONDS })}
        </p>
      ) : null}
      <div className="receipt-area">
        <span className="receipt-probe" aria-hidden="true" ref={probeRef}>
          {receipts[0] ?? '0000-0000'}
        </span>
        <ol
          className="receipt-list"
          aria-labelledby={labelledBy}
          ref={listRef}
          style={{ gridTemplateColumns: `repeat(${cols}, max-content)`, gridTemplateRows: `repeat(${rows}, auto)` }}
        >
          {onPage.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ol>
      </div>
    </>
  )
}

// The signing rate day by day as an inline SVG bar chart, with the threshold drawn across it, and
// the same figures as a table for screen readers and for anyone who prefers numbers. Presentation
// attributes only (fill, stroke): the app's CSP allows no style attribute.
//
// Why not a chart library (issue 17, measured 2026-12): uPlot 1.6.32 is 51 KB minified / 22 KB
// gzip (plus its stylesheet), Chart.js 4.6.2 213 KB / 72 KB gzip; this file is 2.2 KB gzip with
// its table. Both would pass the CSP (neither sets a style attribute, injects a <style> or evals:
// checked in their dist files) and could be lazy-loaded out of the entry chunk, but both draw on a
// canvas: the labels would no longer grow with the browser's text size (the 16 px rule of issue 22)
// nor follow Windows' forced colours, which SVG text and presentation attributes do. Ten times the
// bytes for a chart that reads worse is not a trade worth making for one bar chart.
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { DailyRate } from '../../../shared/domain/campaignSigning'
import { addDays, daysBetween, signingShare, type SigningThreshold } from '../../../shared/domain/campaign'
import { reaches } from '../../../shared/domain/votes/fraction'
import { rateText } from '../../../shared/campaigns/figures'
import { formatDate, formatDayMonth } from '../../kit/format'

const W = 760
const H = 260
const LEFT = 52
/** Room on the right for the threshold's label, so no bar ever covers it. */
const RIGHT = 110
const TOP = 24
/** A short window's bars stay bars, not blocks. */
const MAX_BAR = 56
/** Up to this many days, each bar carries its rate above it. */
const LABELLED_BARS = 10
const BOTTOM = 40
const PLOT_W = W - LEFT - RIGHT
const PLOT_H = H - TOP - BOTTOM
const TICKS = [0, 25, 50, 75, 100]
const MAX_LABELS = 8
/** Chart text at the app's smallest size (16 px at the browser's default; the chart is drawn 1:1 up to its width). */
const FONT = 16

const OK = '#1d6b35'
const BELOW = '#5b7fb5'
const GRID = '#cfd4da'
const THRESHOLD = '#9b1c1c'
const TEXT = '#1b1f24'
const MUTED = '#4a525c'

/**
 * One slot per day of the whole window (the days to come are empty), so the chart also shows how
 * much of the window is left; one bar per day so far.
 */
export function DailyChart({ daily, roll, thresholdPercent, start, deadline }: { daily: DailyRate[]; roll: number; thresholdPercent: SigningThreshold; start: string; deadline: string }) {
  const { t, i18n } = useTranslation(['campaigns'])
  const lang = i18n.language
  const captionId = useId()
  if (daily.length === 0 || roll === 0) return <p className="muted">{t('campaigns:chart.empty')}</p>
  const n = Math.max(daily.length, daysBetween(start, deadline) + 1)
  const slot = PLOT_W / n
  const bar = Math.min(MAX_BAR, Math.max(1, slot - Math.min(6, slot * 0.25)))
  const days = Array.from({ length: n }, (_, i) => addDays(start, i))
  const every = Math.ceil(n / MAX_LABELS)
  const y = (share: number) => TOP + PLOT_H - share * PLOT_H
  const thresholdY = y(thresholdPercent / 100)
  const last = daily[n - 1]
  return (
    <figure className="chart">
      <figcaption id={captionId}>{t('campaigns:chart.caption', { threshold: thresholdPercent })}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={captionId} aria-describedby={`${captionId}-summary`} preserveAspectRatio="xMidYMid meet">
        {TICKS.map((p) => (
          <g key={p}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(p / 100)} y2={y(p / 100)} stroke={GRID} strokeWidth={1} />
            <text x={LEFT - 8} y={y(p / 100) + 5} textAnchor="end" fontSize={FONT} fill={TEXT}>
              {t('campaigns:percent', { value: p })}
            </text>
          </g>
        ))}
        {days.map((date, i) => {
          const d = daily[i]
          const h = d ? (d.signed / roll) * PLOT_H : 0
          const reached = d ? reaches(d.signed, roll, signingShare(thresholdPercent)) : false
          const x = LEFT + i * slot + slot / 2
          return (
            <g key={date}>
              {d ? (
                <rect x={x - bar / 2} y={TOP + PLOT_H - h} width={bar} height={h} fill={reached ? OK : BELOW}>
                  <title>{t('campaigns:chart.bar', { date: formatDate(lang, d.date), percent: rateText({ num: d.signed, den: roll }), signed: d.signed, count: roll })}</title>
                </rect>
              ) : null}
              {d && n <= LABELLED_BARS ? (
                <text x={x} y={TOP + PLOT_H - h - 6} textAnchor="middle" fontSize={FONT} fontWeight={700} fill={TEXT}>
                  {t('campaigns:percent', { value: rateText({ num: d.signed, den: roll }) })}
                </text>
              ) : null}
              {i % every === 0 || i === n - 1 ? (
                <text x={x} y={H - BOTTOM + 20} textAnchor="middle" fontSize={FONT} fill={d ? TEXT : MUTED}>
                  {formatDayMonth(lang, date)}
                </text>
              ) : null}
            </g>
          )
        })}
        <line x1={LEFT} x2={W - RIGHT} y1={thresholdY} y2={thresholdY} stroke={THRESHOLD} strokeWidth={2} strokeDasharray="8 5" />
        <text x={W - RIGHT + 6} y={thresholdY + 5} textAnchor="start" fontSize={FONT} fill={THRESHOLD}>
          {t('campaigns:chart.threshold', { threshold: thresholdPercent })}
        </text>
        <line x1={LEFT} x2={W - RIGHT} y1={TOP + PLOT_H} y2={TOP + PLOT_H} stroke={TEXT} strokeWidth={1} />
      </svg>
      <p className="visually-hidden" id={`${captionId}-summary`}>
        {last ? t('campaigns:chart.summary', { days: n, date: formatDate(lang, last.date), percent: rateText({ num: last.signed, den: roll }) }) : null}
      </p>
      <ChartTable daily={daily} roll={roll} thresholdPercent={thresholdPercent} />
    </figure>
  )
}

/** The same figures as a table, for a screen reader or anyone who reads numbers rather than bars. */
function ChartTable({ daily, roll, thresholdPercent }: { daily: DailyRate[]; roll: number; thresholdPercent: SigningThreshold }) {
  const { t, i18n } = useTranslation(['campaigns'])
  const lang = i18n.language
  return (
    <details>
      <summary>{t('campaigns:chart.asTable')}</summary>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('campaigns:chart.caption', { threshold: thresholdPercent })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaigns:chart.date')}</th>
              <th scope="col" className="num">
                {t('campaigns:chart.signed')}
              </th>
              <th scope="col" className="num">
                {t('campaigns:chart.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {daily.map((d) => (
              <tr key={d.date}>
                <td>{formatDate(lang, d.date)}</td>
                <td className="num">{t('campaigns:count', { signed: d.signed, count: roll })}</td>
                <td className="num">{t('campaigns:percent', { value: rateText({ num: d.signed, den: roll }) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}

// One chart drawn by Chart.js, loaded with import() the first time a chart is shown so the library
// stays out of the app's entry chunk. The canvas is a picture named by its label; the figures it
// draws are always given beside it as a table (ChartFundYear.tsx), for screen readers and for anyone
// who prefers numbers. Chart.js writes only CSSOM styles (no style attribute, no injected <style>),
// which the app's CSP (style-src 'self') allows.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as ChartJs from 'chart.js'

type Config = ChartJs.ChartConfiguration<'bar' | 'line', number[], string>

let loaded: Promise<typeof ChartJs> | null = null
/** The library, registered once: only the parts these charts use. */
function loadChart() {
  loaded ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.LineController, m.LineElement, m.PointElement, m.CategoryScale, m.LinearScale, m.Legend, m.Tooltip)
    m.Chart.defaults.font.size = 16
    m.Chart.defaults.color = '#1b1f24'
    return m
  })
  return loaded
}

export function ChartCanvas({ config, label }: { config: Config; label: string }) {
  const { t } = useTranslation(['fund'])
  const ref = useRef<HTMLCanvasElement>(null)
  const [failed, setFailed] = useState(false)
  // The chart is redrawn when its figures or its label change, not on every render: the effect
  // reads the config of the render that changed them through a ref.
  const key = JSON.stringify(config.data)
  const latest = useRef(config)
  useEffect(() => {
    latest.current = config
  })
  useEffect(() => {
    const config = latest.current
    let alive = true
    let chart: { destroy: () => void } | null = null
    loadChart().then(
      (m) => {
        if (alive && ref.current) chart = new m.Chart(ref.current, { ...config, options: { ...config.options, animation: false, responsive: true, maintainAspectRatio: false } } as never)
      },
      () => alive && setFailed(true),
    )
    return () => {
      alive = false
      chart?.destroy()
    }
  }, [key, label])
  if (failed) return <p className="muted">{t('fund:chart.unavailable')}</p>
  return (
    <div className="chart-box">
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  )
}

import { useMemo, useRef, useState } from 'react'

interface Props {
  months: { month: string; count: number }[]
  /** A click on a bar, or a drag across several: the first and last month chosen. */
  onRange: (from: string, to: string) => void
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Every month between the first and last with matches, empty months included. */
function fill(months: { month: string; count: number }[]): { month: string; count: number }[] {
  if (months.length === 0) return []
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month))
  const byMonth = new Map(sorted.map((m) => [m.month, m.count]))
  const out: { month: string; count: number }[] = []
  let [y, m] = sorted[0].month.split('-').map(Number)
  const last = sorted[sorted.length - 1].month
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    out.push({ month: key, count: byMonth.get(key) ?? 0 })
    if (key === last) break
    m++
    if (m > 12) { m = 1; y++ }
  }
  return out
}

export const monthLabel = (month: string): string => {
  const [y, m] = month.split('-').map(Number)
  return `${MONTH_NAMES[m - 1]} ${y}`
}

/** Up to this many months, the axis names months (`Oct 2017`, `Nov`, … `Jan 2018`); beyond, years. */
export const MONTH_AXIS_MAX = 24

/** The axis labels: which bar each sits under, and what it says. */
export function axisLabels(months: string[]): { index: number; text: string; centred: boolean }[] {
  if (months.length <= MONTH_AXIS_MAX) {
    const step = Math.ceil(months.length / 12)
    return months
      .map((month, index) => ({ month, index }))
      .filter(({ index }) => index % step === 0)
      .map(({ month, index }) => {
        const [y, m] = month.split('-').map(Number)
        // The year where it starts, and at each January.
        // Wide bars (a few months) are named under their middle, narrow ones from their left edge.
        return { index, text: index === 0 || m === 1 ? `${MONTH_NAMES[m - 1]} ${y}` : MONTH_NAMES[m - 1], centred: months.length <= 6 }
      })
  }
  const years = months.map((month, index) => ({ index, y: month.slice(0, 4), first: month.endsWith('-01') || index === 0 })).filter((x) => x.first)
  const step = Math.ceil(years.length / 12)
  // A year that starts within a few bars of the previous label (a range starting in late
  // autumn) would print over it: it is left out.
  const gap = months.length / 16
  const kept: { index: number; text: string; centred: boolean }[] = []
  for (const y of years.filter((_, k) => k % step === 0)) {
    const prev = kept[kept.length - 1]
    if (prev && y.index - prev.index < gap) continue
    kept.push({ index: y.index, text: y.y, centred: false })
  }
  return kept
}

/** Matching articles per month of publication. Click a bar for that month; drag for a range. */
export function Timeline({ months, onRange }: Props) {
  const bars = useMemo(() => fill(months), [months])
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null)
  const svg = useRef<SVGSVGElement>(null)
  if (bars.length === 0) return null
  const max = Math.max(...bars.map((b) => b.count), 1)
  const W = 100 / bars.length
  const indexAt = (clientX: number) => {
    const r = svg.current!.getBoundingClientRect()
    return Math.max(0, Math.min(bars.length - 1, Math.floor(((clientX - r.left) / r.width) * bars.length)))
  }
  const lo = drag ? Math.min(drag.from, drag.to) : -1
  const hi = drag ? Math.max(drag.from, drag.to) : -1
  const labels = axisLabels(bars.map((b) => b.month))
  return (
    <figure className="timeline" aria-label="Matching articles per month">
      <svg ref={svg} viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={`Timeline from ${monthLabel(bars[0].month)} to ${monthLabel(bars[bars.length - 1].month)}`}
        onPointerDown={(e) => { svg.current!.setPointerCapture(e.pointerId); const i = indexAt(e.clientX); setDrag({ from: i, to: i }) }}
        onPointerMove={(e) => drag && setDrag({ ...drag, to: indexAt(e.clientX) })}
        onPointerUp={() => { if (drag) onRange(bars[lo].month, bars[hi].month); setDrag(null) }}>
        {bars.map((b, i) => (
          <rect key={b.month} x={i * W + W * 0.12} width={W * 0.76} y={40 - (b.count / max) * 38} height={Math.max((b.count / max) * 38, b.count ? 0.8 : 0)}
            className={i >= lo && i <= hi ? 'bar is-picked' : 'bar'}>
            <title>{`${monthLabel(b.month)}: ${b.count} ${b.count === 1 ? 'article' : 'articles'}`}</title>
          </rect>
        ))}
      </svg>
      <div className="timeline-axis" aria-hidden="true">
        {labels.map((l) => (
          <span key={l.index} className={l.centred ? 'is-centred' : undefined}
            style={{ left: `${((l.index + (l.centred ? 0.5 : 0)) / bars.length) * 100}%` }}>{l.text}</span>
        ))}
      </div>
      <div className="timeline-buttons">
        {/* The bars as buttons, so the timeline works from the keyboard and for screen readers. */}
        {bars.filter((b) => b.count > 0).map((b) => (
          <button key={b.month} className="visually-hidden" onClick={() => onRange(b.month, b.month)}>
            {`${monthLabel(b.month)}: ${b.count}`}
          </button>
        ))}
      </div>
    </figure>
  )
}

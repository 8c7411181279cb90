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
  const years = bars.map((b, i) => ({ i, y: b.month.slice(0, 4), first: b.month.endsWith('-01') || i === 0 })).filter((x) => x.first)
  const step = Math.ceil(years.length / 12)
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
        {years.filter((_, k) => k % step === 0).map((y) => (
          <span key={y.i} style={{ left: `${(y.i / bars.length) * 100}%` }}>{y.y}</span>
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

import { loadHalf, speakerRight } from './quotes-real'
import { detectQuotes } from '../../src/main/quotes/detect'
const only = process.argv[2]
for (const a of loadHalf('tune')) {
  if (only && a.id !== only) continue
  const found = detectQuotes(a.text)
  for (const l of a.quotes) {
    const d = found.find((x) => Math.min(x.end, l.end) - Math.max(x.start, l.start) >= 0.8 * (l.end - l.start))
    const ok = d && speakerRight(d.speaker, l.label.speaker, a.entities)
    if (ok && !process.argv.includes('--all')) continue
    const ps = a.text.lastIndexOf('\n\n', l.start) 
    const pps = a.text.lastIndexOf('\n\n', Math.max(0, ps - 1))
    let pe = a.text.indexOf('\n\n', l.end); if (pe < 0) pe = a.text.length
    const ctx = a.text.slice(pps < 0 ? 0 : pps + 2, l.start) + '⟦' + a.text.slice(l.start, l.end) + '⟧' + a.text.slice(l.end, pe)
    console.log(`\n### ${a.id} want=${l.label.speaker} got=${d?.speaker} (${d?.confidence}, ${d?.kind}/${l.label.kind}) ${ok ? 'OK' : 'BAD'} [${l.label.traits}] ${l.label.note ?? ''}\n${ctx.slice(-1500)}`)
  }
}

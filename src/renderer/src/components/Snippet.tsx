/** Renders a search snippet: matches arrive between \u0002 and \u0003 and become <mark>s (never HTML). */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/)
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('\u0002') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p.replace(/[\u0002\u0003]/g, '')}</span>
      )}
    </>
  )
}

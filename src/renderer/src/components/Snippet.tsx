import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../shared/vocabulary'

/** Renders a search snippet: matches arrive between SNIPPET_OPEN and SNIPPET_CLOSE and become <mark>s (never HTML). */
export function Snippet({ text }: { text: string }) {
  // "a\u0002b\u0003c" → ["a", "b\u0003c"]: each part after the first opens with a match.
  const [before, ...matches] = text.split(SNIPPET_OPEN)
  return (
    <>
      {before && <span>{before.split(SNIPPET_CLOSE).join('')}</span>}
      {matches.map((part, i) => {
        const [match, ...rest] = part.split(SNIPPET_CLOSE)
        return (
          <span key={i}>
            <mark>{match}</mark>
            {rest.join('')}
          </span>
        )
      })}
    </>
  )
}

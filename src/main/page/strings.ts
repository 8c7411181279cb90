/** Small string helpers shared by the page modules. */

/** Collapses whitespace; empty → null. */
export function clean(v: string | null | undefined): string | null {
  if (typeof v !== 'string') return null
  const s = v.replace(/\s+/g, ' ').trim()
  return s || null
}

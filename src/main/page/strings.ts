/** Small string helpers shared by the page modules. */
import { collapseSpaces } from '../../shared/spaces'

/** Collapses whitespace; empty → null. */
export function clean(v: string | null | undefined): string | null {
  if (typeof v !== 'string') return null
  const s = collapseSpaces(v).trim()
  return s || null
}

/**
 * The one seeded PRNG of the tests and the benchmarks: sfc32, seeded through splitmix32 so
 * that nearby seeds ((seed, index) pairs) give unrelated streams. The same seeds always give
 * the same numbers, so a failing generated case can be replayed from its seed.
 */
export type Rng = () => number

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0
    let t = a ^ (a >>> 16)
    t = Math.imul(t, 0x21f0aaad)
    t = t ^ (t >>> 15)
    t = Math.imul(t, 0x735a2d97)
    return (t ^ (t >>> 15)) >>> 0
  }
}

/** A generator of floats in [0, 1) for these seeds. */
export function makeRng(...seeds: number[]): Rng {
  let h = 0x811c9dc5
  for (const s of seeds) h = Math.imul(h ^ (s >>> 0), 0x01000193) ^ (s / 0x100000000)
  const sm = splitmix32(h | 0)
  let a = sm()
  let b = sm()
  let c = sm()
  let d = sm()
  const next = (): number => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  return next
}

/** An integer in [lo, hi]. */
export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1))
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]
export const chance = (rng: Rng, p: number): boolean => rng() < p

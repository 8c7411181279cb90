import { describe, expect, it } from 'vitest'
import { placeVersions } from './order'

const v = (uuid: string, day: number) => ({ uuid, createdAt: `2024-05-${String(day).padStart(2, '0')}T10:00:00.000Z` })

describe('placeVersions', () => {
  it('appends newer versions in the pusher’s order', () => {
    expect(placeVersions([], [v('a', 1), v('b', 2), v('c', 3)])).toEqual(['a', 'b', 'c'])
    expect(placeVersions([v('a', 1), v('b', 2)], [v('c', 3), v('d', 4)])).toEqual(['a', 'b', 'c', 'd'])
  })

  it('puts a version obtained before the current one in its place, so it does not become current', () => {
    expect(placeVersions([v('a', 1), v('b', 2), v('d', 4)], [v('c', 3)])).toEqual(['a', 'b', 'c', 'd'])
    expect(placeVersions([v('b', 2)], [v('a', 1)])).toEqual(['a', 'b'])
  })

  it('keeps the pusher’s order within one push even when its clock disagrees', () => {
    expect(placeVersions([v('a', 1)], [v('b', 5), v('c', 4)])).toEqual(['a', 'b', 'c'])
  })

  it('puts a version with an unreadable date last, and ties after the existing one', () => {
    expect(placeVersions([v('a', 1)], [{ uuid: 'x', createdAt: 'yesterday-ish' }])).toEqual(['a', 'x'])
    expect(placeVersions([v('a', 1)], [v('b', 1)])).toEqual(['a', 'b'])
  })
})

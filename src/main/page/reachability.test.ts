import { describe, expect, it } from 'vitest'
import { HOST_DOWN_MS, OFFLINE_MS, Reachability } from './reachability'

describe('Reachability', () => {
  it('skips a host that could not be reached, until its time is up', () => {
    let now = 1_000
    const r = new Reachability(() => now)
    expect(r.skipReason('https://img.example/a.jpg')).toBeNull()
    r.unreachable('https://img.example/a.jpg', 'could not resolve host img.example')
    expect(r.skipReason('https://img.example/b.jpg')).toBe('could not resolve host img.example')
    expect(r.skipReason('https://other.example/b.jpg')).toBeNull()
    now += HOST_DOWN_MS
    expect(r.skipReason('https://img.example/b.jpg')).toBeNull()
  })

  it('takes the network as down when three different hosts fail in a row, and up again on any answer', () => {
    let now = 0
    const r = new Reachability(() => now)
    r.unreachable('https://a.example/1', 'x')
    r.unreachable('https://a.example/2', 'x') // the same host twice is one host
    r.unreachable('https://b.example/1', 'x')
    expect(r.offline).toBe(false)
    r.unreachable('https://c.example/1', 'x')
    expect(r.offline).toBe(true)
    expect(r.skipReason('https://never-tried.example/1')).toBe('offline (no image server could be reached)')
    now += OFFLINE_MS
    // One probe goes; the others wait for its answer.
    expect(r.skipReason('https://never-tried.example/1')).toBeNull()
    expect(r.skipReason('https://never-tried.example/2')).toBe('offline (no image server could be reached)')
    r.unreachable('https://d.example/1', 'x')
    expect(r.offline).toBe(true)
    r.reached('https://e.example/1')
    expect(r.offline).toBe(false)
    // A host that answered between failures breaks the run.
    r.unreachable('https://f.example/1', 'x')
    r.unreachable('https://g.example/1', 'x')
    expect(r.offline).toBe(false)
  })
})

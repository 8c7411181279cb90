import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_WORKERS, importWorkers, PreparePool } from './pool'
import { articlePage } from '../../../test/support/pages'
import { UserError } from '../../shared/result'
import { PNG_40x30 } from '../../../test/support/http'

let pool: PreparePool
afterEach(() => pool.close())

describe('the import worker pool', () => {
  it('prepares articles in worker threads, several at once, with images as Buffers', async () => {
    pool = new PreparePool(2)
    expect(pool.threaded).toBe(true)
    const png = PNG_40x30.toString('base64')
    const pages = Array.from({ length: 4 }, (_, i) =>
      articlePage({ title: `Story number ${i}`, images: [`data:image/png;base64,${png}`] })
    )
    const out = await Promise.all(pages.map((html) => pool.prepare({ html, url: 'https://news.example/x' })))
    expect(out.map((a) => a.title)).toEqual(['Story number 0', 'Story number 1', 'Story number 2', 'Story number 3'])
    for (const a of out) expect(a.text).toContain('the council met on Tuesday')
    for (const a of out) {
      expect(a.assets).toHaveLength(1)
      expect(Buffer.isBuffer(a.assets[0].bytes)).toBe(true)
      expect(a.assets[0].bytes.equals(PNG_40x30)).toBe(true)
    }
  })

  it('passes a refusal back as the same UserError', async () => {
    pool = new PreparePool(1)
    const err = await pool.prepare({ html: '<html><body><nav>menu</nav></body></html>', url: 'https://x.example/' }).catch((e) => e)
    expect(err).toBeInstanceOf(UserError)
    expect(err.message).toMatch(/no readable article|no text/)
  })
})

describe('a page that takes too long', () => {
  it('is given up with a reason, and the pool keeps working with a fresh worker', async () => {
    pool = new PreparePool(1, 1)
    const slow = await pool.prepare({ html: articlePage({ title: 'Any page at all' }), url: 'https://x.example/' }).catch((e) => e)
    expect(slow).toBeInstanceOf(UserError)
    expect(slow.message).toBe('reading the page took longer than 1 ms')
    pool.timeoutMs = 60_000
    expect(pool.threaded).toBe(true)
    const ok = await pool.prepare({ html: articlePage({ title: 'Next page' }), url: 'https://x.example/' })
    expect(ok.title).toBe('Next page')
  })
})

describe('CLIPFILE_IMPORT_WORKERS', () => {
  it('chooses how many threads read pages, 0 for none, and explains a wrong value', () => {
    expect(importWorkers({})).toBe(DEFAULT_WORKERS)
    expect(importWorkers({ CLIPFILE_IMPORT_WORKERS: '' })).toBe(DEFAULT_WORKERS)
    expect(importWorkers({ CLIPFILE_IMPORT_WORKERS: '0' })).toBe(0)
    expect(importWorkers({ CLIPFILE_IMPORT_WORKERS: '4' })).toBe(4)
    for (const bad of ['-1', 'two', '1.5', '17']) {
      expect(() => importWorkers({ CLIPFILE_IMPORT_WORKERS: bad })).toThrow(`CLIPFILE_IMPORT_WORKERS must be a whole number from 0 to 16, got "${bad}".`)
    }
  })
})

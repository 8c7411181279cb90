import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../../../shared/result'
import type { ImportTask } from '../tasks'
import { parseExport } from './index'
import { parseOmnivoreHighlights } from './omnivore'
import { toIso } from './util'

const FIXTURES = join(__dirname, 'fixtures')
const fixture = (name: string) => readFile(join(FIXTURES, name))

async function parse(name: string, bytes?: Buffer): Promise<ImportTask[]> {
  const tasks = await parseExport(join(FIXTURES, name), bytes ?? (await fixture(name)))
  expect(tasks).not.toBeNull()
  return tasks!
}

/** The plain data of a task (load is a function). */
const data = ({ load: _load, ...rest }: ImportTask) => rest

async function failure(task: ImportTask): Promise<UserError> {
  const e = await task.load().then(
    () => null,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(UserError)
  return e as UserError
}

async function zipFolder(dir: string, prefix = ''): Promise<Buffer> {
  const files: Record<string, Uint8Array> = {}
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) await walk(p)
      else files[prefix + relative(dir, p).split('\\').join('/')] = new Uint8Array(await readFile(p))
    }
  }
  await walk(dir)
  return Buffer.from(zipSync(files))
}

describe('parseExport: what is not an export', () => {
  it('returns null for an ordinary article page, a plain CSV, other JSON and other zips', async () => {
    const article = Buffer.from(
      '<!DOCTYPE html><html><head><title>Tillerson in Riyadh</title></head><body><article><h1>Unread</h1><p>time_added is not here</p></article></body></html>'
    )
    expect(await parseExport('/x/article.html', article)).toBeNull()
    expect(await parseExport('/x/data.csv', Buffer.from('name,age\nana,31\n'))).toBeNull()
    expect(await parseExport('/x/package.json', Buffer.from('{"name":"x","version":"1.0.0"}'))).toBeNull()
    expect(await parseExport('/x/list.json', Buffer.from('[{"url":"https://a.test/"}]'))).toBeNull()
    expect(await parseExport('/x/other.zip', Buffer.from(zipSync({ 'readme.txt': strToU8('hello') })))).toBeNull()
    expect(await parseExport('/x/empty.html', Buffer.alloc(0))).toBeNull()
    expect(await parseExport('/x/urls.txt', Buffer.from('https://a.test/\nhttps://b.test/\n'))).toBeNull()
  })

  it('rejects a large ordinary page from its first bytes, without reading it all', async () => {
    // Deep inside, the page quotes a Pocket export: only the head decides, so it stays an article.
    const quoted = '<h1>Unread</h1><ul><li><a href="https://a.test/" time_added="1">x</a></li></ul>'
    const big = Buffer.from(`<!doctype html><html><head><title>Long read</title></head><body>${'<p>lorem ipsum, dolor</p>'.repeat(400_000)}${quoted}</body></html>`)
    const t0 = performance.now()
    expect(await parseExport('/x/long.html', big)).toBeNull()
    expect(performance.now() - t0).toBeLessThan(250)
  })

  it('says a broken .json file is not valid JSON', async () => {
    await expect(parseExport('/x/wallabag.json', Buffer.from('[{"url": '))).rejects.toThrow(/wallabag\.json is not valid JSON/)
  })
})

describe('Pocket', () => {
  it('reads the HTML export: URL tasks with title, tags and time_added', async () => {
    const tasks = await parse('ril_export.html')
    expect(tasks).toHaveLength(4)
    expect(data(tasks[0])).toEqual({
      source: 'https://www.reuters.com/world/middle-east/tillerson-says-iran-must-withdraw-syria-2017-10-22/',
      title: 'Tillerson says Iran must withdraw from Syria & Iraq',
      tags: ['Tillerson', 'Syria'],
      savedAt: '2017-10-22T16:00:00.000Z'
    })
    expect(data(tasks[1])).toEqual({
      source: 'https://apnews.com/article/climate-summit-4f2c',
      title: 'Climate summit ends with “historic” deal',
      savedAt: '2023-11-14T22:13:20.000Z'
    })
    // Entities in href are decoded; the Read Archive section adds no tag.
    expect(data(tasks[3])).toEqual({
      source: 'https://www.theguardian.com/politics/2019/jan/15/brexit-vote?utm_source=pocket&ref=x',
      title: "Brexit: May's deal defeated",
      tags: ['brexit', 'uk politics'],
      savedAt: '2019-01-15T00:00:00.000Z'
    })
  })

  it('reports an item without a link as a failed item, keeping the others', async () => {
    const tasks = await parse('ril_export.html')
    expect(tasks[2].source).toBe('ril_export.html, item 3')
    expect((await failure(tasks[2])).message).toBe('Pocket export: ril_export.html, item 3 has no URL')
  })

  it('recognises the HTML export by content, whatever its name', async () => {
    const tasks = await parse('x', await fixture('ril_export.html'))
    expect(tasks).toHaveLength(4)
  })

  it('reads the CSV export: tags split on |, time_added, quoted titles', async () => {
    const tasks = await parse('pocket.csv')
    expect(tasks.map(data)).toEqual([
      { source: 'https://www.reuters.com/world/tillerson-iran-syria', title: 'Tillerson says Iran must withdraw from Syria', tags: ['Tillerson', 'Syria'], savedAt: '2017-10-22T16:00:00.000Z' },
      { source: 'https://www.theguardian.com/politics/2019/jan/15/brexit-vote', title: "Brexit: May's deal defeated, by 230 votes", tags: ['brexit'], savedAt: '2019-01-15T00:00:00.000Z' },
      { source: 'pocket.csv, row 3' }
    ])
    expect((await failure(tasks[2])).message).toMatch(/row 3 has no URL/)
  })

  it('refuses an export with no items', async () => {
    await expect(parseExport('/x/ril_export.html', Buffer.from('<html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul></ul></body></html>'))).rejects.toThrow(
      /Pocket export ril_export\.html has no saved items/
    )
  })
})

describe('Instapaper', () => {
  it('reads the CSV export: folder and Tags as tags, Timestamp, Selection as a highlight', async () => {
    const tasks = await parse('instapaper.csv')
    expect(tasks).toHaveLength(4)
    expect(data(tasks[0])).toEqual({
      source: 'https://www.nytimes.com/2017/10/22/world/middleeast/tillerson-iraq-iran.html',
      title: 'Tillerson Urges Iran-Backed Militias in Iraq to "Go Home"',
      tags: ['Syria research', 'Tillerson', 'Iran'],
      savedAt: '2017-10-22T16:00:00.000Z',
      highlights: [
        {
          // (a line break inside the quoted field; CRLF in the fixture, LF if a checkout normalised it)
          quote: expect.stringMatching(/^"Iranian militias that are in Iraq, now that the fight against ISIS is coming to a close, those militias need to go home," Mr\. Tillerson said\.\r?\nHe spoke in Riyadh\.$/),
          createdAt: '2017-10-22T16:00:00.000Z'
        }
      ]
    })
    // Archive is a reading state: no tag.
    expect(data(tasks[1])).toEqual({
      source: 'https://www.bbc.com/news/world-europe-46877364',
      title: "Brexit: Theresa May's deal is voted down",
      savedAt: '2019-01-15T00:00:00.000Z'
    })
    expect(data(tasks[2])).toMatchObject({ title: 'Espagne : l’enquête visant l’épouse de Pedro Sanchez', tags: ['starred'] })
    expect((await failure(tasks[3])).message).toBe('Instapaper export: row 4 has no URL')
  })

  it('reads the old four-column export', async () => {
    const csv = 'URL,Title,Selection,Folder\nhttps://a.test/one,One,,Unread\nhttps://a.test/two,Two,,Middle East\n'
    const tasks = await parse('instapaper-export.csv', Buffer.from(csv))
    expect(tasks.map(data)).toEqual([
      { source: 'https://a.test/one', title: 'One' },
      { source: 'https://a.test/two', title: 'Two', tags: ['Middle East'] }
    ])
  })

  it('refuses a CSV whose quoted field never ends', async () => {
    const csv = 'URL,Title,Selection,Folder\nhttps://a.test/one,"One,,Unread\n'
    await expect(parseExport('/x/i.csv', Buffer.from(csv))).rejects.toThrow(/Instapaper export i\.csv: unterminated quoted field starting on line 2/)
  })
})

describe('wallabag', () => {
  it('imports embedded content offline, wrapped with title, author, date and language', async () => {
    const tasks = await parse('wallabag.json')
    expect(tasks).toHaveLength(3)
    const [first] = tasks
    expect(data(first)).toEqual({
      source: 'https://www.aljazeera.com/news/2017/10/23/tillerson-iran-militias-iraq',
      title: "Tillerson: Iran's militias in Iraq must 'go home'",
      tags: ['Syria', 'Tillerson', 'starred'],
      savedAt: '2017-10-23T19:15:04.000Z',
      highlights: [{ quote: 'those militias need to go home', note: 'Said in Riyadh, next to al-Jubeir', createdAt: '2017-10-24T05:58:12.000Z' }]
    })
    const page = await first.load()
    expect(page.url).toBe('https://www.aljazeera.com/news/2017/10/23/tillerson-iran-militias-iraq')
    expect(page.contentType).toBe('text/html; charset=utf-8')
    expect(page.keepRaw).toBe(true)
    const html = String(page.body)
    expect(html).toContain('<html lang="en">')
    expect(html).toContain("<title>Tillerson: Iran's militias in Iraq must 'go home'</title>")
    expect(html).toContain('<meta name="author" content="Al Jazeera, Agencies">')
    expect(html).toContain('<meta property="article:published_time" content="2017-10-22T18:30:00.000Z">')
    expect(html).toContain('<p>US Secretary of State Rex Tillerson has called on')
    expect(html).toContain('<img src="/images/tillerson.jpg"')
  })

  it('falls back to fetching the URL when wallabag kept no content', async () => {
    const tasks = await parse('wallabag.json')
    expect(data(tasks[1])).toEqual({ source: 'https://example.org/paywalled-story', title: 'A page wallabag could not fetch', savedAt: '2024-03-01T10:00:00.000Z' })
  })

  it('reports an entry with neither url nor content, importing the rest', async () => {
    const tasks = await parse('wallabag.json')
    expect(tasks[2].source).toBe('wallabag.json, entry 3')
    expect((await failure(tasks[2])).message).toBe('wallabag export: entry 3 ("Entry without url or content") has no url and no content')
  })

  it('accepts tags as API objects and escapes the title into the document', async () => {
    const json = JSON.stringify([
      { id: 1, url: 'https://a.test/x', title: 'A <b> & "c"', content: '<p>Body</p>', tags: [{ id: 1, label: 'Iran', slug: 'iran' }], is_archived: 0, is_starred: 0, created_at: '2020-01-01 12:00:00' }
    ])
    const [task] = await parse('export.json', Buffer.from(json))
    expect(task.tags).toEqual(['Iran'])
    expect(task.savedAt).toBe('2020-01-01T12:00:00.000Z')
    expect(String((await task.load()).body)).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>')
  })
})

describe('Omnivore', () => {
  let zip: Buffer
  beforeAll(async () => {
    zip = await zipFolder(join(FIXTURES, 'omnivore'))
  })

  it('reads the zip: content offline, labels, savedAt, highlights with notes and labels', async () => {
    const tasks = await parse('omnivore-export.zip', zip)
    expect(tasks).toHaveLength(3)
    const [wapo] = tasks
    expect(data(wapo)).toEqual({
      source: 'https://www.washingtonpost.com/world/tillerson-iran-militias/2017/10/22/',
      title: 'Tillerson: Iran-backed militias in Iraq must go home',
      tags: ['Tillerson', 'Syria'],
      savedAt: '2017-10-22T19:04:11.000Z',
      highlights: [
        {
          quote: 'Iranian militias that are in Iraq, now that the fight against ISIS is coming to a close, those militias need to go home',
          tags: ['Tillerson', 'quote'],
          note: 'Said next to the Saudi foreign minister.'
        },
        { quote: 'Secretary of State Rex Tillerson on Sunday called on Iranian-backed militias\nin Iraq to leave the country.' }
      ]
    })
    const page = await wapo.load()
    expect(page).toMatchObject({ url: 'https://www.washingtonpost.com/world/tillerson-iran-militias/2017/10/22/', contentType: 'text/html; charset=utf-8', keepRaw: true })
    const html = String(page.body)
    expect(html).toContain('<meta name="author" content="Carol Morello">')
    expect(html).toContain('<title>Tillerson: Iran-backed militias in Iraq must go home</title>')
    expect(html).toContain('<DIV class="page" id="readability-page-1">')
    expect(html).toContain('<a href="../related/iraq-kurds/">')
  })

  it('fetches the URL of an item without content, and reports one with neither', async () => {
    const tasks = await parse('omnivore-export.zip', zip)
    expect(data(tasks[1])).toEqual({
      source: 'https://www.lemonde.fr/international/article/2024/10/29/espagne_6365392_3210.html',
      title: 'Espagne : l’enquête visant l’épouse de Pedro Sanchez élargie',
      tags: ['RSS'],
      savedAt: '2024-10-29T16:21:32.000Z'
    })
    expect(tasks[2].source).toBe('omnivore-export.zip: metadata_0_to_3.json, item 3 ("An uploaded PDF")')
    expect((await failure(tasks[2])).message).toMatch(/has no original URL and no saved content/)
  })

  it('accepts a zip re-packed under one folder, with metadata files in numeric order', async () => {
    const meta = (n: number) => JSON.stringify([{ id: String(n), slug: `s${n}`, title: `T${n}`, url: `https://a.test/${n}`, labels: [], savedAt: '2024-01-01T00:00:00Z' }])
    const repacked = Buffer.from(
      zipSync({
        'export/metadata_20_to_40.json': strToU8(meta(2)),
        'export/metadata_0_to_20.json': strToU8(meta(1)),
        'export/metadata_100_to_120.json': strToU8(meta(3)),
        'export/content/s3.html': strToU8('<p>three</p>')
      })
    )
    const tasks = await parse('omnivore.zip', repacked)
    expect(tasks.map((t) => t.source)).toEqual(['https://a.test/1', 'https://a.test/2', 'https://a.test/3'])
    expect(String((await tasks[2].load()).body)).toContain('<p>three</p>')
  })

  describe('an unpacked export', () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'clipfile-omnivore-'))
      await cp(join(FIXTURES, 'omnivore'), dir, { recursive: true })
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    it('reads content and highlights beside a metadata file chosen on its own', async () => {
      const path = join(dir, 'metadata_0_to_3.json')
      const tasks = (await parseExport(path, await readFile(path)))!
      expect(tasks).toHaveLength(3)
      expect(tasks[0].highlights).toHaveLength(2)
      expect(String((await tasks[0].load()).body)).toContain('those militias need to go home')
      expect(tasks[1].highlights).toBeUndefined()
      expect(tasks[2].source).toBe('metadata_0_to_3.json, item 3 ("An uploaded PDF")')
    })
  })

  it('refuses a damaged Omnivore zip with the reason', async () => {
    const name = 'metadata_0_to_1.json'
    const z = Buffer.from(zipSync({ [name]: strToU8('[{"slug":"a","savedAt":"2024-01-01T00:00:00Z","url":"https://a.test/"}]'.repeat(50)) }, { level: 9 }))
    const data = 30 + name.length // the compressed bytes follow the 30-byte local header and the name
    z.fill(0xff, data, data + 10)
    await expect(parseExport('/x/omnivore.zip', z)).rejects.toThrow(/^Omnivore export: the zip file is damaged \(/)
  })
})

describe('parseOmnivoreHighlights', () => {
  it('parses Omnivore’s markdown: quote, labels and note; multi-paragraph quotes; CRLF', () => {
    const md = '> First quote \r\n\r\n#Iran #Syria\r\n\r\nA note\r\nover two lines\r\n\r\n> Second one\n> with a second paragraph \n\n> Third, with a note only\n\nWhy it matters'
    expect(parseOmnivoreHighlights(md)).toEqual([
      { quote: 'First quote', tags: ['Iran', 'Syria'], note: 'A note\nover two lines' },
      { quote: 'Second one\nwith a second paragraph' },
      { quote: 'Third, with a note only', note: 'Why it matters' }
    ])
  })

  it('skips a page note before the first quote and empty quotes', () => {
    expect(parseOmnivoreHighlights('A page note\n\n> \n\n> Kept')).toEqual([{ quote: 'Kept' }])
  })
})

describe('toIso', () => {
  it('reads the date forms exports use', () => {
    expect(toIso(1508688000)).toBe('2017-10-22T16:00:00.000Z')
    expect(toIso('1508688000')).toBe('2017-10-22T16:00:00.000Z')
    expect(toIso('2017-10-23T21:15:04+0200')).toBe('2017-10-23T19:15:04.000Z')
    expect(toIso('2017-10-23T21:15:04+02:00')).toBe('2017-10-23T19:15:04.000Z')
    expect(toIso('2017-10-23 21:15:04')).toBe('2017-10-23T21:15:04.000Z')
    expect(toIso('2024-10-29T16:21:32.000Z')).toBe('2024-10-29T16:21:32.000Z')
    expect(toIso('not a date')).toBeUndefined()
    expect(toIso('')).toBeUndefined()
    expect(toIso(null)).toBeUndefined()
    expect(toIso('0')).toBeUndefined()
  })
})

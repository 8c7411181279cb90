/**
 * Metadata on small realistic pages, one per fix: what a reader sees on the page is what the
 * archive stores. (The real-page check is `npm run quality:extract -- --meta`.)
 */
import { describe, expect, it } from 'vitest'
import { extractArticle } from './extract'

const body = (paras: string[]): string => paras.map((p) => `<p>${p}</p>`).join('\n')
const FILL = [
  'The committee met for three hours on Tuesday and heard from eleven witnesses, most of whom urged caution.',
  'Officials said a final decision would come after a public consultation that is expected to last until the spring.',
  'Critics said the plan had been rushed and that its costs had not been explained to residents or to the council.'
]
const page = (head: string, article: string, extra = ''): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body><nav><a href="/">Home</a></nav>
   <main><article>${article}${body(FILL)}</article></main>${extra}</body></html>`

describe('bylines', () => {
  it('splits a wire byline into the person and the agency (AP style, names in capitals)', () => {
    const a = extractArticle(
      page('<title>Senate passes the budget</title>', '<h1>Senate passes the budget</h1><div class="byline">By ERIC TUCKERAssociated Press</div>' +
        '<p>WASHINGTON (AP) — The Senate passed the budget late on Thursday after a week of debate over spending cuts.</p>'),
      'https://news.example/2024/05/senate-budget'
    )
    expect(a.authors).toEqual(['Eric Tucker'])
    expect(a.byline).toBe('Eric Tucker')
    expect(a.agency).toBe('Associated Press')
  })

  it('keeps every author: JSON-LD arrays and repeated meta tags', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Floods close the ring road',
      author: [{ '@type': 'Person', name: 'Ana Lima' }, { '@type': 'Person', name: 'Tom Reyes' }, { '@type': 'Organization', name: 'Reuters' }] }
    const a = extractArticle(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<h1>Floods close the ring road</h1>'), 'https://x.example/a')
    expect(a.authors).toEqual(['Ana Lima', 'Tom Reyes'])
    expect(a.agency).toBe('Reuters')
    const b = extractArticle(page('<meta name="author" content="Jo Park"><meta name="author" content="Sam Okoro">', '<h1>Floods</h1>'), 'https://x.example/b')
    expect(b.authors).toEqual(['Jo Park', 'Sam Okoro'])
  })

  it('prefers the printed byline when it names everyone the metadata names, and more', () => {
    const a = extractArticle(
      page('<meta name="author" content="Martin Untersinger">', '<h1>Le projet de loi adopté</h1><p class="byline">Par Martin Untersinger (avec Damien Leloup et Morgane Tual)</p>'),
      'https://journal.example/a'
    )
    expect(a.authors).toEqual(['Martin Untersinger', 'Damien Leloup', 'Morgane Tual'])
  })

  it('takes the byline beside the headline, not a teaser’s in the navigation', () => {
    const a = extractArticle(
      page('', '<h1>The sharing economy is a lie</h1><span class="byline"><a rel="author" href="/w/r">Richard (R.J.) Eskow</a></span>',
        '<aside><a href="/t">Another story</a><span class="byline"><a href="/w/j">Joanna Rothkopf</a></span></aside>').replace('<nav>', '<nav><span class="byline">Joanna Rothkopf</span>'),
      'https://mag.example/a'
    )
    expect(a.authors).toEqual(['Richard (R.J.) Eskow'])
  })

  it('does not take the editor the page credits as such for the author', () => {
    const a = extractArticle(
      page('<meta name="author" content="肖春芳">', '<h1>宇航员在太空中喝酒会怎么样</h1>' + body(['作者︱春春', '[责任编辑:肖春芳]'])),
      'https://portal.example/a'
    )
    expect(a.authors).toEqual(['春春'])
    // Both credit lines are furniture in the body.
    expect(a.content.textContent).not.toMatch(/作者|责任编辑/)
  })
})

describe('outlet', () => {
  it('prefers the publisher over an og:site_name that is a section', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Floods', publisher: { '@type': 'Organization', name: 'The Daily Planet' } }
    const a = extractArticle(page(`<meta property="og:site_name" content="U.S."><script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<h1>Floods</h1>'), 'https://x.example/a')
    expect(a.site).toBe('The Daily Planet')
  })

  it('finds the name in the title, cleans taglines and company forms, and falls back to the host', () => {
    expect(extractArticle(page('<title>Floods close roads - The Tidewater Ledger</title>', '<h1>Floods close roads</h1>'), 'https://x.example/a').site).toBe('The Tidewater Ledger')
    expect(extractArticle(page('<meta property="og:site_name" content="Spiceworks Inc">', '<h1>Floods</h1>'), 'https://x.example/a').site).toBe('Spiceworks')
    expect(extractArticle(page('<meta property="og:site_name" content="Aktuálně.cz - Víte, co se právě děje">', '<h1>Floods</h1>'), 'https://x.example/a').site).toBe('Aktuálně.cz')
    expect(extractArticle(page('<meta property="og:site_name" content="HeraldSun"><title>Floods | Herald Sun</title>', '<h1>Floods</h1>'), 'https://x.example/a').site).toBe('Herald Sun')
    expect(extractArticle(page('', '<h1>Floods close roads</h1>'), 'https://www.valleygazette.example/2024/floods').site).toBe('valleygazette.example')
  })
})

describe('titles and odd declarations', () => {
  it('keeps a headline that the page also gives as its application name, and rejects a title that is the site’s tagline', () => {
    const same = '<meta property="og:title" content="Veteran wraps baby in flag"><meta name="application-name" content="Veteran wraps baby in flag">'
    expect(extractArticle(page(same, '<h1>Veteran wraps baby in flag</h1>'), 'https://x.example/a').title).toBe('Veteran wraps baby in flag')
    const tagline = '<title>Space ship breaks up over Siberia</title><meta property="og:title" content="Yahoo News - Latest News &amp; Headlines"><meta name="application-name" content="Yahoo News - Latest News &amp; Headlines">'
    const a = extractArticle(page(tagline, '<h1>Space ship breaks up over Siberia</h1>'), 'https://x.example/b')
    expect(a.title).toBe('Space ship breaks up over Siberia')
    expect(a.site).toBe('Yahoo News')
  })

  it('names the outlet by its host when og:site_name is a URL', () => {
    const a = extractArticle(page('<meta property="og:site_name" content="http://www.tmz.com"><meta name="application-name" content="TMZ.COM">', '<h1>Dress stolen</h1>'), 'https://x.example/a')
    expect(a.site).toBe('TMZ')
  })
})

describe('dates', () => {
  it('has no published date when the page shows none (never the save date)', () => {
    expect(extractArticle(page('', '<h1>Floods</h1>'), 'https://x.example/a').publishedAt).toBeNull()
  })

  it('reads the date printed beside the headline, its year from the URL when it has none', () => {
    const a = extractArticle(page('', '<h1>Attack stokes fears</h1><span class="pb-byline">By Erin Cunningham</span> <span class="pb-timestamp">March 18 at 3:57 PM</span>'),
      'https://www.paper.example/world/2015/03/18/attack/')
    expect(a.publishedAt).toBe('2015-03-18T15:57:00.000Z')
  })
})

describe('language and direction', () => {
  it('trusts the text over a template’s lang="en", and sets right-to-left for Arabic', () => {
    const fr = extractArticle(page('', '<h1>Le projet</h1><p>Le gouvernement a présenté mardi un projet de loi qui doit être examiné par les députés dans les semaines qui viennent, avec des mesures pour les entreprises et pour les familles.</p>'
      .repeat(3)).replace(body(FILL), ''), 'https://x.example/a')
    expect(fr.language).toBe('fr')
    expect(fr.dir).toBe('ltr')
    const ar = extractArticle(`<html><head><title>خبر</title></head><body><article><h1>خبر</h1>${body(Array(4).fill('قالت الوزارة في بيان يوم الثلاثاء إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة، وإن الوفدين اتفقا على جدول الأعمال.'))}</article></body></html>`, 'https://x.example/b')
    expect(ar.language).toBe('ar')
    expect(ar.dir).toBe('rtl')
  })
})

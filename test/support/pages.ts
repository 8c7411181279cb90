/** Small, realistic article pages for tests of the layers above ingestion. */
export function articlePage(o: {
  title: string
  site?: string
  byline?: string
  published?: string
  paragraphs?: string[]
  canonical?: string
  images?: string[]
}): string {
  const paragraphs =
    o.paragraphs ??
    [
      `${o.title}: the council met on Tuesday to discuss the matter, which has divided residents for years and drawn comment from every party in the chamber.`,
      'Officials said the plan would be reviewed again next spring, after a public consultation that is expected to draw thousands of responses from across the region.',
      'Critics said the decision came too late, and that the costs had risen sharply since the scheme was first proposed by the previous administration in 2015.'
    ]
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: o.title,
    datePublished: o.published ?? '2017-04-09T12:00:00Z',
    author: o.byline ? { '@type': 'Person', name: o.byline } : undefined,
    publisher: { '@type': 'Organization', name: o.site ?? 'The Daily Test' }
  })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${o.title} | ${o.site ?? 'The Daily Test'}</title>
${o.canonical ? `<link rel="canonical" href="${o.canonical}">` : ''}
<meta property="og:site_name" content="${o.site ?? 'The Daily Test'}">
<script type="application/ld+json">${ld}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<main><article>
<h1>${o.title}</h1>
${o.byline ? `<p class="byline">By ${o.byline}</p>` : ''}
${(o.images ?? []).map((src) => `<figure><img src="${src}" width="800" height="450" alt="photo"><figcaption>A photo.</figcaption></figure>`).join('\n')}
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main>
<aside><h2>Most popular</h2><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer>© The Daily Test</footer>
</body></html>`
}

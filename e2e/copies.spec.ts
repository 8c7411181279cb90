/** Faithful copies in the reader: Arabic right to left, images that could not be saved, corrected details. */
import { test, expect, snap } from './support/serve'
import { newsPage, newsSite } from './support/site'

/** A short Arabic news article (written for this test), declared as such. */
const ARABIC = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>استئناف المفاوضات بين البلدين الأسبوع المقبل | صحيفة المدينة</title>
<meta property="og:site_name" content="صحيفة المدينة"></head><body><article><h1>استئناف المفاوضات بين البلدين الأسبوع المقبل</h1>
<p class="byline">بقلم سارة الخطيب</p>
<p>قالت وزارة الخارجية في بيان يوم الثلاثاء إن المفاوضات بين البلدين ستستأنف الأسبوع المقبل في العاصمة، بعد توقف دام ثلاثة أشهر.</p>
<p>وأضاف البيان أن الوفدين اتفقا على جدول أعمال يشمل ملفات المياه والحدود والتجارة، وأن الجولة الأولى ستستمر يومين.</p>
<p>وقال المتحدث باسم الوزارة للصحفيين: «نأمل أن تكون هذه الجولة بداية مرحلة جديدة»، مشيراً إلى أن الاتصالات لم تنقطع خلال الأشهر الماضية.</p>
<p>وكان آخر لقاء بين الجانبين قد عقد في شهر مارس (آذار)، وانتهى دون اتفاق على موعد للجولة التالية.</p>
</article></body></html>`

test('an Arabic article reads right to left, headline and body, and is found by an Arabic word', async ({ page, served, consoleErrors }) => {
  const site = await newsSite({ '/ar': ARABIC })
  const r = await served.cli(['import', site.url('/ar'), '--json'])
  await site.close()
  expect(r.code).toBe(0)
  const id = JSON.parse(r.stdout).id as number
  await page.goto(served.url.replace('#', `#/article/${id}?`))
  const body = page.locator('.reader-body')
  await expect(body).toHaveAttribute('dir', 'rtl')
  await expect(body).toHaveAttribute('lang', 'ar')
  await expect(page.locator('.reader-header')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('.reader-meta')).toContainText('سارة الخطيب')
  // Each paragraph reads right to left: it starts at the right edge of the text column.
  const p = body.locator('p').first()
  await expect(p).toHaveJSProperty('dir', 'auto')
  const direction = await p.evaluate((el) => getComputedStyle(el).direction)
  expect(direction).toBe('rtl')
  await snap(page, 'reader-arabic')
  expect(consoleErrors).toEqual([])

  await page.getByRole('searchbox', { name: 'Search' }).fill('المفاوضات')
  const snippet = page.locator('.row-snippet').first()
  await expect(snippet.locator('mark')).toHaveText('المفاوضات')
  await expect(snippet).toHaveAttribute('dir', 'rtl')
})

test('images that could not be saved show as placeholders, and the details can be corrected', async ({ page, served, consoleErrors }) => {
  const html = newsPage('Ferry service resumes after storm', 'U.S.', 'ANA LIMA', '2023-03-01T08:00:00Z', [
    'The ferry between the two islands ran again on Monday, a week after the storm that closed the harbour and cut power to most homes.',
    'Officials said the crossing would keep a reduced timetable until the pier was repaired, which could take another month.'
  ]).replace('<p>The ferry', '<figure><img src="/img/pier.jpg" alt="The damaged pier at dawn" width="800" height="500"><figcaption>The pier after the storm.</figcaption></figure><p>The ferry')
  const site = await newsSite({ '/ferry': html })
  const r = await served.cli(['import', site.url('/ferry'), '--json'])
  await site.close()
  expect(r.code).toBe(0)
  const line = JSON.parse(r.stdout)
  expect(line.images).toEqual({ saved: 0, missing: 1 })
  await page.goto(served.url.replace('#', `#/article/${line.id}?`))
  const placeholder = page.locator('.image-missing')
  await expect(placeholder).toContainText('Image not saved')
  await expect(placeholder).toContainText('The damaged pier at dawn')
  await expect(placeholder).toContainText('HTTP 404 Not Found')
  await expect(page.locator('figcaption')).toHaveText('The pier after the storm.')
  await expect(page.getByRole('status').filter({ hasText: '1 image could not be saved' })).toBeVisible()
  await snap(page, 'reader-images-missing')

  await page.getByRole('button', { name: 'Edit details' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit details' })
  await dialog.getByLabel('Outlet').fill('The Island Courier')
  await dialog.getByLabel('Authors').fill('Ana Lima\nTom Reyes')
  await snap(page, 'reader-edit-details')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.reader-kicker')).toContainText('The Island Courier')
  await expect(page.locator('.reader-meta')).toContainText('By Ana Lima and Tom Reyes')
  await page.reload()
  await expect(page.locator('.reader-meta')).toContainText('By Ana Lima and Tom Reyes')
  expect(consoleErrors).toEqual([])
})

import { chromium } from '@playwright/test'
const [url, out, ...rest] = process.argv.slice(2)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] })
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: rest.includes('dark') ? 'dark' : 'light' })
const errors = []
page.on('console', m => { if (m.type() === 'error') errors.push(m.text()) })
page.on('pageerror', e => errors.push(String(e)))
await page.goto(url)
await page.waitForTimeout(800)
if (rest.includes('click-first')) { await page.locator('.article-row').nth(1).click(); await page.waitForTimeout(800) }
await page.screenshot({ path: out })
console.log('errors:', errors)
await browser.close()

/** The options page: the app's port, this browser's pairing, the badge. */
import { ask } from './messages'
import { checkPort, loadSettings, saveSettings } from './settings'

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const port = $<HTMLInputElement>('port')
const badge = $<HTMLInputElement>('badge')
let poll: ReturnType<typeof setTimeout> | undefined

async function refresh(): Promise<void> {
  clearTimeout(poll)
  const s = await ask({ type: 'state' })
  $('connection').textContent = s.appRunning
    ? `Clipfile ${s.version ?? ''} answers on port ${s.port}.`.replace('  ', ' ')
    : `Nothing answers on port ${s.port}: Clipfile is not running there.`
  $('connection').className = `status ${s.appRunning ? 'ok' : 'error'}`
  $('pairing').textContent = s.paired
    ? 'Paired: this browser can save to Clipfile.'
    : s.pairing === 'pending'
      ? `Waiting for approval in Clipfile — code ${s.code}.`
      : 'Not paired yet.'
  $<HTMLButtonElement>('pair').hidden = s.paired
  $<HTMLButtonElement>('forget').hidden = !s.paired && s.pairing !== 'pending'
  if (s.pairing === 'pending') poll = setTimeout(() => void refresh(), 1500)
}

$('port-form').addEventListener('submit', async (e) => {
  e.preventDefault()
  const value = checkPort(port.value)
  $('port-message').textContent = typeof value === 'string' ? value : 'Saved.'
  if (typeof value === 'number') {
    await saveSettings({ port: value })
    await refresh()
  }
})
$('pair').addEventListener('click', async () => {
  const s = await ask({ type: 'pair' })
  if (s.error) $('pairing').textContent = s.error
  else await refresh()
})
$('forget').addEventListener('click', async () => {
  await ask({ type: 'forget' })
  await refresh()
})
badge.addEventListener('change', () => void saveSettings({ badge: badge.checked }))

void loadSettings().then((s) => {
  port.value = String(s.port)
  badge.checked = s.badge
  return refresh()
})

/**
 * The toolbar popup: says where things stand and offers the one next step — start Clipfile,
 * pair, save (with tags and a note on the selection), or open what was saved. Every request
 * goes through the background worker. `popup.html?tab=<id>` targets that tab (for tests and
 * screenshots, where the popup is opened as a page).
 */
import { h } from './dom'
import { ask } from './messages'
import type { AppState, CaptureOutcome, TabInfo } from './messages'

const view = document.getElementById('view')!
document.getElementById('settings')!.addEventListener('click', () => void chrome.runtime.openOptionsPage())

let tabId = -1
let pollTimer: ReturnType<typeof setTimeout> | undefined
/** What was asked last, so “Save the whole page anyway” can ask again with the same tags and note. */
let lastForm: { tab: TabInfo; tags: string; note: string } | null = null

async function targetTab(): Promise<number> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'))
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true })
  return tab?.id ?? -1
}

function show(...children: (Node | false | null | undefined)[]): void {
  clearTimeout(pollTimer)
  view.replaceChildren(...children.filter((c): c is Node => !!c))
  view.querySelector<HTMLElement>('[autofocus]')?.focus()
}

const notice = (kind: 'ok' | 'error' | 'info' | 'busy', title: string, ...body: (Node | string | null | false)[]) =>
  h('section', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, h('h2', {}, title), ...body)

async function start(): Promise<void> {
  tabId = await targetTab()
  show(notice('busy', 'Looking for Clipfile…'))
  const state = await ask({ type: 'state' })
  if (!state.appRunning) return notRunning(state)
  if (!state.paired) return state.pairing === 'pending' ? waiting(state) : notPaired(state)
  const tab = await ask({ type: 'tab', tabId })
  // How a save started from the menu or the shortcut went (the app and pairing are fine now).
  if (tab.last && tab.last.reason !== 'not-running' && tab.last.reason !== 'not-paired') return outcome(tab.last, tab)
  return ready(tab)
}

function notRunning(state: AppState): void {
  show(
    notice(
      'error',
      'Clipfile is not running',
      h('p', {}, 'Open the Clipfile app, or run ', h('code', {}, 'clipfile serve'), ', then try again. Nothing was saved.'),
      h('p', { class: 'hint' }, `Looking on port ${state.port}. If Clipfile uses another port, set it in the options.`)
    ),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', autofocus: true, onclick: () => void start() }, 'Try again'))
  )
}

function notPaired(state: AppState): void {
  show(
    notice(
      'info',
      'Pair this browser with Clipfile',
      h('p', {}, 'Once per browser: Clipfile will ask you to allow this browser to save to your archive, showing the same code as here.'),
      state.error ? h('p', { class: 'error-text' }, state.error) : null
    ),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', autofocus: true, onclick: () => void pair() }, 'Pair with Clipfile'))
  )
}

async function pair(): Promise<void> {
  show(notice('busy', 'Asking Clipfile…'))
  const state = await ask({ type: 'pair' })
  if (!state.appRunning) return notRunning(state)
  if (state.paired) return void start()
  if (state.pairing === 'pending') return waiting(state)
  notPaired(state)
}

function waiting(state: AppState): void {
  show(
    notice(
      'info',
      'Approve this browser in Clipfile',
      h('p', {}, 'Clipfile shows “Allow this browser to save to Clipfile?” with this code:'),
      h('p', { class: 'code', 'aria-label': `code ${state.code ?? ''}` }, state.code ?? '····'),
      h('p', { class: 'hint' }, 'Check that it is the same, then choose Allow. From a terminal: ', h('code', {}, `clipfile pairing approve ${state.code ?? ''}`))
    )
  )
  // Approval happens in the app: look again until it is there.
  pollTimer = setTimeout(async () => {
    const next = await ask({ type: 'state' })
    if (next.paired) return void start()
    if (!next.appRunning) return notRunning(next)
    if (next.pairing === 'pending') return waiting(next)
    notPaired({ ...next, error: 'The request was refused or expired. Ask again?' })
  }, 1500)
}

function ready(tab: TabInfo): void {
  if (tab.restricted) {
    return show(notice('error', 'This page cannot be saved', h('p', {}, 'Browsers keep their own pages, extension stores and PDF viewers out of reach of extensions.')))
  }
  const tags = h('input', { id: 'tags', type: 'text', placeholder: 'Syria, Tillerson', autocomplete: 'off', spellcheck: 'false' })
  const note = h('textarea', {
    id: 'note',
    rows: '3',
    placeholder: tab.selection ? 'A note on the selected passage' : 'Select text on the page to add a note to it',
    disabled: !tab.selection
  })
  const submit = (e: Event) => {
    e.preventDefault()
    void save(tags.value, note.value)
  }
  lastForm = { tab, tags: '', note: '' }
  show(
    h(
      'div',
      { class: 'page' },
      h('p', { class: 'title' }, tab.title),
      h('p', { class: 'site' }, hostOf(tab.url)),
      tab.saved?.id != null && h('p', { class: 'already' }, '✓ Already in Clipfile — saving again updates it. ', openLink(tab.saved.id))
    ),
    !!tab.selection &&
      h('blockquote', { class: 'selection' }, h('span', { class: 'label' }, 'Will be highlighted'), clip(tab.selection, 220)),
    h(
      'form',
      { class: 'fields', onsubmit: submit },
      h('label', { for: 'tags' }, 'Tags ', h('span', { class: 'hint' }, 'separated by commas')),
      tags,
      h('label', { for: 'note' }, 'Note'),
      note,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', autofocus: true }, tab.saved ? 'Save again' : 'Save page'), h('span', { class: 'hint keys' }, 'Enter'))
    )
  )
  note.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e)
  })
}

async function save(tagText: string, note: string, force = false): Promise<void> {
  if (lastForm) lastForm = { ...lastForm, tags: tagText, note }
  show(notice('busy', 'Saving…', h('p', { class: 'hint' }, 'Reading the page and fetching its images.')))
  const tags = tagText.split(',').map((t) => t.trim()).filter(Boolean)
  const result = await ask({ type: 'capture', tabId, options: { tags, note, force } })
  outcome(result, null)
}

function outcome(r: CaptureOutcome, tab: TabInfo | null): void {
  const notes = r.notes?.length ? h('ul', { class: 'notes' }, ...r.notes.map((n) => h('li', {}, n))) : null
  if (r.ok) {
    const verb = r.status === 'updated' ? 'Updated in Clipfile' : 'Saved to Clipfile'
    return show(
      notice('ok', verb, h('p', { class: 'title' }, r.title ?? ''), r.status === 'updated' ? h('p', { class: 'hint' }, 'It was already there: its text, images and highlights are brought up to date, not duplicated.') : null, notes),
      h('div', { class: 'actions' }, r.id !== undefined && h('button', { type: 'button', class: 'primary', autofocus: true, onclick: () => void openInClipfile(r.id!) }, 'Open in Clipfile'), tab && h('button', { type: 'button', onclick: () => ready({ ...tab, last: null }) }, 'Save again'))
    )
  }
  if (r.reason === 'not-running') return void ask({ type: 'state' }).then(notRunning)
  const form = lastForm
  const next =
    r.reason === 'not-paired'
      ? h('button', { type: 'button', class: 'primary', autofocus: true, onclick: () => void pair() }, 'Pair with Clipfile')
      : r.noArticle && form
        ? h('button', { type: 'button', class: 'primary', autofocus: true, onclick: () => void save(form.tags, form.note, true) }, 'Save the whole page anyway')
        : h('button', { type: 'button', class: 'primary', autofocus: true, onclick: () => void start() }, 'Try again')
  show(notice('error', 'Not saved', h('p', {}, r.error ?? 'Clipfile could not save this page.'), notes), h('div', { class: 'actions' }, next))
}

function openLink(id: number): HTMLElement {
  return h('button', { type: 'button', class: 'link', onclick: () => void openInClipfile(id) }, 'Open')
}

async function openInClipfile(id: number): Promise<void> {
  const r = await ask({ type: 'open', id })
  if (r.ok) window.close()
  else show(notice('error', 'Could not open it', h('p', {}, r.error ?? '')))
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s).replace(/\s+/g, ' ')

void start()

#!/usr/bin/env node
// Regenerates the app's icons from resources/icon.svg. The results are committed, so only
// someone changing the icon runs this; builds and CI never need these tools.
//   resources/icons/<N>x<N>.png  16–1024 px: Linux (electron-builder takes the folder)
//   resources/icon.icns          macOS, drawn on Apple's grid (the artwork inset, not edge to edge)
//   resources/icon.ico           Windows, 16–256 px (256 stored as PNG, as Windows expects)
//   resources/icon.png           1024 px, for anything that wants one picture
// Tools (Debian): apt-get install librsvg2-bin icnsutils icoutils
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources')
const svg = join(resources, 'icon.svg')

for (const [tool, pkg] of [['rsvg-convert', 'librsvg2-bin'], ['png2icns', 'icnsutils'], ['icotool', 'icoutils']]) {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' })
  } catch {
    console.error(`scripts/icons.js needs ${tool} (Debian: apt-get install ${pkg}).`)
    process.exit(1)
  }
}

const work = mkdtempSync(join(tmpdir(), 'clipfile-icons-'))
const render = (source, size, out) => execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', out, source])

try {
  const linux = join(resources, 'icons')
  rmSync(linux, { recursive: true, force: true })
  mkdirSync(linux)
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) render(svg, size, join(linux, `${size}x${size}.png`))
  copyFileSync(join(linux, '1024x1024.png'), join(resources, 'icon.png'))

  // macOS icons sit on a 1024 grid with the artwork in the middle 824 px; an edge-to-edge
  // square looks oversized in the Dock next to every other app.
  const inner = readFileSync(svg, 'utf8').replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')
  const pad = (64 * 100) / 824
  const macSvg = join(work, 'mac.svg')
  writeFileSync(
    macSvg,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-pad} ${-pad} ${64 + 2 * pad} ${64 + 2 * pad}">${inner}</svg>`
  )
  const macPngs = [16, 32, 48, 128, 256, 512, 1024].map((size) => {
    const out = join(work, `mac-${size}.png`)
    render(macSvg, size, out)
    return out
  })
  execFileSync('png2icns', [join(resources, 'icon.icns'), ...macPngs], { stdio: 'ignore' })

  const small = [16, 24, 32, 48, 64, 128].map((size) => join(linux, `${size}x${size}.png`))
  execFileSync('icotool', ['-c', '-o', join(resources, 'icon.ico'), ...small, '-r', join(linux, '256x256.png')])
  console.error('Icons written to resources/.')
} finally {
  rmSync(work, { recursive: true, force: true })
}

/**
 * The desktop app's menu: Electron's usual roles (so copy, paste, zoom and window keys work as
 * everywhere), with About Clipfile — in the app menu on macOS, under Help elsewhere — in place of
 * the default menu's links to Electron's website.
 */
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import { aboutText, type AboutFacts } from './about'

export function installMenu(facts: () => AboutFacts): void {
  const about: MenuItemConstructorOptions = {
    label: 'About Clipfile',
    click: () => {
      const { message, detail } = aboutText(facts())
      const options = { type: 'info' as const, title: 'About Clipfile', message, detail, buttons: ['OK'] }
      const win = BrowserWindow.getFocusedWindow()
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
    }
  }
  const mac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(mac
      ? [
          {
            label: app.name,
            submenu: [
              about,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' }
            ]
          } satisfies MenuItemConstructorOptions
        ]
      : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    ...(mac ? [] : [{ role: 'help', submenu: [about] } satisfies MenuItemConstructorOptions])
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

// The page objects of every screen, built for one page: specs read `const { library, workspace } = screens(page)`.
import type { Page } from '@playwright/test'
import { Header } from './header'
import { ImportPanel } from './import-panel'
import { LibraryPage } from './library'
import { SettingsPage } from './settings'
import { WorkspacePage } from './workspace'

export { ITEMS } from './workspace'

export function screens(page: Page) {
  return {
    header: new Header(page),
    imports: new ImportPanel(page),
    library: new LibraryPage(page),
    workspace: new WorkspacePage(page),
    settings: new SettingsPage(page)
  }
}

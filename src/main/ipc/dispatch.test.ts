// The checks at the IPC door that do not need Electron: which page may call (the sender's frame URL)
// and what a dropped file's path must look like before it is granted.
import { describe, expect, it } from 'vitest'
import { acceptDroppedPath, isAppPage } from './dispatch'

describe('isAppPage', () => {
  const packaged = 'file:///opt/report-audit-desk/resources/app.asar/out/renderer/index.html'
  it.each([
    [packaged, packaged, true],
    [`${packaged}#/review/3`, packaged, true],
    ['file:///home/user/Downloads/evil.html', packaged, false],
    ['file:///opt/report-audit-desk/resources/app.asar/out/renderer/other.html', packaged, false],
    ['about:blank', packaged, false],
    ['data:text/html,<script>alert(1)</script>', packaged, false],
    ['https://example.com/', packaged, false],
    ['http://localhost:5173/#/library', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['', packaged, false],
    [undefined, packaged, false]
  ])('%s calling an app served at %s: %s', (frame, app, ok) => {
    expect(isAppPage(frame, app)).toBe(ok)
  })
})

describe('acceptDroppedPath', () => {
  it('grants a path and nothing else', () => {
    const granted: string[] = []
    const grant = (p: string) => granted.push(p)
    expect(acceptDroppedPath(grant, '/home/审核/报告.docx')).toBe(true)
    for (const bad of [42, null, '', 'a\0b', 'x'.repeat(5000), ['/etc/passwd']]) expect(acceptDroppedPath(grant, bad)).toBe(false)
    expect(granted).toEqual(['/home/审核/报告.docx'])
  })
})

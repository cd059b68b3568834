// PdfHost for the app: Electron prints the review opinion's HTML to an A4 PDF with page numbers, in a
// hidden, sandboxed window with scripts off (the HTML is our own template, the values in it escaped).

import { BrowserWindow } from 'electron'
import type { PdfHost } from '../services/export-service'

export const electronPdf: PdfHost = {
  async htmlToPdf(html) {
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false, devTools: false } })
    try {
      await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
      const pdf = await win.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="width:100%;text-align:center;font-size:12px;font-family:SimSun,serif">— <span class="pageNumber"></span> —</div>'
      })
      return new Uint8Array(pdf)
    } finally {
      win.destroy()
    }
  }
}

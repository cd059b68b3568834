// Bounds that protect the app against hostile or absurd files.

export const LIMITS = {
  /** Largest file accepted at all. */
  maxFileBytes: 64 * 1024 * 1024,
  /** Largest plain-text or HTML file. */
  maxTextBytes: 16 * 1024 * 1024,
  /** Largest inflated XML part of a Word file. */
  maxDocxPartBytes: 48 * 1024 * 1024,
  /** All inflated parts of one zip-based file together. */
  maxZipInflatedBytes: 80 * 1024 * 1024,
  /** Entries in one zip-based file's directory (a Word file has tens, a few hundred with many images). */
  maxZipEntries: 10_000,
  /** Largest extracted text kept for analysis (characters). */
  maxTextChars: 2_000_000,
  /** Deepest HTML nesting followed; deeper elements are flattened. */
  maxHtmlDepth: 256,
  /** Most PDF pages read. */
  maxPdfPages: 500,
  /** Most directory entries read from a compound file (.doc, .wps). */
  maxCfbEntries: 10_000,
  /** Most entries of an OFD's zip directory; a real OFD has a few per page (more than a Word file's). */
  maxOfdEntries: 20_000,
  /** Largest inflated OFD part, and all parts of one OFD together. */
  maxOfdPartBytes: 16 * 1024 * 1024,
  maxOfdTotalBytes: 96 * 1024 * 1024,
  /** Most OFD pages read (as for PDF). */
  maxOfdPages: 500,
  /** Most MIME parts in a saved page (.mht), and how deep multiparts may nest. */
  maxMimeParts: 5_000,
  maxMimeDepth: 8,
  /** Most characters on one PDF page (a dense A4 page holds about 3,000). */
  maxPdfCharsPerPage: 50_000,
  /** The PDF engine's whole heap (WebAssembly memory): the file, its decoded streams, one page's objects. */
  pdfHeapBytes: 256 * 1024 * 1024,
  /** Longest a PDF may take, checked between pages (a real report of 500 pages takes a few seconds). */
  pdfMaxSeconds: 30,
  /** A heap grown past this by one file is dropped afterwards (wasm memory never shrinks). */
  pdfHeapKeepBytes: 64 * 1024 * 1024
}

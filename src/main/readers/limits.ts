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
  maxPdfPages: 500
}

// Types for an extracted document and its analysis, shared by main, renderer and the CLI.

export type ReportFormat = 'docx' | 'pdf' | 'html' | 'txt' | 'md' | 'doc' | 'wps' | 'ofd' | 'mht'

export type BlockKind = 'title' | 'heading' | 'paragraph' | 'table' | 'list'

/** One block of extracted text: [start, end) offsets into ExtractedDoc.text. */
export interface Block {
  start: number
  end: number
  kind: BlockKind
  /** Heading level when the source format marks it (Word heading styles, HTML h1–h6, Markdown #). */
  level?: number
  /** Where the block came from: page for PDF, paragraph index for Word, line for text. */
  page?: number
  para?: number
  line?: number
}

export interface ExtractedDoc {
  format: ReportFormat
  /** Encoding the bytes were decoded from (text and HTML); 'utf-8' for Word and PDF. */
  encoding: string
  /** The report text as the reviewer reads it, blocks separated by '\n'. */
  text: string
  blocks: Block[]
  /** Title the container declares (HTML <title>, Word core properties, PDF info), if any. */
  declaredTitle?: string
  pages?: number
  warnings: string[]
}

export type ReportLevel = 'township' | 'county' | 'city' | 'province' | 'department'
export const REPORT_LEVELS: readonly ReportLevel[] = ['township', 'county', 'city', 'province', 'department']

export type MetaField = 'title' | 'issuer' | 'level' | 'year' | 'published' | 'signed' | 'docNumber'

/**
 * Where a metadata value was read: the title, a labelled page field (发布时间, 来源 …), a bare date line
 * under the title, the opening sentence (现将…), the breadcrumb, the header, the signature, the body's
 * own words (我镇), or the document's own dates (成文日期, used only when the page gives no other).
 */
export type MetaSourceKind =
  | 'title'
  | 'declared-title'
  | 'field'
  | 'document-date'
  | 'date-line'
  | 'opening'
  | 'breadcrumb'
  | 'header'
  | 'signature'
  | 'body'
  | 'issuer'

export interface MetaSource {
  kind: MetaSourceKind
  /** The words it was read from, as a short quote (「来源：平昌县金宝新区管理委员会」). */
  quote: string
}

export interface ReportMeta {
  title: string | null
  issuer: string | null
  level: ReportLevel | null
  year: number | null
  /** YYYY-MM-DD */
  published: string | null
  signed: string | null
  docNumber: string | null
  /** Where each value came from, so the reviewer sees why (absent in analyses stored before it existed). */
  sources?: Partial<Record<MetaField, MetaSource>>
}

/** `none`: an optional item (其他需要报告的情况) the report does not include, which is no fault. */
export type ItemStatus = 'present' | 'partial' | 'missing' | 'none'

export interface Evidence {
  heading: string | null
  quote: string
  start: number
  end: number
}

export interface ItemResult {
  id: string
  label: string
  status: ItemStatus
  score: number
  evidence: Evidence[]
  /** Why the status is lower than the evidence alone would give (「未分析原因」), shown beside it. */
  reason?: string
}

/**
 * The first four come from the report's own analysis; the last three from comparing it with the batch
 * (main/domain/similarity-findings): text carried over from the unit's report of the year before,
 * passages shared with another unit's report of the same year, and last year's year left in copied text.
 */
export type FindingCode = 'late-publication' | 'no-causes' | 'few-figures' | 'year-mismatch' | 'copied-from-last-year' | 'shared-text' | 'stale-year'
export type Severity = 'error' | 'warning' | 'info'

export interface Finding {
  code: FindingCode
  severity: Severity
  message: string
  start?: number
  end?: number
}

export type SectionRole = 'preamble' | 'work' | 'shortcomings' | 'plans' | 'other' | 'closing'

export interface Heading {
  text: string
  level: number
  start: number
  end: number
  /** For a run-in heading ("(一)加强组织领导。正文…"), the heading ends before the body. */
  runIn: boolean
}

export interface Section {
  role: SectionRole
  heading: Heading | null
  start: number
  end: number
}

export interface Analysis {
  meta: ReportMeta
  items: ItemResult[]
  findings: Finding[]
  headings: Heading[]
  sections: Section[]
  /** Ranges of web clutter set aside from the report text. */
  clutter: Array<{ start: number; end: number }>
  figures: number
  checklistId: string
  /** 0–100 by the checklist's item weights: present counts fully, partial half. */
  completeness: number
  /** Why the document does not look like an annual report (解读, news, 工作要点 …), when it was analysed anyway. */
  notReport?: string | null
}

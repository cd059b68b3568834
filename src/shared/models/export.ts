// Formats a review opinion can be exported in.
export type ReportFormatOut = 'docx' | 'pdf' | 'html' | 'md'
export const REPORT_FORMATS_OUT: readonly ReportFormatOut[] = ['docx', 'pdf', 'html', 'md']

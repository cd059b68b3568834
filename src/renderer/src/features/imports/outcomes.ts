// The files an import did not take, as text for the clipboard: one line each, the path, the outcome and
// the reason separated by tabs, so the list reads in a message and pastes into Excel or WPS as columns.
import type { ImportOutcome } from '../../../../shared/models/library'

export interface OutcomeWords {
  header: [file: string, outcome: string, reason: string]
  failed: string
  duplicate: string
}

export const ZH_OUTCOME_WORDS: OutcomeWords = { header: ['文件', '结果', '原因'], failed: '失败', duplicate: '重复' }

export function outcomesText(outcomes: ImportOutcome[], words: OutcomeWords = ZH_OUTCOME_WORDS): string {
  // a tab or line break inside a value would split it into another cell or row
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim()
  const rows = [words.header, ...outcomes.map((o) => [o.file, words[o.kind], o.message])]
  return rows.map((r) => r.map(clean).join('\t')).join('\n') + '\n'
}

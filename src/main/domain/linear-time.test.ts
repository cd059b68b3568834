// Every pattern that reads file content runs in linear time: each family of hostile input (runs of
// separators, spaces, digits, brackets, numbering marks, names, dates) grows from 1k to 16k characters,
// and the cost may grow at most LINEAR_BOUND times (16× is linear; a backtracking pattern is 256× or
// never returns). Before the site-suffix scanner, the first case alone took 44 s at 52 characters.

import { describe, expect, it } from 'vitest'
import { growth, LINEAR_BOUND, repeat } from '../../../tests/helpers/growth'
import type { ExtractedDoc } from '../../shared/models/report'
import { loadChecklist } from '../store/checklist-files'
import { analyze } from './analyze'
import { findDate } from './dates'
import { notAReportReason } from './doc-kind'
import { countFigures } from './findings'
import { cleanOrgName, cleanTitle, issuerFromTitle } from './metadata'
import { normalize } from './normalize'
import { unsafePattern } from './safe-pattern'
import { classifyHeading, tenseOf } from './sections'
import { findHeadings, isClutterLine, isDocNumberLine, looksLikeTitle, splitLines, stripSiteSuffix } from './structure'

const checklist = loadChecklist('default')
const doc = (text: string, declaredTitle?: string): ExtractedDoc => ({ format: 'txt', encoding: 'utf-8', text, blocks: [], warnings: [], declaredTitle })

type Case = [name: string, make: (n: number) => string, run: (s: string) => unknown]

const cases: Case[] = [
  // structure.ts: titles, clutter, document numbers, headings
  ['site suffix: "-  " runs (issue 16)', (n) => repeat('-  ', n, '法治政府建设情况报告', '-'), stripSiteSuffix],
  ['site suffix: short parts', (n) => repeat('- a', n, '法治报告'), stripSiteSuffix],
  ['site suffix: separators only', (n) => repeat('|', n, '法治报告'), stripSiteSuffix],
  ['site suffix: one long part', (n) => repeat('字', n, '', '-b'), stripSiteSuffix],
  ['title test: commas', (n) => repeat('法治报告,', n), looksLikeTitle],
  ['clutter: label then spaces', (n) => repeat(' ', n, '来源', 'x'), isClutterLine],
  ['clutter: breadcrumb words', (n) => repeat('首页 ', n), isClutterLine],
  ['clutter: font-size widget', (n) => repeat('大 中 ', n), isClutterLine],
  ['clutter: browser advice', (n) => repeat('建议使用', n), isClutterLine],
  ['clutter: dashes and spaces', (n) => repeat('- ', n, '', 'x'), isClutterLine],
  ['clutter: dates', (n) => repeat('2020-1-1 ', n), isClutterLine],
  ['document number: names', (n) => repeat('字', n, '', '〔2020〕'), isDocNumberLine],
  ['document number: names and spaces', (n) => repeat('字 ', n), isDocNumberLine],
  ['document number: brackets', (n) => repeat('〔2020〕', n), isDocNumberLine],
  ['headings: 一是 points', (n) => repeat('一是', n), (s) => findHeadings(splitLines(s), 0)],
  ['headings: 。一是 points', (n) => repeat('。一是', n), (s) => findHeadings(splitLines(s), 0)],
  ['headings: numbering marks', (n) => repeat('(一)1.一、', n), (s) => findHeadings(splitLines(s), 0)],
  // sections.ts
  ['heading role: years', (n) => repeat('2020年', n), (s) => classifyHeading(s, 2019)],
  ['heading role: problem words', (n) => repeat('存在问题下一步', n), (s) => classifyHeading(s, 2019)],
  ['tense: markers', (n) => repeat('将要继续了已1件', n), tenseOf],
  // dates.ts, findings.ts
  ['dates: dashes', (n) => repeat('2020-', n), findDate],
  ['dates: 年 without 月', (n) => repeat('2020年1', n), findDate],
  ['dates: digits', (n) => repeat('1', n), findDate],
  ['dates: digits and spaces', (n) => repeat('2020 ', n), findDate],
  ['figures: one digit run', (n) => repeat('1', n, '', 'x'), countFigures],
  ['figures: digits and spaces', (n) => repeat('1 ', n), countFigures],
  ['figures: decimals', (n) => repeat('1.', n), countFigures],
  ['figures: number then spaces', (n) => repeat(' ', n, '1', 'x'), countFigures],
  ['figures: 余 without unit', (n) => repeat('1余', n), countFigures],
  // metadata.ts on a long declared title or name
  ['title banner', (n) => repeat('网', n), cleanTitle],
  ['title issuer', (n) => repeat('县', n), issuerFromTitle],
  ['organisation name', (n) => repeat('党委', n), cleanOrgName],
  // doc-kind.ts
  ['not-a-report: bylines', (n) => repeat('(付媛) ', n), (s) => notAReportReason({ text: s, title: null, opening: [s] })],
  ['not-a-report: placeholders', (n) => repeat('某县', n), (s) => notAReportReason({ text: s, title: s, opening: [s] })],
  ['not-a-report: notice title', (n) => repeat('关于印发', n), (s) => notAReportReason({ text: s, title: null, opening: [s] })],
  // normalize.ts, safe-pattern.ts
  ['normalize: ruby pinyin', (n) => repeat('应(yīng)', n), normalize],
  ['normalize: spaces', (n) => repeat(' ', n, 'a', 'b'), normalize],
  ['reviewer pattern check', (n) => repeat('((', n), unsafePattern],
  // The whole analysis on hostile text, one line and many
  ['analysis: brackets', (n) => repeat('(《〔<', n), (s) => analyze(doc(s), checklist)],
  ['analysis: openings', (n) => repeat('现将关于2020年', n), (s) => analyze(doc(s), checklist)],
  ['analysis: labels', (n) => repeat('来源:发布时间:', n), (s) => analyze(doc(s), checklist)],
  ['analysis: names', (n) => repeat('县人民政府', n), (s) => analyze(doc(s), checklist)],
  ['analysis: heading lines', (n) => repeat('一、\n', n), (s) => analyze(doc(s), checklist)],
  ['analysis: part lines', (n) => repeat('存在的问题\n下一步打算\n', n), (s) => analyze(doc(s), checklist)],
  ['analysis: field lines', (n) => repeat('来源: 某局\n', n), (s) => analyze(doc(s), checklist)],
  ['analysis: date lines', (n) => repeat('2020-01-01\n', n), (s) => analyze(doc(s), checklist)],
  ['analysis: points', (n) => repeat('一是执法普法。', n), (s) => analyze(doc(s), checklist)],
  ['analysis: declared title full of separators', (n) => repeat('-  ', n, '法治报告'), (s) => analyze(doc('正文', s), checklist)]
]

describe('patterns over file content run in linear time (1k → 16k characters)', () => {
  it.each(cases)('%s', (_name, make, run) => {
    const g = growth(make, run)
    expect(g.ratio, `time per call at 1k, 4k, 16k: ${g.times.map((t) => t.toFixed(3)).join(', ')} ms`).toBeLessThan(LINEAR_BOUND)
  })
})

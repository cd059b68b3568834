// The 审核意见 letter as Markdown, for the command line and for pasting into other documents. Text from
// reports and reviewers is escaped, so a quote never turns into a heading, a link or markup.

import { ZH } from '../../shared/labels'
import { letterBasis } from './docx'
import { chineseDates, opinionLine, particulars, worksheetVerdict, type OpinionLetter, type ReviewDocument } from './model'

/**
 * Report and reviewer text as Markdown text: never HTML (`<img src=x onerror=…>` stays words, as
 * entities), nor markup (a link, an image, emphasis), nor a block start (#, >, -, 1.) at a line's start.
 */
export function escMd(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~!]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-]|\d+[.)])/gm, (_m, sp: string, mark: string) => `${sp}\\${mark}`)
}

const cell = (s: string) => escMd(s).replace(/\s*\n+\s*/g, ' ')

function worksheetMarkdown(d: ReviewDocument): string[] {
  return [
    '---',
    '',
    '附件',
    '',
    '## 审核工作底稿',
    '',
    ...particulars(d).map(([k, v]) => `- ${k}：${cell(v)}`),
    '',
    '### 一、清单审核情况',
    '',
    '| 项目 | 检测 | 审核结论 | 证据摘录 | 理由 |',
    '| --- | --- | --- | --- | --- |',
    ...d.items.map((i) => `| ${cell(i.name)} | ${i.detected ? ZH.status[i.detected] : '—'} | ${worksheetVerdict(i, d.overall)} | ${cell(i.evidence || '—')} | ${cell(i.reason || '—')} |`),
    '',
    '### 二、检测发现的问题',
    '',
    ...(d.findings.length ? d.findings.map((f, k) => `${k + 1}. 【${cell(f.name)}】${cell(chineseDates(f.message))}`) : ['未发现问题。']),
    '',
    '### 三、批注',
    '',
    ...(d.annotations.length ? [] : ['无。']),
    ...d.annotations.map((a) => `- 【${cell(a.itemName)}】“${cell(a.quote)}”${a.comment ? `：${cell(a.comment)}` : ''}`),
    ...(d.score ? ['', '### 四、评分', '', `评分：${d.score.total} / ${d.score.max}，${ZH.grade[d.score.grade]}${d.score.proposed ? '（建议）' : ''}`] : []),
    ''
  ]
}

export function letterMarkdown(l: OpinionLetter): string {
  const lines = [
    ...(l.draft ? ['**初审稿**', ''] : []),
    ...(l.docNumber ? [escMd(l.docNumber), ''] : []),
    `# ${escMd(l.title)}`,
    '',
    `${escMd(l.addressee)}：`,
    '',
    escMd(letterBasis(l)),
    '',
    escMd(l.conclusion),
    '',
    ...l.opinion
      .filter((x) => x.trim())
      .flatMap((x) => {
        const o = opinionLine(x)
        return [o.kind === 'h1' ? `## ${escMd(o.text)}` : o.kind === 'h2' ? `### ${escMd(o.text)}` : escMd(o.text), '']
      }),
    ...(l.appendix ? ['附件：审核工作底稿', ''] : []),
    escMd(l.body || '（审核机关）'),
    '',
    l.date,
    '',
    ...(l.contact ? [`（联系人：${escMd(l.contact)}）`, ''] : []),
    ...(l.appendix ? worksheetMarkdown(l.appendix) : [])
  ]
  return lines.join('\n')
}

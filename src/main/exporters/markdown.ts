// The review opinion as Markdown, for the command line and for pasting into other documents.

import { ZH } from '../../shared/labels'
import { particulars, type ReviewDocument } from './model'

/**
 * Report and reviewer text as Markdown text: never as HTML (`<img src=x onerror=…>` stays words) nor as
 * Markdown syntax (a link, an image, emphasis) when the file is opened in a viewer.
 */
export function mdText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]~|!#])/g, '\\$1')
}

const cell = (s: string) => mdText(s).replace(/\n+/g, ' ')

export function reviewMarkdown(d: ReviewDocument): string {
  const lines = [
    `# 关于《${mdText(d.title)}》的审核意见`,
    '',
    ...particulars(d)
      .slice(1)
      .map(([k, v]) => `- ${k}：${mdText(v)}`),
    '',
    '## 一、清单审核情况',
    '',
    '| 项目 | 检测 | 审核结论 | 证据摘录 | 理由 |',
    '| --- | --- | --- | --- | --- |',
    ...d.items.map((i) => `| ${cell(i.name)} | ${i.detected ? ZH.status[i.detected] : '—'} | ${i.verdict ? ZH.verdict[i.verdict] : '未审核'} | ${cell(i.evidence || '—')} | ${cell(i.reason || '—')} |`),
    '',
    '## 二、发现的问题',
    '',
    ...(d.findings.length ? d.findings.map((f, k) => `${k + 1}. 【${mdText(f.name)}】${mdText(f.message)}`) : ['未发现问题。']),
    '',
    '## 三、批注',
    '',
    ...(d.annotations.length ? d.annotations.map((a) => `- 【${mdText(a.itemName)}】“${cell(a.quote)}”${a.comment ? `：${cell(a.comment)}` : ''}`) : ['无。']),
    '',
    '## 四、总体结论',
    '',
    d.overall ? ZH.overall[d.overall] : '尚未给出',
    '',
    '## 五、审核意见',
    '',
    d.opinion.trim() ? mdText(d.opinion.trim()) : '（未填写）',
    '',
    `审核人：${mdText(d.reviewer)}\u3000${d.date}`,
    ''
  ]
  return lines.join('\n')
}

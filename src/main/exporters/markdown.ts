// The review opinion as Markdown, for the command line and for pasting into other documents.

import { ZH } from '../../shared/labels'
import { particulars, type ReviewDocument } from './model'

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ')

export function reviewMarkdown(d: ReviewDocument): string {
  const lines = [
    `# 关于《${d.title}》的审核意见`,
    '',
    ...particulars(d)
      .slice(1)
      .map(([k, v]) => `- ${k}：${v}`),
    '',
    '## 一、清单审核情况',
    '',
    '| 项目 | 检测 | 审核结论 | 证据摘录 | 理由 |',
    '| --- | --- | --- | --- | --- |',
    ...d.items.map((i) => `| ${cell(i.name)} | ${i.detected ? ZH.status[i.detected] : '—'} | ${i.verdict ? ZH.verdict[i.verdict] : '未审核'} | ${cell(i.evidence || '—')} | ${cell(i.reason || '—')} |`),
    '',
    '## 二、发现的问题',
    '',
    ...(d.findings.length ? d.findings.map((f, k) => `${k + 1}. 【${f.name}】${f.message}`) : ['未发现问题。']),
    '',
    '## 三、批注',
    '',
    ...(d.annotations.length ? d.annotations.map((a) => `- 【${a.itemName}】“${a.quote}”${a.comment ? `：${a.comment}` : ''}`) : ['无。']),
    '',
    '## 四、总体结论',
    '',
    d.overall ? ZH.overall[d.overall] : '尚未给出',
    '',
    '## 五、审核意见',
    '',
    d.opinion.trim() || '（未填写）',
    '',
    `审核人：${d.reviewer}\u3000${d.date}`,
    ''
  ]
  return lines.join('\n')
}

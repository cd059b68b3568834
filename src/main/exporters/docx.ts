// The 审核意见 as a Word letter (公文, GB/T 9704 layout) from the reviewing body to the unit, with the
// internal worksheet (items, detected status, evidence, annotations, score) as an appendix when asked.

import type { Paragraph, Table } from 'docx'
import { ZH } from '../../shared/labels'
import { body, heading, table, TONE_FILL, officialDocx } from './docx-kit'
import { chineseDates, itemCell, opinionLine, particulars, worksheetVerdict, type OpinionLetter, type ReviewDocument } from './model'
import { selfName } from './wording'

/** The worksheet: the report's particulars, the checklist with detected status and verdicts, findings, annotations, score. */
export function worksheetChildren(d: ReviewDocument): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    table(
      [
        ['项目', 22],
        ['内容', 78]
      ],
      particulars(d)
    ),
    heading('一、清单审核情况'),
    table(
      [
        ['项目', 18],
        ['检测', 10],
        ['审核结论', 15],
        ['证据摘录', 35],
        ['理由', 22]
      ],
      d.items.map((i) => {
        const c = itemCell(i)
        return [i.name, i.detected ? ZH.status[i.detected] : '—', { text: worksheetVerdict(i, d.overall), fill: i.verdict ? TONE_FILL[c.tone] : undefined }, i.evidence || '—', i.reason || '—']
      })
    ),
    heading('二、检测发现的问题'),
    ...(d.findings.length ? d.findings.map((f, k) => body(`${k + 1}．【${f.name}】${chineseDates(f.message)}`)) : [body('未发现问题。')]),
    heading('三、批注'),
    ...(d.annotations.length
      ? [
          table(
            [
              ['项目', 18],
              ['引文', 50],
              ['说明', 32]
            ],
            d.annotations.map((a) => [a.itemName, `“${a.quote}”`, a.comment || '—'])
          )
        ]
      : [body('无。')])
  ]
  if (d.score) {
    const s = d.score
    out.push(
      heading(`四、评分（${s.rubricName}）`),
      table(
        [
          ['评分项', 22],
          ['满分', 9],
          ['建议分', 10],
          ['得分', 9],
          ['依据或理由', 50]
        ],
        [
          ...s.aspects.map((a) => [a.name, String(a.max), a.proposed === null ? '—' : String(a.proposed), String(a.points), a.adjusted ? `审核人调整：${a.adjusted.reason}` : a.why]),
          ['合计', String(s.max), '', String(s.total), `${ZH.grade[s.grade]}${s.proposed ? '（建议，未经审核人确认）' : ''}`]
        ]
      )
    )
  }
  return out
}


/** 「根据《规定》和《通知》要求，我局对你单位报送的《…》进行了审核。现将审核意见反馈如下：」 */
export function letterBasis(l: Pick<OpinionLetter, 'basis' | 'body' | 'reportTitle'>): string {
  return `根据${l.basis.join('和')}要求，${selfName(l.body)}对你单位报送的《${l.reportTitle}》进行了审核。现将审核意见反馈如下：`
}

export async function letterDocx(l: OpinionLetter): Promise<Uint8Array> {
  return officialDocx({
    mark: l.draft ? '初审稿' : null,
    docNumber: l.docNumber,
    title: l.titleParts,
    addressee: l.addressee,
    lines: [
      { kind: 'p', text: letterBasis(l) },
      { kind: 'p', text: l.conclusion },
      ...l.opinion.filter((x) => x.trim()).map(opinionLine)
    ],
    attachments: l.appendix ? ['审核工作底稿'] : [],
    signature: { name: l.body || null, date: l.date },
    note: l.contact ? `联系人：${l.contact}` : null,
    appendix: l.appendix ? { title: '审核工作底稿', children: worksheetChildren(l.appendix) } : null,
    creator: l.body || '法治报告审核台'
  })
}

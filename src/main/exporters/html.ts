// The 审核意见 letter as an HTML page set like the Word one (A4, 仿宋 body, 小标宋 title, signature at the
// right), with the worksheet as an appendix on a page of its own. Electron prints it to PDF
// (printToPDF); the command-line tool writes it as is. Every value is escaped.

import { ZH } from '../../shared/labels'
import { letterBasis } from './docx'
import { signatureIndents, titleLines } from './docx-kit'
import { chineseDates, itemCell, opinionLine, particulars, worksheetVerdict, type OpinionLetter, type ReviewDocument } from './model'

export const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function worksheetHtml(d: ReviewDocument): string {
  const s = d.score
  return `<section class="appendix">
<p class="mark">附件</p>
<h1>审核工作底稿</h1>
<table class="meta">${particulars(d)
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('')}</table>
<h2>一、清单审核情况</h2>
<table class="items"><thead><tr><th style="width:18%">项目</th><th style="width:10%">检测</th><th style="width:15%">审核结论</th><th>证据摘录</th><th style="width:22%">理由</th></tr></thead><tbody>
${d.items
  .map((i) => {
    const c = itemCell(i)
    return `<tr><td>${esc(i.name)}</td><td>${esc(i.detected ? ZH.status[i.detected] : '—')}</td><td class="${i.verdict ? c.tone : 'muted'}">${esc(worksheetVerdict(i, d.overall))}</td><td>${esc(i.evidence || '—')}</td><td>${esc(i.reason || '—')}</td></tr>`
  })
  .join('\n')}
</tbody></table>
<h2>二、检测发现的问题</h2>
${d.findings.length ? d.findings.map((f, k) => `<p>${k + 1}．【${esc(f.name)}】${esc(chineseDates(f.message))}</p>`).join('') : '<p>未发现问题。</p>'}
<h2>三、批注</h2>
${
  d.annotations.length
    ? `<table class="annotations"><thead><tr><th style="width:18%">项目</th><th>引文</th><th style="width:32%">说明</th></tr></thead><tbody>${d.annotations
        .map((a) => `<tr><td>${esc(a.itemName)}</td><td>“${esc(a.quote)}”</td><td>${esc(a.comment || '—')}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>无。</p>'
}
${
  s
    ? `<h2>四、评分（${esc(s.rubricName)}）</h2>
<table><thead><tr><th style="width:22%">评分项</th><th style="width:9%">满分</th><th style="width:10%">建议分</th><th style="width:9%">得分</th><th>依据或理由</th></tr></thead><tbody>${s.aspects
        .map((a) => `<tr><td>${esc(a.name)}</td><td>${a.max}</td><td>${a.proposed ?? '—'}</td><td>${a.points}</td><td>${esc(a.adjusted ? `审核人调整：${a.adjusted.reason}` : a.why)}</td></tr>`)
        .join('')}<tr><th>合计</th><td>${s.max}</td><td></td><td>${s.total}</td><td>${esc(ZH.grade[s.grade])}${s.proposed ? '（建议，未经审核人确认）' : ''}</td></tr></tbody></table>`
    : ''
}
</section>`
}

/** Name and date placed as in the Word letter (GB/T 9704 7.3.5.2): one blank line below the body, the date's first character two right of the name's. */
function signatureHtml(name: string, date: string): string {
  const { nameRight, dateRight } = signatureIndents(name, date)
  return `<p class="sign first" style="padding-right:${nameRight}em">${esc(name)}</p>\n<p class="sign" style="padding-right:${dateRight}em">${esc(date)}</p>`
}

export function letterHtml(l: OpinionLetter): string {
  const opinion = l.opinion
    .filter((x) => x.trim())
    .map((x) => {
      const o = opinionLine(x)
      return o.kind === 'h1' ? `<p class="h1">${esc(o.text)}</p>` : o.kind === 'h2' ? `<p class="h2">${esc(o.text)}</p>` : `<p>${esc(o.text)}</p>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(l.title)}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16pt; line-height: 28pt; color: #000; margin: 0; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 28pt; line-height: 35pt; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 14pt 0 6pt; }
p { margin: 0; text-indent: 2em; }
p.h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; }
p.h2 { font-family: "KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", serif; }
p.plain, p.to { text-indent: 0; }
.docno { text-align: right; text-indent: 0; margin-bottom: 28pt; }
.draft { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; text-indent: 0; }
.sign { text-align: right; text-indent: 0; white-space: nowrap; }
.sign.first { margin-top: 28pt; }
.attach { margin-top: 28pt; }
.appendix { break-before: page; }
.mark { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; text-indent: 0; margin-bottom: 28pt; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.5; page-break-inside: auto; margin-bottom: 8pt; }
th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; background: #f2f2f2; }
tr { page-break-inside: avoid; }
table.meta th { width: 22%; }
.good { color: #0a6b2d; } .fair { color: #8a5a00; } .poor { color: #a4001d; }
.muted { color: #555; }
</style></head><body>
${l.draft ? '<p class="draft">初审稿</p>\n' : ''}${l.docNumber ? `<p class="docno">${esc(l.docNumber)}</p>\n` : ''}<h1>${titleLines(l.titleParts).map(esc).join('<br>')}</h1>
<p class="to">${esc(l.addressee)}：</p>
<p>${esc(letterBasis(l))}</p>
<p>${esc(l.conclusion)}</p>
${opinion}
${l.appendix ? '<p class="attach">附件：审核工作底稿</p>' : ''}
${signatureHtml(l.body || '（审核机关）', l.date)}
${l.contact ? `<p class="remark">（联系人：${esc(l.contact)}）</p>` : ''}
${l.appendix ? worksheetHtml(l.appendix) : ''}
</body></html>
`
}

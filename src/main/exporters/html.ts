// The review opinion as an HTML page set like an official document (A4, 仿宋 body, 小标宋 title).
// Electron prints it to PDF (printToPDF); the command-line tool writes it as is. Every value is escaped.

import { ZH } from '../../shared/labels'
import { itemCell, particulars, type ReviewDocument } from './model'

export const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const para = (s: string) =>
  s
    .split(/\n+/)
    .filter((l) => l.trim())
    .map((l) => `<p>${esc(l)}</p>`)
    .join('')

export function reviewHtml(d: ReviewDocument): string {
  const meta = particulars(d)
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(d.title)} 审核意见</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16pt; line-height: 1.75; color: #000; margin: 0; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 18pt; line-height: 1.4; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 14pt 0 6pt; }
p { margin: 0; text-indent: 2em; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.5; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; background: #f2f2f2; }
tr { page-break-inside: avoid; }
table.meta th { width: 22%; }
.good { color: #0a6b2d; } .fair { color: #8a5a00; } .poor { color: #a4001d; }
.sign { margin-top: 28pt; text-align: right; text-indent: 0; }
.muted { color: #555; }
</style></head><body>
<h1>关于《${esc(d.title)}》的审核意见</h1>
<table class="meta">${meta.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>
<h2>一、清单审核情况</h2>
<table class="items"><thead><tr><th style="width:18%">项目</th><th style="width:10%">检测</th><th style="width:15%">审核结论</th><th>证据摘录</th><th style="width:22%">理由</th></tr></thead><tbody>
${d.items
  .map((i) => {
    const c = itemCell(i)
    return `<tr><td>${esc(i.name)}</td><td>${esc(i.detected ? ZH.status[i.detected] : '—')}</td><td class="${i.verdict ? c.tone : 'muted'}">${esc(i.verdict ? ZH.verdict[i.verdict] : '未审核')}</td><td>${esc(i.evidence || '—')}</td><td>${esc(i.reason || '—')}</td></tr>`
  })
  .join('\n')}
</tbody></table>
<h2>二、发现的问题</h2>
${d.findings.length ? d.findings.map((f, k) => `<p>${k + 1}．【${esc(f.name)}】${esc(f.message)}</p>`).join('') : '<p>未发现问题。</p>'}
<h2>三、批注</h2>
${
  d.annotations.length
    ? `<table class="annotations"><thead><tr><th style="width:18%">项目</th><th>引文</th><th style="width:32%">说明</th></tr></thead><tbody>${d.annotations
        .map((a) => `<tr><td>${esc(a.itemName)}</td><td>“${esc(a.quote)}”</td><td>${esc(a.comment || '—')}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>无。</p>'
}
<h2>四、总体结论</h2>
<p>${esc(d.overall ? ZH.overall[d.overall] : '尚未给出')}</p>
<h2>五、审核意见</h2>
${d.opinion.trim() ? para(d.opinion) : '<p class="muted">（未填写）</p>'}
<p class="sign">审核人：${esc(d.reviewer)}<br>${esc(d.date)}</p>
</body></html>
`
}

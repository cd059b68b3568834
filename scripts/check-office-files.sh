#!/usr/bin/env bash
# Imports the bundled samples into a temporary project with a roster, exports what a reviewing body sends
# with the command-line tool (the 汇总表, a 审核意见 letter per unit, the 通报), and converts them to PDF
# with LibreOffice headless. Fails if a conversion fails; if the 汇总表's first page is not landscape or
# lacks a column header (fit to one page wide); or if a letter or the 通报 lacks its units' names; so that
# a file Word or WPS could not open, or one that prints badly, is caught.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node bin/report-audit.js import --project "$work/p.raudit" resources/samples >/dev/null || [ $? -eq 2 ]
printf '\xef\xbb\xbf单位名称,层级\r\n新城镇,乡镇\r\n夏铎铺镇,乡镇\r\n大屯营镇,乡镇\r\n县司法局,部门\r\n' >"$work/名单.csv"
node bin/report-audit.js units --project "$work/p.raudit" --import "$work/名单.csv" >/dev/null
node bin/report-audit.js export --project "$work/p.raudit" --year 2020 --body 某某县司法局 --date 2021-04-20 \
  --xlsx "$work/汇总表.xlsx" --csv "$work/汇总表.csv" --notice "$work/通报.docx" --docx "$work/letters" --drafts --reviewer 审核人 >/dev/null
letter="$work/letters/新城镇-2020-审核意见（初审稿）.docx"
[ -s "$letter" ] || { echo "no letter for 新城镇: $(ls "$work/letters")"; exit 1; }
export HOME="$work" # LibreOffice writes its profile under HOME
timeout 180 soffice --headless --norestore --convert-to pdf --outdir "$work/pdf" "$letter" "$work/通报.docx" "$work/汇总表.xlsx" >/dev/null 2>&1
pdf_letter="$work/pdf/$(basename "${letter%.docx}").pdf"
for f in "$pdf_letter" "$work/pdf/通报.pdf" "$work/pdf/汇总表.pdf"; do
  [ -s "$f" ] || { echo "LibreOffice could not convert $(basename "$f" .pdf)"; exit 1; }
done
flat() { pdftotext -enc UTF-8 "$@" - | tr -d ' \n\f'; }

# The 汇总表: landscape first page holding the title and every column header of the table (the CSV's first line).
size=$(pdfinfo -f 1 -l 1 "$work/pdf/汇总表.pdf" | sed -n 's/^Page *1 size: *\([0-9.]*\) x \([0-9.]*\).*/\1 \2/p')
[ -n "$size" ] || { echo "pdfinfo gave no page size for the summary table"; exit 1; }
awk -v s="$size" 'BEGIN { split(s, a, " "); exit !(a[1] > a[2]) }' || { echo "the summary table's first page is not landscape ($size)"; exit 1; }
first=$(flat -raw -f 1 -l 1 "$work/pdf/汇总表.pdf")
grep -q '某某县司法局2020年度法治政府建设年度报告审核情况汇总表' <<<"$first" || { echo "the summary table's first page lacks its title"; exit 1; }
IFS=, read -r -a headers < <(head -1 "$work/汇总表.csv" | sed 's/^\xef\xbb\xbf//; s/\r$//')
[ ${#headers[@]} -ge 10 ] || { echo "the summary CSV has ${#headers[@]} columns"; exit 1; }
for h in "${headers[@]}"; do
  grep -qF "$h" <<<"$first" || { echo "the summary table's first page lacks the column 「$h」: not fitted to one page wide"; exit 1; }
done
for u in 新城镇 夏铎铺镇 大屯营镇 县司法局; do
  grep -qF "$u" <<<"$first" || { echo "the summary table lacks the unit $u"; exit 1; }
done

# The letter and the 通报 hold their units' names.
grep -q '关于新城镇2020年度法治政府建设情况报告的审核意见' <<<"$(flat "$pdf_letter")" || { echo "the converted letter lacks its title"; exit 1; }
grep -q '新城镇人民政府：' <<<"$(flat "$pdf_letter")" || { echo "the converted letter lacks its addressee"; exit 1; }
grep -q '初审稿' <<<"$(flat "$pdf_letter")" || { echo "the converted draft letter lacks its 初审稿 mark"; exit 1; }
notice=$(flat "$work/pdf/通报.pdf")
for u in 大屯营镇 县司法局 新城镇; do
  grep -qF "$u" <<<"$notice" || { echo "the converted 通报 lacks the unit $u"; exit 1; }
done
echo "LibreOffice converted the 汇总表 (landscape, ${#headers[@]} columns on page 1), $(basename "$letter") and 通报.docx"

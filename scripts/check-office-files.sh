#!/usr/bin/env bash
# Imports the bundled samples into a temporary project, exports a review opinion (.docx) and the summary
# table (.xlsx) with the command-line tool, and converts both to PDF with LibreOffice headless. Fails if
# a conversion fails or the PDF lacks the Chinese text, so that a file Word or WPS could not open is caught.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node bin/report-audit.js import --project "$work/p.raudit" resources/samples >/dev/null || [ $? -eq 2 ]
node bin/report-audit.js export --project "$work/p.raudit" --report 1 --docx "$work/docx" --xlsx "$work/汇总表.xlsx" --reviewer 审核人 >/dev/null
docx=$(ls "$work"/docx/*.docx | head -1)
export HOME="$work" # LibreOffice writes its profile under HOME
timeout 180 soffice --headless --norestore --convert-to pdf --outdir "$work/pdf" "$docx" "$work/汇总表.xlsx" >/dev/null 2>&1
for f in "$work/pdf/$(basename "${docx%.docx}").pdf" "$work/pdf/汇总表.pdf"; do
  [ -s "$f" ] || { echo "LibreOffice could not convert $(basename "$f" .pdf)"; exit 1; }
done
pdftotext "$work/pdf/$(basename "${docx%.docx}").pdf" - | tr -d ' \n' | grep -q '审核意见' || { echo "the converted review opinion lacks its Chinese title"; exit 1; }
pdftotext "$work/pdf/汇总表.pdf" - | tr -d ' \n' | grep -q '发布单位' || { echo "the converted summary table lacks its Chinese header"; exit 1; }
echo "LibreOffice opened and converted $(basename "$docx") and 汇总表.xlsx"

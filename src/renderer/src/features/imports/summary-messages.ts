// Strings of the import summary beyond the counts: addresses counted as such, a batch stopped because the
// project could not be written, and 「仍然导入」 for documents refused as not annual reports.

export const importMoreZh = {
  doneTextUrls: '共 {total} 个网址：导入 {imported}，重复 {duplicates}，失败 {failed}。',
  failuresUrls: '无法导入的网址',
  stoppedTitle: '导入已停止',
  stopped: '{reason}本次已导入的 {imported} 个已保存在项目中，另有 {left} 个未处理；之后把这批文件再导入一次即可，已导入的会作为重复跳过。',
  stoppedNone: '{reason}本次还没有文件写入项目，{left} 个未处理；之后把这批文件再导入一次即可。',
  notReports: '其中 {n} 个不像法治政府建设年度报告（如解读、新闻、工作要点）。如确需审核，可“仍然导入”，原因会作为提示保留在报告中。',
  anyway: '仍然导入',
  anywayAll: '全部仍然导入（{n}）',
  anywayTip: '按年度报告导入这个文件，并在报告中保留“不像年度报告”的原因',
  warningsTitle: '读取和检测时的提示'
}

export const importMoreEn: typeof importMoreZh = {
  doneTextUrls: '{total} addresses: {imported} imported, {duplicates} duplicates, {failed} failed.',
  failuresUrls: 'Addresses not imported',
  stoppedTitle: 'Import stopped',
  stopped: '{reason} The {imported} imported in this batch are saved in the project; {left} were not processed. Import the batch again later: what is already in is skipped as a duplicate.',
  stoppedNone: '{reason} Nothing from this batch was written to the project; {left} were not processed. Import the batch again later.',
  notReports: '{n} of them do not look like annual reports on rule-of-law government (an explanation, a news item, a work plan). To review them anyway, use “Import anyway”: the reason stays with the report as a warning.',
  anyway: 'Import anyway',
  anywayAll: 'Import all anyway ({n})',
  anywayTip: 'Import this file as a report, keeping the reason it did not look like one as a warning',
  warningsTitle: 'Notes from reading and checking'
}

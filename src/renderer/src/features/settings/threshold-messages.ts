// Strings of the checklist's finding thresholds in the checklist editor, Simplified Chinese first.

export const thresholdsZh = {
  title: '问题检查设置',
  minFigures: '最少数据条数',
  minFiguresHint: '工作部分中的量化表述少于此数时提示“数据较少”',
  publishBy: '公开期限（次年 月-日）',
  publishByHint: '次年此日之后公开提示“逾期公开”，写作 MM-DD，如 04-01',
  copyShare: '沿用上年文字提示线（%）',
  copyShareHint: '与本单位上年报告相同的文字超过此比例时提示“沿用上年文字”',
  sharedMinChars: '雷同文字字数',
  sharedMinCharsHint: '与同年其他单位报告相同的文字达到此字数时提示“与其他单位雷同”',
  afterSave: '文字比对的两项设置保存并启用后即按新标准提示，无需重新比对。'
}

export const thresholdsEn: typeof thresholdsZh = {
  title: 'Findings',
  minFigures: 'Fewest figures',
  minFiguresHint: 'Fewer quantified statements than this in the work part raise “few figures”',
  publishBy: 'Publish by (MM-DD of the next year)',
  publishByHint: 'Published after this day of the next year raises “late publication”; MM-DD, e.g. 04-01',
  copyShare: 'Copied from last year above (%)',
  copyShareHint: 'A share of the text found in the unit’s report of last year above this raises “copied from last year”',
  sharedMinChars: 'Shared text from (characters)',
  sharedMinCharsHint: 'This many characters shared with another unit’s report of the year raise “shared text”',
  afterSave: 'Once saved and in use, the two comparison thresholds apply at once; no new comparison is needed.'
}

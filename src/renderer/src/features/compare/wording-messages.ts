// Strings of the standard-wording list of the copied-text comparison (what is never counted as copied),
// Simplified Chinese first.

export const wordingZh = {
  title: '文字比对的标准用语',
  lead: '各报告普遍使用的表述（政治性提法、规定中的项目名称等）不计入“沿用上年文字”和“与其他单位雷同”。可以补充本地常用的表述，也可以移除不应忽略的。修改后会自动重新比对。',
  open: '标准用语…',
  add: '添加',
  placeholder: '输入一句标准表述，如“深入学习贯彻习近平法治思想”',
  remove: '移除',
  filter: '筛选',
  sources: { builtin: '内置', reviewer: '审核人添加', learned: '从报告中学到' },
  learnedIn: '{year} 年 {n} 份报告中出现',
  count: '共 {n} 条',
  empty: '没有符合的用语',
  added: '已添加“{phrase}”，正在重新比对',
  removed: '已移除“{phrase}”，正在重新比对',
  tooShort: '标准用语去掉标点和空格后至少 4 个字',
  tooLong: '标准用语不超过 200 个字',
  rerun: '修改后会重新比对全部报告，结果更新后“沿用上年文字”等提示随之更新。'
}

export const wordingEn: typeof wordingZh = {
  title: 'Standard wording of the text comparison',
  lead: 'Wording every report uses (political formulas, the regulation’s item names) is not counted as copied from last year or shared with another unit. Add local formulas, or remove ones that should count. The comparison runs again after a change.',
  open: 'Standard wording…',
  add: 'Add',
  placeholder: 'A standard phrase, e.g. 深入学习贯彻习近平法治思想',
  remove: 'Remove',
  filter: 'Filter',
  sources: { builtin: 'Built in', reviewer: 'Added by a reviewer', learned: 'Learnt from the reports' },
  learnedIn: 'in {n} reports of {year}',
  count: '{n} phrases',
  empty: 'No phrase matches',
  added: 'Added “{phrase}”; comparing again',
  removed: 'Removed “{phrase}”; comparing again',
  tooShort: 'A standard phrase needs at least 4 characters without punctuation and spaces',
  tooLong: 'A standard phrase has at most 200 characters',
  rerun: 'After a change every report is compared again, and the copied-text findings follow.'
}

// Interface strings of what the reviewer sends and of graded review (letters, 汇总表, 通报, phrases,
// scores, charts), kept apart from i18n.ts so that features can grow without crowding it.
import { ZH } from '../../../shared/labels'

export const sendingZh = {
  menu: {
    letters: '审核意见（Word，已审核）…',
    drafts: '审核意见（Word，含初审稿）…',
    appendix: '审核意见＋工作底稿（Word）…',
    pdf: '审核意见（PDF，已审核）…',
    xlsx: '汇总表（Excel）…',
    csv: '汇总表（CSV）…',
    notice: '情况通报（Word）…',
    json: '审核数据（JSON）…'
  },
  skippedTitle: '{n} 个单位未生成审核意见',
  noLetters: '没有可导出的审核意见：所选报告都尚未审核（未给出总体结论）。需要初审稿时请选“含初审稿”。',
  letter: {
    title: '审核机关与发文',
    body: '审核机关名称',
    bodyHint: '署名于审核意见、汇总表和通报，如“某某县司法局”',
    docNumber: '文号（可选）',
    docNumberHint: "{'{n}'} 代表单位在名单中的序号，如“某司函〔2025〕{'{n}'}号”",
    notice: '报送通知名称（可选）',
    noticeHint: '写入审核意见的依据，如“关于做好2024年度法治政府建设情况报告工作的通知”',
    correctBy: '整改期限（可选）',
    correctByHint: '不填时写“收到本意见之日起15个工作日内”'
  },
  phrases: {
    title: '审核意见标准用语',
    missing: '“缺失”时',
    partial: '“部分符合”时',
    findings: '发现问题时的用语',
    hint: "可用 {'{item}'}（项目名称）、{'{published}'}（公开日期）、{'{deadline}'}（公开期限）、{'{days}'}（逾期天数）；留空则用默认用语"
  },
  draft: {
    button: '根据审核结果生成草稿',
    replaceTitle: '替换现有审核意见？',
    replaceText: '草稿将替换已填写的审核意见（可撤销）。',
    replace: '替换',
    cancel: '取消',
    done: '已生成草稿，请修改后使用'
  },
  score: {
    title: '评分',
    proposed: '建议分',
    points: '得分',
    reason: '调整理由（必填）',
    save: '调整',
    reset: '恢复建议分',
    total: '合计 {total} / {max}',
    proposal: '（建议，未经确认）',
    adjusted: '审核人调整：{reason}',
    rank: '第 {n} 名',
    column: '得分',
    grade: ZH.grade
  },
  rubric: {
    title: '集中评议评分表',
    active: '正在使用',
    bundled: '内置',
    own: '本项目',
    use: '使用此评分表',
    edit: '编辑',
    duplicate: '复制',
    remove: '删除',
    importJson: '导入 JSON…',
    exportJson: '导出 JSON',
    editorTitle: '编辑评分表：{name}',
    aspect: '评分项',
    max: '满分',
    description: '说明',
    bands: '等次分数线',
    removeAspect: '删除',
    addAspect: '添加人工评分项',
    save: '保存',
    cancel: '取消',
    saved: '已保存',
    total: '满分合计 {n}'
  },
  bulk: {
    button: '批量设置（{n}）',
    title: '为所选 {n} 份报告批量设置',
    overall: '总体结论',
    item: '审核项',
    verdict: '结论',
    reason: '理由',
    phrase: '添加到审核意见的用语',
    phrasePick: '从标准用语中选择，或直接输入',
    apply: '应用',
    cancel: '取消',
    unchanged: '不修改',
    done: '已更新 {n} 份报告',
    skipped: '{n} 份未修改'
  },
  charts: {
    button: '统计图',
    title: '{year} 年度报送与审核情况',
    timeliness: '报送与公开',
    items: '未达标最多的审核项',
    grades: '评议等次',
    empty: '暂无数据',
    units: '{n} 家',
    byReviewer: '审核认定 {n}'
  }
}

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

export const sendingEn: Widen<typeof sendingZh> = {
  menu: {
    letters: 'Review letters (Word, reviewed)…',
    drafts: 'Review letters (Word, with drafts)…',
    appendix: 'Letters with worksheet (Word)…',
    pdf: 'Review letters (PDF, reviewed)…',
    xlsx: 'Summary table (Excel)…',
    csv: 'Summary table (CSV)…',
    notice: 'Circular (Word)…',
    json: 'Review data (JSON)…'
  },
  skippedTitle: 'No letter for {n} units',
  noLetters: 'Nothing to export: none of these reports has been reviewed (no overall verdict). Choose “with drafts” for drafts.',
  letter: {
    title: 'Reviewing body and letters',
    body: 'Reviewing body',
    bodyHint: 'Signs the letters, the summary table and the circular',
    docNumber: 'Document number (optional)',
    docNumberHint: "{'{n}'} stands for the unit’s number on the roster",
    notice: 'Notice the units reported under (optional)',
    noticeHint: 'Cited as the basis of the letters',
    correctBy: 'Corrections due by (optional)',
    correctByHint: 'When empty: within 15 working days of receipt'
  },
  phrases: {
    title: 'Standard phrases for the review letter',
    missing: 'When missing',
    partial: 'When partly met',
    findings: 'Phrases for findings',
    hint: "Use {'{item}'}, {'{published}'}, {'{deadline}'}, {'{days}'}; empty means the default phrase"
  },
  draft: {
    button: 'Draft from the review',
    replaceTitle: 'Replace the opinion?',
    replaceText: 'The draft replaces the opinion written so far (undo brings it back).',
    replace: 'Replace',
    cancel: 'Cancel',
    done: 'Draft written: edit it before use'
  },
  score: {
    title: 'Score',
    proposed: 'Proposed',
    points: 'Points',
    reason: 'Reason (required)',
    save: 'Set',
    reset: 'Back to proposal',
    total: 'Total {total} / {max}',
    proposal: '(proposed, not confirmed)',
    adjusted: 'Set by reviewer: {reason}',
    rank: 'Rank {n}',
    column: 'Score',
    grade: { excellent: 'Excellent', good: 'Good', fair: 'Fair', poor: 'Poor' }
  },
  rubric: {
    title: 'Scoring rubric',
    active: 'In use',
    bundled: 'Bundled',
    own: 'This project',
    use: 'Use this rubric',
    edit: 'Edit',
    duplicate: 'Duplicate',
    remove: 'Delete',
    importJson: 'Import JSON…',
    exportJson: 'Export JSON',
    editorTitle: 'Edit rubric: {name}',
    aspect: 'Aspect',
    max: 'Max',
    description: 'Description',
    bands: 'Grade thresholds',
    removeAspect: 'Delete',
    addAspect: 'Add a hand-scored aspect',
    save: 'Save',
    cancel: 'Cancel',
    saved: 'Saved',
    total: 'Maximum total {n}'
  },
  bulk: {
    button: 'Set for selected ({n})',
    title: 'Set for the {n} selected reports',
    overall: 'Overall verdict',
    item: 'Item',
    verdict: 'Verdict',
    reason: 'Reason',
    phrase: 'Phrase to add to the opinion',
    phrasePick: 'Pick a standard phrase or type one',
    apply: 'Apply',
    cancel: 'Cancel',
    unchanged: 'Leave as is',
    done: '{n} reports updated',
    skipped: '{n} left unchanged'
  },
  charts: {
    button: 'Charts',
    title: 'Year {year}: reporting and review',
    timeliness: 'Submission and publication',
    items: 'Items most often short',
    grades: 'Grades',
    empty: 'No data yet',
    units: '{n}',
    byReviewer: '{n} by reviewer'
  }
}

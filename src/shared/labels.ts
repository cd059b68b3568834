// Chinese names of statuses, verdicts, findings and levels: used by the exported documents (which are
// always in Chinese, like the official papers they stand beside) and by the zh-CN interface.

import type { FindingCode, ItemStatus, MetaSourceKind, ReportLevel } from './models/report'
import type { ItemVerdict, OverallVerdict } from './models/review'
import type { Grade } from './models/rubric'

export const ZH = {
  status: { present: '具备', partial: '部分', missing: '缺失', none: '无' } satisfies Record<ItemStatus, string>,
  verdict: { meets: '符合', partial: '部分符合', missing: '缺失', 'not-applicable': '不适用' } satisfies Record<ItemVerdict, string>,
  overall: { pass: '通过', revise: '需修改', fail: '不通过' } satisfies Record<OverallVerdict, string>,
  finding: { 'late-publication': '逾期公开', 'no-causes': '未分析原因', 'few-figures': '数据偏少', 'year-mismatch': '年度不一致', 'copied-from-last-year': '沿用上年文字', 'shared-text': '与其他单位雷同', 'stale-year': '沿用上年年份' } satisfies Record<FindingCode, string>,
  grade: { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' } satisfies Record<Grade, string>,
  levels: { township: '乡镇（街道）', county: '县级', city: '市级', province: '省级', department: '部门' } satisfies Record<ReportLevel, string>,
  metaSource: {
    title: '标题',
    'declared-title': '文件属性中的标题',
    field: '网页信息栏',
    'document-date': '成文/生成日期（网页未给出发布日期）',
    'date-line': '标题下的日期行',
    opening: '正文开头',
    breadcrumb: '网页导航路径',
    header: '文头',
    signature: '落款',
    body: '正文用语',
    issuer: '由发布单位推断'
  } satisfies Record<MetaSourceKind, string>
}

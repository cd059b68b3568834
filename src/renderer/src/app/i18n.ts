// Interface strings, Simplified Chinese first.
import { createI18n } from 'vue-i18n'

const messages = {
  'zh-CN': {
    app: { title: '法治报告审核台', subtitle: '法治政府建设年度报告审核' },
    checks: {
      runSamples: '检查示例报告',
      checklist: '审核清单',
      file: '文件',
      issuer: '发布单位',
      year: '年度',
      published: '发布日期',
      findings: '发现的问题',
      failed: '无法读取',
      empty: '还没有检查结果。点击“检查示例报告”查看示例。',
      status: { present: '具备', partial: '部分', missing: '缺失' },
      finding: { 'late-publication': '逾期公开', 'no-causes': '未分析原因', 'few-figures': '数据偏少', 'year-mismatch': '年度不一致' }
    }
  },
  en: {
    app: { title: 'Report Audit Desk', subtitle: 'Review of annual rule-of-law government reports' },
    checks: {
      runSamples: 'Check sample reports',
      checklist: 'Checklist',
      file: 'File',
      issuer: 'Issuer',
      year: 'Year',
      published: 'Published',
      findings: 'Findings',
      failed: 'Could not read',
      empty: 'No results yet. Click “Check sample reports” to try.',
      status: { present: 'Present', partial: 'Partial', missing: 'Missing' },
      finding: { 'late-publication': 'Published late', 'no-causes': 'No causes', 'few-figures': 'Few figures', 'year-mismatch': 'Year mismatch' }
    }
  }
}

export const i18n = createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN', messages })

// Interface strings, Simplified Chinese first; the choice of language is remembered on this machine.
import { createI18n } from 'vue-i18n'

const zh = {
  app: { title: '法治报告审核台', subtitle: '法治政府建设年度报告审核', language: '界面语言' },
  project: {
    menu: '项目',
    create: '新建项目…',
    open: '打开项目…',
    saveAs: '另存为…',
    default: '默认项目',
    reports: '{n} 份报告',
    opened: '已打开项目“{name}”',
    saved: '已另存为“{name}”，此后的修改保存在新文件中'
  },
  import: {
    files: '导入文件…',
    folder: '导入文件夹…',
    samples: '导入示例报告',
    dropHere: '松开鼠标，导入这些文件和文件夹',
    dropHint: '支持 Word（.docx）、PDF、网页（.html/.htm）、文本（.txt/.md，任意中文编码）；文件夹会逐层读取',
    running: '正在导入 {done}/{total}',
    current: '当前：{name}',
    cancel: '取消导入',
    cancelling: '正在停止…',
    read: '已读取',
    imported: '已导入',
    duplicates: '重复',
    failed: '失败',
    doneTitle: '导入完成',
    cancelledTitle: '导入已取消',
    interruptedTitle: '上次导入被中断',
    doneText: '共 {total} 个文件：导入 {imported}，重复 {duplicates}，失败 {failed}。',
    failures: '无法导入的文件',
    duplicatesList: '重复的文件（未再导入）',
    close: '关闭',
    busy: '已有导入正在进行'
  },
  library: {
    title: '标题',
    file: '文件',
    issuer: '发布单位',
    level: '层级',
    year: '年度',
    published: '发布日期',
    completeness: '完整度',
    findings: '发现的问题',
    search: '全文搜索（空格分隔多个词）',
    hits: '找到 {n} 份报告',
    noHits: '没有报告包含“{q}”',
    count: '共 {n} 份报告',
    clearFilters: '清除筛选',
    none: '（无）',
    status: { present: '具备', partial: '部分', missing: '缺失' },
    levels: { township: '乡镇（街道）', county: '县级', city: '市级', department: '部门' },
    finding: { 'late-publication': '逾期公开', 'no-causes': '未分析原因', 'few-figures': '数据偏少', 'year-mismatch': '年度不一致' },
    noFindings: '无'
  },
  empty: {
    title: '这个项目还没有报告',
    lead: '把报告文件或整个文件夹拖到窗口任意位置即可导入；也可以：',
    formats: '可导入 Word（.docx）、PDF、网页（.html/.htm）和文本（.txt/.md）。旧版 .doc/.wps 请先另存为 .docx。'
  }
}

type Messages = typeof zh

const en: Messages = {
  app: { title: 'Report Audit Desk', subtitle: 'Review of annual rule-of-law government reports', language: 'Language' },
  project: {
    menu: 'Project',
    create: 'New project…',
    open: 'Open project…',
    saveAs: 'Save as…',
    default: 'Default project',
    reports: '{n} reports',
    opened: 'Opened project “{name}”',
    saved: 'Saved as “{name}”; further changes go to the new file'
  },
  import: {
    files: 'Import files…',
    folder: 'Import folder…',
    samples: 'Import sample reports',
    dropHere: 'Drop to import these files and folders',
    dropHint: 'Word (.docx), PDF, web pages (.html/.htm), text (.txt/.md, any Chinese encoding); folders are read recursively',
    running: 'Importing {done}/{total}',
    current: 'Now: {name}',
    cancel: 'Cancel import',
    cancelling: 'Stopping…',
    read: 'Read',
    imported: 'Imported',
    duplicates: 'Duplicates',
    failed: 'Failed',
    doneTitle: 'Import finished',
    cancelledTitle: 'Import cancelled',
    interruptedTitle: 'The last import was interrupted',
    doneText: '{total} files: {imported} imported, {duplicates} duplicates, {failed} failed.',
    failures: 'Files that could not be imported',
    duplicatesList: 'Duplicate files (not imported again)',
    close: 'Close',
    busy: 'An import is already running'
  },
  library: {
    title: 'Title',
    file: 'File',
    issuer: 'Issuer',
    level: 'Level',
    year: 'Year',
    published: 'Published',
    completeness: 'Complete',
    findings: 'Findings',
    search: 'Full-text search (separate words with spaces)',
    hits: '{n} reports found',
    noHits: 'No report contains “{q}”',
    count: '{n} reports',
    clearFilters: 'Clear filters',
    none: '(none)',
    status: { present: 'Present', partial: 'Partial', missing: 'Missing' },
    levels: { township: 'Township', county: 'County', city: 'City', department: 'Department' },
    finding: { 'late-publication': 'Published late', 'no-causes': 'No causes', 'few-figures': 'Few figures', 'year-mismatch': 'Year mismatch' },
    noFindings: 'None'
  },
  empty: {
    title: 'This project has no reports yet',
    lead: 'Drop report files or whole folders anywhere on the window to import them, or:',
    formats: 'Word (.docx), PDF, web pages (.html/.htm) and text (.txt/.md) can be imported. Save old .doc/.wps files as .docx first.'
  }
}

export type Locale = 'zh-CN' | 'en'
const LOCALE_KEY = 'report-audit.locale'
const saved = (typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_KEY) : null) as Locale | null

export const i18n = createI18n({ legacy: false, locale: saved === 'en' ? 'en' : 'zh-CN', fallbackLocale: 'zh-CN', messages: { 'zh-CN': zh, en } })

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}

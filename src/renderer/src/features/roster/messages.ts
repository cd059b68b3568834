// The roster view's strings, Simplified Chinese first (merged into the app's messages in app/i18n.ts).
import { ZH } from '../../../../shared/labels'

export const rosterZh = {
  tab: '报送情况',
  libraryTab: '报告库',
  year: '{year} 年度',
  yearLabel: '审核年度',
  deadlines: '公开期限 {publish}，部门报送期限 {submit}',
  figures: {
    submitRate: '报送率',
    onTimeRate: '按时公开率',
    reviewed: '已审',
    passRate: '通过率',
    ofUnits: '{n} / {of} 家',
    none: '—'
  },
  filters: { all: '全部', missing: '未报送', late: '逾期', unreviewed: '未审', revise: '需修改' },
  columns: {
    unit: '报送单位',
    level: '层级',
    submitted: '报送',
    files: '文件 / 版本',
    received: '收到日期',
    published: '公开日期',
    late: '逾期',
    review: '审核',
    verdict: '结论',
    reviewer: '审核人'
  },
  notSubmitted: '未报送',
  submittedOn: '{date} 收到',
  filesVersions: '{files} 个文件 · {versions} 版',
  daysLate: '逾期 {n} 天',
  onTime: '按时',
  unknownDate: '未见日期',
  receivedLate: '报送逾期 {n} 天',
  review: { unreviewed: '未审', 'in-progress': '审核中', reviewed: '已审' },
  verdict: ZH.overall,
  levels: ZH.levels,
  actions: {
    importSheet: '导入名单…',
    paste: '粘贴名单…',
    template: '导出名单模板…',
    fromIssuers: '按发布单位生成名单',
    chaser: '导出催报名单…',
    addUnit: '添加单位',
    editUnits: '管理名单'
  },
  pasteTitle: '粘贴报送单位名单',
  pasteHint: '每行一个单位；也可从表格复制“单位名称、层级、别名”三列（别名用顿号分隔多个）。',
  pasteConfirm: '导入',
  imported: '名单已导入：新增 {added} 个单位，更新 {updated} 个',
  importedAttached: '；{n} 份待归属的报告找到了单位',
  importProblems: '名单中有 {n} 处需要检查',
  saved: '已保存到 {file}',
  unassigned: {
    title: '待归属（{n}）',
    hint: '这些报告的发布单位无法与名单中的单位对应。为每份选择单位后，发布单位会作为别名记住，下次自动归属。',
    pick: '选择单位',
    assign: '归属',
    assigned: '已归属到“{unit}”',
    issuer: '发布单位：{issuer}',
    noIssuer: '未识别发布单位'
  },
  empty: {
    title: '还没有报送单位名单',
    body: '名单列出应当向你报送年度报告的单位。有了名单，就能看到谁已报送、谁逾期、谁还没有报送，以及审核进度。',
    orImport: '也可以先导入报告，再按报告的发布单位生成名单。',
    orIssuers: '也可以按已导入报告的发布单位生成名单：'
  },
  unitEditor: {
    title: '报送单位',
    name: '单位名称',
    level: '层级',
    aliases: '别名（用顿号分隔）',
    contact: '联系人',
    save: '保存',
    cancel: '取消',
    remove: '删除',
    removeConfirm: '从名单中删除“{name}”？其报告会回到待归属。'
  },
  open: '打开报告'
}

export const rosterEn: typeof rosterZh = {
  tab: 'Roster',
  libraryTab: 'Library',
  year: '{year}',
  yearLabel: 'Review year',
  deadlines: 'Public by {publish}; departments submit by {submit}',
  figures: { submitRate: 'Reported', onTimeRate: 'Public on time', reviewed: 'Reviewed', passRate: 'Passed', ofUnits: '{n} / {of}', none: '—' },
  filters: { all: 'All', missing: 'Not reported', late: 'Late', unreviewed: 'Not reviewed', revise: 'To revise' },
  columns: { unit: 'Unit', level: 'Level', submitted: 'Reported', files: 'Files / versions', received: 'Received', published: 'Published', late: 'Late', review: 'Review', verdict: 'Verdict', reviewer: 'Reviewer' },
  notSubmitted: 'Not reported',
  submittedOn: 'received {date}',
  filesVersions: '{files} files · {versions} versions',
  daysLate: '{n} days late',
  onTime: 'On time',
  unknownDate: 'No date',
  receivedLate: 'submitted {n} days late',
  review: { unreviewed: 'Not reviewed', 'in-progress': 'In progress', reviewed: 'Reviewed' },
  verdict: { pass: 'Pass', revise: 'Revise', fail: 'Fail' },
  levels: { township: 'Township', county: 'County', city: 'City', province: 'Province', department: 'Department' },
  actions: { importSheet: 'Import roster…', paste: 'Paste roster…', template: 'Export template…', fromIssuers: 'Roster from issuers', chaser: 'Export reminder list…', addUnit: 'Add unit', editUnits: 'Edit roster' },
  pasteTitle: 'Paste the roster',
  pasteHint: 'One unit a line, or the columns name, level, aliases copied from a sheet.',
  pasteConfirm: 'Import',
  imported: 'Roster imported: {added} added, {updated} updated',
  importedAttached: '; {n} waiting reports attached',
  importProblems: '{n} rows need a look',
  saved: 'Saved to {file}',
  unassigned: {
    title: 'Waiting for a unit ({n})',
    hint: 'The issuer of these reports matches no unit of the roster. Pick one; the issuer is remembered as an alias.',
    pick: 'Pick a unit',
    assign: 'Attach',
    assigned: 'Attached to “{unit}”',
    issuer: 'Issuer: {issuer}',
    noIssuer: 'Issuer not recognised'
  },
  empty: {
    title: 'No roster yet',
    body: 'The roster lists the units that must report to you. With it you see who has reported, who is late, who is missing, and how far the review has come.',
    orImport: 'Or import the reports first and build the roster from their issuers.',
    orIssuers: 'Or build the roster from the issuers of the reports imported:'
  },
  unitEditor: { title: 'Unit', name: 'Name', level: 'Level', aliases: 'Aliases (separated by 、)', contact: 'Contact', save: 'Save', cancel: 'Cancel', remove: 'Remove', removeConfirm: 'Remove “{name}” from the roster? Its reports go back to waiting.' },
  open: 'Open report'
}

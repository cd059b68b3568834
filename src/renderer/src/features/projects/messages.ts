// Strings of the open project's states the services report (read-only, an audit trail whose chain is
// broken, no project open), Simplified Chinese first (merged into the app's messages in app/i18n.ts).

export const projectStateZh = {
  readOnlyTitle: '只读项目',
  readOnly: '{reason}导入文件、修改审核结果和清单的按钮已停用，鼠标停在按钮上可看到原因。',
  readOnlyTag: '只读',
  locked: '只读项目，不能修改：{reason}',
  auditTitle: '审核记录可能被改动过',
  audit: '{message}请用保存的项目副本核对，或联系提供项目文件的人。',
  auditTag: '审核记录异常',
  unavailableTitle: '没有打开项目',
  unavailable: '{reason}请在“项目”菜单中新建或打开一个项目。'
}

export const projectStateEn: typeof projectStateZh = {
  readOnlyTitle: 'Read-only project',
  readOnly: '{reason} Importing and changing the review or the checklists are turned off; hover a button to see why.',
  readOnlyTag: 'Read-only',
  locked: 'Read-only project, cannot be changed: {reason}',
  auditTitle: 'The audit trail may have been altered',
  audit: '{message} Compare with a saved copy of the project or ask whoever sent the file.',
  auditTag: 'Audit trail broken',
  unavailableTitle: 'No project is open',
  unavailable: '{reason} Create or open a project from the Project menu.'
}

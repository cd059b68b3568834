// The reviewer's own settings, kept per user (not per project).

export interface UserSettings {
  /** Written into the audit trail and the review opinions. */
  reviewerName: string
  locale: 'zh-CN' | 'en'
}

// The reviewer's own settings, kept per user (not per project).

export interface UserSettings {
  /** Written into the audit trail and the review opinions. */
  reviewerName: string
  locale: 'zh-CN' | 'en'
  /** The project open when the app last closed, reopened at the next start. */
  lastProject?: string
}

// The one table of channel names ('domain:action') and the api method each maps to.

export const CHANNELS = {
  'projects:current': ['projects', 'current'],
  'projects:create': ['projects', 'create'],
  'projects:open': ['projects', 'open'],
  'projects:saveAs': ['projects', 'saveAs'],
  'projects:pickAndCreate': ['projects', 'pickAndCreate'],
  'projects:pickAndOpen': ['projects', 'pickAndOpen'],
  'projects:pickAndSaveAs': ['projects', 'pickAndSaveAs'],
  'projects:saveCopy': ['projects', 'saveCopy'],
  'projects:pickAndSaveCopy': ['projects', 'pickAndSaveCopy'],
  'exports:reports': ['exports', 'reports'],
  'exports:pickAndExportReports': ['exports', 'pickAndExportReports'],
  'exports:batch': ['exports', 'batch'],
  'exports:pickAndExportBatch': ['exports', 'pickAndExportBatch'],
  'library:list': ['library', 'list'],
  'library:search': ['library', 'search'],
  'imports:start': ['imports', 'start'],
  'imports:startSamples': ['imports', 'startSamples'],
  'imports:pickAndStart': ['imports', 'pickAndStart'],
  'imports:summary': ['imports', 'summary'],
  'jobs:list': ['jobs', 'list'],
  'jobs:cancel': ['jobs', 'cancel'],
  'checklists:list': ['checklists', 'list'],
  'checklists:get': ['checklists', 'get'],
  'checklists:save': ['checklists', 'save'],
  'checklists:duplicate': ['checklists', 'duplicate'],
  'checklists:remove': ['checklists', 'remove'],
  'checklists:importJson': ['checklists', 'importJson'],
  'checklists:exportJson': ['checklists', 'exportJson'],
  'checklists:activate': ['checklists', 'activate'],
  'review:open': ['review', 'open'],
  'review:setItemVerdict': ['review', 'setItemVerdict'],
  'review:setOverall': ['review', 'setOverall'],
  'review:setOpinion': ['review', 'setOpinion'],
  'review:addAnnotation': ['review', 'addAnnotation'],
  'review:updateAnnotation': ['review', 'updateAnnotation'],
  'review:deleteAnnotation': ['review', 'deleteAnnotation'],
  'review:restoreAnnotation': ['review', 'restoreAnnotation'],
  'review:auditTrail': ['review', 'auditTrail'],
  'review:versions': ['review', 'versions'],
  'review:carryOver': ['review', 'carryOver'],
  'settings:get': ['settings', 'get'],
  'settings:update': ['settings', 'update'],
  'app:version': ['app', 'version']
} as const

export type Channel = keyof typeof CHANNELS

/** The one channel main pushes events on: (event name, payload). */
export const EVENT_CHANNEL = 'app:event'

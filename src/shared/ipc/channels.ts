// The one table of calls the window can make: every method of every service interface in the contract,
// and the channel name ('service:method') each travels on. The compiler checks that no method is missing.

import type { Api } from './contract'

type MethodsOf<S extends keyof Api> = ReadonlyArray<keyof Api[S] & string>

const METHODS = {
  projects: ['current', 'create', 'open', 'saveAs', 'pickAndCreate', 'pickAndOpen', 'pickAndSaveAs', 'saveCopy', 'pickAndSaveCopy'],
  exports: ['reports', 'pickAndExportReports', 'batch', 'pickAndExportBatch', 'letterSettings', 'updateLetterSettings'],
  grading: ['rubrics', 'get', 'save', 'duplicate', 'remove', 'importJson', 'exportJson', 'activate', 'sheet', 'setPoints'],
  library: ['list', 'submissions', 'search', 'snippets'],
  imports: ['start', 'startUrls', 'startUnitPages', 'startNotReports', 'startSamples', 'pickAndStart', 'summary', 'pickAndExportOutcomes'],
  jobs: ['list', 'cancel'],
  checklists: ['list', 'get', 'save', 'duplicate', 'remove', 'importJson', 'exportJson', 'activate'],
  review: ['open', 'setItemVerdict', 'setOverall', 'setOpinion', 'addAnnotation', 'updateAnnotation', 'deleteAnnotation', 'restoreAnnotation', 'auditTrail', 'versions', 'carryOver', 'draftOpinion', 'bulk'],
  roster: ['get', 'years', 'settings', 'updateSettings', 'units', 'saveUnit', 'removeUnit', 'importUnitsText', 'pickAndImportUnits', 'unitsFromIssuers', 'pickAndExportTemplate', 'assign', 'submission', 'pickAndExportChaser', 'charts'],
  similarity: ['status', 'run', 'report', 'pair', 'shared', 'commonWording', 'addCommonWording', 'removeCommonWording'],
  settings: ['get', 'update'],
  app: ['version']
} as const satisfies { [S in keyof Api]: MethodsOf<S> }

// Every method of every interface must be listed: a method added to the contract and not here fails to compile.
type Unlisted = { [S in keyof Api]: Exclude<keyof Api[S], (typeof METHODS)[S][number]> }[keyof Api]
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true
void everyMethodListed

export type Service = keyof Api
export type Method<S extends Service> = (typeof METHODS)[S][number]
export type Channel = { [S in Service]: `${S}:${Method<S>}` }[Service]

/** channel → [service, method], for the preload, the IPC registration and the dispatcher. */
export const CHANNELS = Object.fromEntries(
  (Object.keys(METHODS) as Service[]).flatMap((s) => METHODS[s].map((m: string) => [`${s}:${m}`, [s, m] as const]))
) as Record<Channel, readonly [Service, string]>

/** The one channel main pushes events on: (event name, payload). */
export const EVENT_CHANNEL = 'app:event'

/**
 * The one channel the preload itself sends on: the path of a file dropped on the window, registered as
 * chosen by the reviewer before the window can name it in a call. Not in `window.api`: the page cannot
 * send on it, only hand the preload a File it got from a drop.
 */
export const DROP_CHANNEL = 'app:dropped-path'

// The one table of calls the window can make: every method of every service interface in the contract,
// and the channel name ('service:method') each travels on. The compiler checks that no method is missing.

import type { Api } from './contract'

type MethodsOf<S extends keyof Api> = ReadonlyArray<keyof Api[S] & string>

const METHODS = {
  projects: ['current', 'create', 'open', 'saveAs', 'pickAndCreate', 'pickAndOpen', 'pickAndSaveAs', 'saveCopy', 'pickAndSaveCopy'],
  exports: ['reports', 'pickAndExportReports', 'batch', 'pickAndExportBatch'],
  library: ['list', 'submissions', 'search'],
  imports: ['start', 'startUrls', 'startUnitPages', 'startSamples', 'pickAndStart', 'summary', 'pickAndExportOutcomes'],
  jobs: ['list', 'cancel'],
  checklists: ['list', 'get', 'save', 'duplicate', 'remove', 'importJson', 'exportJson', 'activate'],
  review: ['open', 'setItemVerdict', 'setOverall', 'setOpinion', 'addAnnotation', 'updateAnnotation', 'deleteAnnotation', 'restoreAnnotation', 'auditTrail', 'versions', 'carryOver'],
  roster: ['get', 'years', 'settings', 'updateSettings', 'units', 'saveUnit', 'removeUnit', 'importUnitsText', 'pickAndImportUnits', 'unitsFromIssuers', 'pickAndExportTemplate', 'assign', 'submission', 'pickAndExportChaser'],
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

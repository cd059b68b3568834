// The one table of channel names ('domain:action') and the api method each maps to.

export const CHANNELS = {
  'reports:check': ['reports', 'check'],
  'reports:checkSamples': ['reports', 'checkSamples'],
  'reports:checklists': ['reports', 'checklists'],
  'app:version': ['app', 'version']
} as const

export type Channel = keyof typeof CHANNELS

// Types of synth-reports.js (plain JavaScript, so the node benchmarks can import it too).
export interface SynthReport {
  unit: string
  county: string
  year: number
  published: string
  text: string
}
export function rng(seed: number): () => number
export function unitName(i: number): string
export function synthReport(i: number, opts?: { unit?: string; county?: string; year?: number; chars?: number }): SynthReport

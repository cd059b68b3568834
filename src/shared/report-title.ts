// The title of a report whose text gives none: made from the unit (or issuer) and the year, never the file name.

export function madeTitle(unit: string | null, year: number | null): string {
  return `${unit ?? '（未识别单位）'}${year ? `${year}年度` : ''}法治政府建设情况报告`
}

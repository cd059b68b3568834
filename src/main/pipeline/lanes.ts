// Runs async work over a list with a fixed number of items in flight, taking them in order, and
// stops taking new ones once the signal is aborted (the ones in hand finish).

export async function inLanes<T>(items: readonly T[], width: number, signal: AbortSignal | undefined, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length && !signal?.aborted) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane))
}

/**
 * File operations a batch at a time: one by one leaves the disk idle, and tens of thousands at once
 * run out of file handles.
 */
export async function mapInBatches<T, R>(items: readonly T[], operation: (item: T) => Promise<R>, size = 256): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += size) out.push(...(await Promise.all(items.slice(start, start + size).map(operation))));
  return out;
}

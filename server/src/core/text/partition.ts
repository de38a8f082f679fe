/**
 * Binary search over a list ordered so that `isBefore` holds for a first part of it and not after:
 * the index where that part ends (0 to `length`).
 */
export function partitionPoint(length: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isBefore(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

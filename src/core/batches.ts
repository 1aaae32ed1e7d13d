/**
 * `items` in consecutive chunks of at most `maxCount` items and at most `maxWeight` total weight
 * (an item heavier than `maxWeight` alone makes a chunk of its own).
 */
export function chunked<T>(items: readonly T[], maxCount: number, maxWeight = Infinity, weight: (item: T) => number = () => 0): T[][] {
  if (items.length <= maxCount && maxWeight === Infinity) return items.length === 0 ? [] : [items.slice()];
  const chunks: T[][] = [];
  let current: T[] = [];
  let load = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length > 0 && (current.length >= maxCount || load + w > maxWeight)) {
      chunks.push(current);
      current = [];
      load = 0;
    }
    current.push(item);
    load += w;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

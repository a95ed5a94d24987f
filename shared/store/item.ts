import { TABLE_KEYS } from './table';

/** The attributes the table adds to every record (its keys and the item type), never part of a record itself. */
const TABLE_ATTRIBUTES = new Set<string>([
  TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey,
  TABLE_KEYS.gsi1.partitionKey, TABLE_KEYS.gsi1.sortKey,
  TABLE_KEYS.gsi2.partitionKey, TABLE_KEYS.gsi2.sortKey,
  'type',
]);

/** A stored item as the record it holds: the table's key and type attributes left out. */
export function fromItem<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !TABLE_ATTRIBUTES.has(name))) as T;
}

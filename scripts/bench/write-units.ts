/**
 * Write capacity units by DynamoDB's size rules, for when DynamoDB Local's report cannot be trusted (for a
 * TransactWriteItems it reports the cost of one item, whatever the number of items).
 * Item size: attribute names and string values in UTF-8 bytes, numbers ≈ 1 byte per 2 significant digits + 1,
 * booleans and null 1 byte, lists and maps 3 bytes + 1 per element + the elements.
 */
export function attributeValueBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/[.e+-]/g, '').replace(/^0+/, '').length / 2) + 1;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + attributeValueBytes(v), 0);
  if (typeof value === 'object') return 3 + itemBytes(value as Record<string, unknown>) + Object.keys(value).length;
  return Buffer.byteLength(String(value), 'utf8');
}

export function itemBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [name, value]) => (value === undefined ? sum : sum + Buffer.byteLength(name, 'utf8') + attributeValueBytes(value)), 0);
}

const kilobytes = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/**
 * WCU of items written in transactions: 2 per started KB for each item (a transaction writes twice: prepare and
 * commit), plus 1 per started KB for each global secondary index the item appears in (gsi1pk / gsi2pk set;
 * projection ALL), as GSIs are updated after the transaction like any write.
 */
export function transactionalWriteUnits(items: readonly Record<string, unknown>[]): number {
  return items.reduce((sum, item) => {
    const kb = kilobytes(itemBytes(item));
    const indexes = ['gsi1pk', 'gsi2pk'].filter((key) => item[key] !== undefined).length;
    return sum + 2 * kb + indexes * kb;
  }, 0);
}

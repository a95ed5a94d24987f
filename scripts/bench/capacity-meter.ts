import type { Store } from '../../shared/store/store';

/** Units of DynamoDB capacity and requests seen on one store handle. */
export interface CapacityTotals {
  requests: number;
  readUnits: number;
  writeUnits: number;
}

interface ConsumedCapacity {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

const WRITES = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'BatchWriteCommand', 'TransactWriteCommand']);

const indexUnits = (capacity: ConsumedCapacity) =>
  Object.values(capacity.GlobalSecondaryIndexes ?? {}).reduce((sum, index) => sum + (index.CapacityUnits ?? 0), 0);

/**
 * On-demand units of one response's ConsumedCapacity (asked for as INDEXES), as AWS would bill them.
 * DynamoDB Local reports single reads and writes by AWS's size rules, but a TransactWriteItems at twice the
 * transactional price for the table (4 per KB instead of 2) and at four times the plain price for each index
 * (GSIs are updated after the transaction like any write: 1 per KB): measured in test/scripts/bench/capacity-meter.test.ts.
 */
export function billedUnits(commandName: string, capacities: ConsumedCapacity[]): number {
  return capacities.reduce((sum, capacity) => {
    if (commandName !== 'TransactWriteCommand') return sum + (capacity.CapacityUnits ?? 0);
    return sum + (capacity.Table?.CapacityUnits ?? 0) / 2 + indexUnits(capacity) / 4;
  }, 0);
}

/**
 * Counts every request sent through `store` and the capacity it consumed, by asking DynamoDB (Local) to
 * return it. Returns live totals; `reset()` zeroes them.
 */
export function meterStore(store: Store): CapacityTotals & { reset(): void } {
  const totals = {
    requests: 0,
    readUnits: 0,
    writeUnits: 0,
    reset() {
      totals.requests = 0;
      totals.readUnits = 0;
      totals.writeUnits = 0;
    },
  };
  const send = store.doc.send.bind(store.doc) as (command: unknown) => Promise<unknown>;
  (store.doc as { send: unknown }).send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name;
    if (name !== 'CreateTableCommand' && name !== 'DescribeTableCommand') command.input.ReturnConsumedCapacity = 'INDEXES';
    const response = (await send(command)) as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] } | undefined;
    const consumed = response?.ConsumedCapacity;
    if (consumed === undefined) return response;
    totals.requests += 1;
    const units = billedUnits(name, Array.isArray(consumed) ? consumed : [consumed]);
    if (WRITES.has(name)) totals.writeUnits += units;
    else totals.readUnits += units;
    return response;
  };
  return totals;
}

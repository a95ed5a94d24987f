import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStore, ensureTable, type Store } from '../../shared/store/store';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { endStaleProcess, rememberProcess } from './stale-process';

/** The table in a data folder: DynamoDB Local on `<dataDir>/dynamodb`, or a running one given by endpoint. */
export interface DataStore {
  store: Store;
  endpoint: string;
  /** Stops the DynamoDB Local this handle started (none when it joined a running one). */
  stop(): Promise<void>;
}

export interface DataStoreOptions {
  dataDir: string;
  tableName: string;
  /** A running DynamoDB Local to use instead of starting one. */
  endpoint?: string;
}

const PID_FILE = 'dynamodb.pid';
const ENDPOINT_FILE = 'dynamodb.endpoint';

/**
 * Starts DynamoDB Local on the folder (ending one a killed server left running) and makes sure the table exists.
 * The server's DynamoDB Local is recorded in the folder, so `runningEndpoint` finds it for a command run beside it.
 */
export async function openDataStore(options: DataStoreOptions): Promise<DataStore> {
  let db: DynamoDbLocal | undefined;
  let endpoint = options.endpoint;
  if (!endpoint) {
    const pidFile = join(options.dataDir, PID_FILE);
    endStaleProcess(pidFile, 'DynamoDBLocal');
    db = await startDynamoDbLocal({ dataDir: join(options.dataDir, 'dynamodb') });
    rememberProcess(pidFile, db.pid);
    writeFileSync(join(options.dataDir, ENDPOINT_FILE), db.endpoint);
    endpoint = db.endpoint;
  }
  const store = createStore({ tableName: options.tableName, endpoint });
  await ensureTable(store);
  return {
    store,
    endpoint,
    async stop() {
      await db?.stop();
      if (db) for (const file of [PID_FILE, ENDPOINT_FILE]) rmSync(join(options.dataDir, file), { force: true });
    },
  };
}

/** The endpoint of the DynamoDB Local a running server started on this folder, if it is still running. */
export function runningEndpoint(dataDir: string): string | undefined {
  const pidFile = join(dataDir, PID_FILE);
  const endpointFile = join(dataDir, ENDPOINT_FILE);
  if (!existsSync(pidFile) || !existsSync(endpointFile)) return undefined;
  try {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal')) return undefined;
    return readFileSync(endpointFile, 'utf8').trim();
  } catch {
    return undefined;
  }
}

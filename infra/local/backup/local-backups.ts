import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../../shared/store/store';
import { writeBackupFile, type BackupHeader } from './backup-file';
import { isLocalOnly, snapshotTable } from './snapshot';
import { WriteGate } from './write-gate';

const DAY_MS = 86_400_000;
const NAME = /^dangjian-(\d{8})-(\d{6})\.jsonl\.gz$/;

/** The name of an automatic backup taken at `at` (UTC, sortable): dangjian-20261204-183000.jsonl.gz. */
export const backupFileName = (at: Date) => `dangjian-${at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.jsonl.gz`;

export interface LatestBackup {
  file: string;
  takenAt: Date;
}

/**
 * Backups of a running local server: on demand (`npx dangjian backup`, through the control channel) and daily into
 * `dir`, keeping the newest `keep`. Every backup reads the table at one point in time (the write gate).
 */
export class LocalBackups {
  readonly gate: WriteGate;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Store, private readonly settings: { dir: string; keep: number; log?: (line: string) => void }) {
    this.gate = new WriteGate(store);
  }

  /** One backup into `file` (everything), or an export (without the local runtime's own records). */
  backupTo(file: string, kind: BackupHeader['kind'] = 'backup'): Promise<BackupHeader> {
    const run = this.running.then(async () => {
      const items = await snapshotTable(this.store, this.gate);
      const kept = kind === 'export' ? items.filter((item) => !isLocalOnly(item)) : items;
      return writeBackupFile(file, { takenAt: new Date().toISOString(), table: this.store.tableName, kind }, kept);
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /** The automatic backup: a new file in `dir`, then the oldest beyond `keep` removed. */
  async takeScheduled(at = new Date()): Promise<BackupHeader> {
    mkdirSync(this.settings.dir, { recursive: true });
    const header = await this.backupTo(join(this.settings.dir, backupFileName(at)));
    const names = this.names();
    for (const old of names.slice(0, Math.max(0, names.length - this.settings.keep))) rmSync(join(this.settings.dir, old), { force: true });
    return header;
  }

  /** The newest automatic backup, for /healthz. */
  latest(): LatestBackup | undefined {
    const name = this.names().at(-1);
    if (!name) return undefined;
    const file = join(this.settings.dir, name);
    return { file, takenAt: statSync(file).mtime };
  }

  /** A backup now when the newest is a day old (or there is none), then one a day. */
  startDaily(): void {
    const run = () =>
      this.takeScheduled().then(
        (header) => this.settings.log?.(`backup: ${header.itemCount} items`),
        (error: unknown) => this.settings.log?.(`backup failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    const latest = this.latest();
    if (!latest || Date.now() - latest.takenAt.getTime() >= DAY_MS) void run();
    this.timer = setInterval(() => void run(), DAY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private names(): string[] {
    try {
      return readdirSync(this.settings.dir).filter((name) => NAME.test(name)).sort();
    } catch {
      return [];
    }
  }
}

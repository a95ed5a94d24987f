import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import type { BackupHeader } from './backup-file';
import type { LocalBackups } from './local-backups';

/**
 * How `npx dangjian backup` reaches a running server: the server listens on 127.0.0.1 only, on a port of its own,
 * and writes the port and a random token into `<data>/control.json` (readable by its user only). The command reads
 * that file; nothing is reachable from outside the machine or through the reverse proxy.
 */
export interface ControlInfo {
  pid: number;
  port: number;
  token: string;
}

export const controlFile = (dataDir: string) => join(dataDir, 'control.json');

export async function startControlChannel(dataDir: string, backups: LocalBackups): Promise<{ close(): Promise<void> }> {
  const token = randomBytes(32).toString('base64url');
  const server: Server = createServer((req, res) => {
    const given = Buffer.from(String(req.headers['x-dangjian-token'] ?? ''));
    const expected = Buffer.from(token);
    if (req.method !== 'POST' || req.url !== '/backup' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(403).end();
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const { out, kind } = JSON.parse(body || '{}') as { out?: string; kind?: BackupHeader['kind'] };
      if (!out) {
        res.writeHead(400).end();
        return;
      }
      backups.backupTo(out, kind === 'export' ? 'export' : 'backup').then(
        (header) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(header)),
        (error: unknown) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const info: ControlInfo = { pid: process.pid, port: typeof address === 'object' && address ? address.port : 0, token };
  writeFileSync(controlFile(dataDir), JSON.stringify(info), { mode: 0o600 });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        rmSync(controlFile(dataDir), { force: true });
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The running server's control channel for `dataDir`, or undefined when no server runs on it. */
export function runningServer(dataDir: string): ControlInfo | undefined {
  if (!existsSync(controlFile(dataDir))) return undefined;
  const info = JSON.parse(readFileSync(controlFile(dataDir), 'utf8')) as ControlInfo;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined;
  }
}

/** Asks the running server for a backup into `out` (an absolute path). */
export function requestBackup(info: ControlInfo, out: string, kind: BackupHeader['kind']): Promise<BackupHeader> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: info.port, path: '/backup', method: 'POST', headers: { 'x-dangjian-token': info.token, 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => {
        const parsed = JSON.parse(body || '{}') as BackupHeader & { error?: string };
        if (res.statusCode === 200) resolve(parsed);
        else reject(new Error(parsed.error ?? `HTTP ${res.statusCode}`));
      });
    });
    req.once('error', reject);
    req.end(JSON.stringify({ out, kind }));
  });
}

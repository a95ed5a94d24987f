import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * A child left running by a runtime that was killed (kill -9 does not reach children): its pid is kept in a file,
 * and the next start ends it before starting a new one on the same data.
 */
export function endStaleProcess(pidFile: string, commandMarker: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (command.includes(commandMarker)) process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export function rememberProcess(pidFile: string, pid: number): void {
  writeFileSync(pidFile, String(pid));
}

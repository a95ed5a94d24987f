import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ClockStateFileInvalidError } from './clock-errors';

/** What a VirtualClock persists: virtual time = anchorVirtual + (realNow − anchorReal) × rate. */
export interface ClockAnchor {
  /** Virtual instant at the anchor, epoch ms. */
  anchorVirtual: number;
  /** Real instant at the anchor, epoch ms. */
  anchorReal: number;
  rate: number;
}

/** Reads a clock state file; undefined when it does not exist. */
export function readClockState(path: string): ClockAnchor | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ClockStateFileInvalidError(`Cannot read the clock state file ${path}`, { cause: error });
  }
  try {
    const value = JSON.parse(text) as Partial<ClockAnchor>;
    const { anchorVirtual, anchorReal, rate } = value;
    if (![anchorVirtual, anchorReal, rate].every((n) => typeof n === 'number' && Number.isFinite(n)) || rate! < 0) {
      throw new Error('anchorVirtual, anchorReal and rate must be finite numbers, rate ≥ 0');
    }
    return { anchorVirtual: anchorVirtual!, anchorReal: anchorReal!, rate: rate! };
  } catch (error) {
    throw new ClockStateFileInvalidError(`The clock state file ${path} is not valid`, { cause: error });
  }
}

/** Writes the state atomically (temporary file + rename), so a kill -9 never leaves half a file. */
export function writeClockState(path: string, state: ClockAnchor): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ ...state, anchorVirtualIso: new Date(state.anchorVirtual).toISOString() })}\n`);
  renameSync(temporary, path);
}

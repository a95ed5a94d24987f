import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { RosterFileMismatchError } from './roster-errors';
import { ROSTER_MAX_FILE_BYTES } from './roster-limits';

/**
 * The preview writes nothing, so the confirmation needs the file again: the preview page carries it in a hidden
 * field, gzipped (a CSV shrinks several times) and base64url-encoded (no %-escaping in a urlencoded form), with
 * the SHA-256 of the original bytes. The confirmation re-reads and re-checks everything; the checksum only
 * catches a damaged or altered field, and names the file in the audit events.
 */
export interface CarriedFile {
  file: string;
  sha256: string;
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function packRosterFile(bytes: Buffer): CarriedFile {
  return { file: gzipSync(bytes).toString('base64url'), sha256: sha256Hex(bytes) };
}

export function unpackRosterFile(carried: CarriedFile): Buffer {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(Buffer.from(carried.file, 'base64url'), { maxOutputLength: ROSTER_MAX_FILE_BYTES + 1 });
  } catch (error) {
    throw new RosterFileMismatchError({ cause: error, detail: 'Carried roster file does not unzip' });
  }
  if (sha256Hex(bytes) !== carried.sha256) throw new RosterFileMismatchError({ detail: 'Carried roster file checksum differs' });
  return bytes;
}

/**
 * What the preview promised to write: row number → the stored version it compared with (0: a new person).
 * The import writes only these rows, each conditional on that version, so a change since the preview refuses it.
 */
export type ExpectedVersions = Map<number, number>;

export function encodeExpected(expected: ExpectedVersions): string {
  return [...expected].map(([row, version]) => `${row}:${version}`).join(',');
}

export function decodeExpected(text: string): ExpectedVersions {
  const expected: ExpectedVersions = new Map();
  for (const part of text.split(',')) {
    const match = /^(\d{1,6}):(\d{1,9})$/.exec(part.trim());
    if (match) expected.set(Number(match[1]), Number(match[2]));
    else if (part.trim()) throw new RosterFileMismatchError({ detail: 'Malformed expected versions' });
  }
  return expected;
}

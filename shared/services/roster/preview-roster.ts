import { countVerdicts, planRoster, type RosterCounts, type RowVerdict } from '../../domain/roster';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { encodeExpected, packRosterFile, type ExpectedVersions } from './roster-carry';
import type { RosterEncoding, RosterFormat } from './decode-roster-file';
import { readRosterFile } from './read-roster';
import { authorizeRosterUse } from './roster-access';
import { rosterPlanContext } from './roster-context';

export interface RosterUpload {
  bytes: Buffer;
  fileName: string;
}

/** A row as the preview shows it (no record, no stored person: nothing private beyond the masked ID number). */
export type PreviewRow = Pick<RowVerdict, 'rowNumber' | 'name' | 'idNumberMasked' | 'orgText' | 'outcome' | 'problems' | 'changedFields'> & {
  /** The organization's name when the row names a known one. */
  orgName?: string;
};

export interface RosterPreview {
  fileName: string;
  format: RosterFormat;
  encoding?: RosterEncoding;
  ignoredHeaders: string[];
  rows: PreviewRow[];
  counts: RosterCounts;
  /** What the confirmation sends back: the file (gzip, base64url), its SHA-256, and the versions the rows were compared with. */
  carry: { file: string; sha256: string; expected: string };
}

/** The rows a preview would write, each with the stored version it compared with. */
export function expectedVersions(verdicts: readonly RowVerdict[]): ExpectedVersions {
  const expected: ExpectedVersions = new Map();
  for (const v of verdicts) if (v.outcome === 'new' || v.outcome === 'changed') expected.set(v.rowNumber, v.existing?.version ?? 0);
  return expected;
}

/** Reads and checks an uploaded roster against the registry. Writes nothing. */
export async function previewRoster(deps: ServiceDeps, actor: Actor, upload: RosterUpload): Promise<RosterPreview> {
  authorizeRosterUse(actor, 'roster.import');
  const content = await readRosterFile(upload.bytes);
  const context = await rosterPlanContext(deps, actor, content.rows);
  const verdicts = planRoster(content.rows, context);
  const rows = verdicts.map(({ rowNumber, name, idNumberMasked, orgText, outcome, problems, changedFields, record }) => ({
    rowNumber, name, idNumberMasked, orgText, outcome, problems, changedFields, orgName: record ? context.tree.get(record.orgId)?.name : undefined,
  }));
  return {
    fileName: upload.fileName,
    format: content.format,
    encoding: content.encoding,
    ignoredHeaders: content.ignoredHeaders,
    rows,
    counts: countVerdicts(verdicts),
    carry: { ...packRosterFile(upload.bytes), expected: encodeExpected(expectedVersions(verdicts)) },
  };
}

import { countVerdicts, personFromRecord, planRoster, type RosterCounts, type RowProblem, type RowVerdict } from '../../domain/roster';
import { auditPut } from '../../store/audit';
import { newPersonId, personPk, putNewPersonItems, replacePerson } from '../../store/people-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { readRosterFile } from './read-roster';
import { authorizeRosterUse } from './roster-access';
import { decodeExpected, unpackRosterFile, type CarriedFile } from './roster-carry';
import { rosterPlanContext } from './roster-context';

/**
 * People per transaction, and a transaction holds at most 100 items: a new person is 3 (the record, its
 * ID-number index item, the audit event), a changed one 2 (the record, the audit event).
 */
export const ROSTER_CHUNK_PEOPLE = 33;

export interface RosterConfirmation extends CarriedFile {
  fileName: string;
  /** The preview's promise (see roster-carry): which rows to write, against which stored versions. */
  expected: string;
}

/** A row the import did not write although the preview meant to, or that changed since: with the reason. */
export interface SkippedRow {
  rowNumber: number;
  name: string;
  reason: string;
  problems: RowProblem[];
}

export interface RefusedChunk {
  /** All the rows of the refused transaction (none of them was written). */
  rowNumbers: number[];
  /** The rows whose stored record had changed since the preview (the cause). */
  conflictRows: number[];
}

export interface RosterImportResult {
  fileName: string;
  created: number[];
  updated: number[];
  /** Counts of the file as it reads now (invalid rows are never written). */
  counts: RosterCounts;
  skipped: SkippedRow[];
  refused: RefusedChunk[];
  /** Write capacity units DynamoDB reported for the transactions. */
  writeUnits: number;
}

interface Write {
  verdict: RowVerdict;
  created: boolean;
  items: TransactItem[];
}

function planWrite(deps: ServiceDeps, actor: Actor, verdict: RowVerdict, expectedVersion: number, sha256: string): Write {
  const record = verdict.record!;
  // A changed row is the stored person the ID number found; a new one gets a random id (its number goes in the index).
  const personId = expectedVersion !== 0 && verdict.existing ? verdict.existing.id : newPersonId();
  const person = personFromRecord(record, personId, expectedVersion === 0 ? undefined : verdict.existing, expectedVersion);
  const writes = expectedVersion === 0 ? putNewPersonItems(deps.store, person) : [replacePerson(deps.store, person)];
  // Audit details in the registry's vocabulary (shared/ui/audit-trail.ts); never the ID number.
  const details: Record<string, unknown> = { source: 'roster-import', file: sha256.slice(0, 16), row: verdict.rowNumber };
  const before = expectedVersion === 0 ? undefined : verdict.existing;
  if (!before) Object.assign(details, { orgId: person.orgId, status: person.status, statusFrom: record.statusDate });
  else {
    details.changed = verdict.changedFields.map((field) => (field === 'org' ? 'orgId' : field));
    if (before.orgId !== person.orgId) details.orgId = { before: before.orgId, after: person.orgId };
    if (before.status !== person.status) details.status = { before: before.status, after: person.status };
    if (verdict.changedFields.includes('statusDate')) details.statusFrom = record.statusDate;
  }
  const audit = auditPut(deps.store, personPk(personId), {
    at: deps.clock.now().toISOString(), action: expectedVersion === 0 ? 'person.created' : 'person.edited', actor: actor.id, details,
  });
  return { verdict, created: expectedVersion === 0, items: [...writes, audit] };
}

function skippedReason(verdict: RowVerdict, expected: number | undefined): string | undefined {
  if (verdict.outcome === 'invalid') return expected === undefined ? undefined : '预览之后情况有变，本行现在有问题，未导入。';
  if (verdict.outcome === 'unchanged') return undefined;
  return expected === undefined ? '预览时本行无需导入，但之后系统中的记录或组织发生了变化，未导入。请重新上传文件预览。' : undefined;
}

/**
 * Imports the rows the preview found valid and new or changed, re-reading and re-checking the carried file.
 * Unchanged rows are not written at all. Writes go in transactions of 33 people, each person conditional on
 * what the preview saw (the stored version; for a new person, its ID number not registered yet): a change since
 * then refuses that transaction (and the result names its rows).
 */
export async function importRoster(deps: ServiceDeps, actor: Actor, confirmation: RosterConfirmation): Promise<RosterImportResult> {
  authorizeRosterUse(actor, 'roster.import');
  const bytes = unpackRosterFile(confirmation);
  const expected = decodeExpected(confirmation.expected);
  const content = await readRosterFile(bytes);
  const verdicts = planRoster(content.rows, await rosterPlanContext(deps, actor, content.rows));
  const result: RosterImportResult = { fileName: confirmation.fileName, created: [], updated: [], counts: countVerdicts(verdicts), skipped: [], refused: [], writeUnits: 0 };
  const writes: Write[] = [];
  for (const verdict of verdicts) {
    const version = expected.get(verdict.rowNumber);
    const reason = skippedReason(verdict, version);
    if (reason) result.skipped.push({ rowNumber: verdict.rowNumber, name: verdict.name, reason, problems: verdict.problems });
    else if (version !== undefined && verdict.record && verdict.outcome !== 'unchanged') writes.push(planWrite(deps, actor, verdict, version, confirmation.sha256));
  }
  for (let start = 0; start < writes.length; start += ROSTER_CHUNK_PEOPLE) {
    const chunk = writes.slice(start, start + ROSTER_CHUNK_PEOPLE);
    try {
      result.writeUnits += (await transactWrite(deps.store, chunk.flatMap((w) => w.items), { measure: true })) ?? 0;
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
      const rowNumbers = chunk.map((w) => w.verdict.rowNumber);
      // A new person's index item fails when the number was registered since the preview; a changed one's record on its version.
      const offsets = chunk.map((_, index) => chunk.slice(0, index).reduce((sum, w) => sum + w.items.length, 0));
      const conflicted = (write: Write, index: number) => write.items.some((_, item) => error.failedAt(offsets[index] + item));
      result.refused.push({ rowNumbers, conflictRows: chunk.flatMap((write, index) => (conflicted(write, index) ? [write.verdict.rowNumber] : [])) });
      continue;
    }
    for (const write of chunk) (write.created ? result.created : result.updated).push(write.verdict.rowNumber);
  }
  return result;
}

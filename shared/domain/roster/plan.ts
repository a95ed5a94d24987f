import { maskIdNumber, normalizeIdNumber } from '../registry/id-number';
import type { Person } from '../registry/person';
import type { RosterField } from './columns';
import { compareWithPerson } from './person-change';
import { validateRosterRow, type RosterRecord, type RosterRow, type RowContext, type RowProblem } from './row';

export type RowOutcome = 'invalid' | 'new' | 'changed' | 'unchanged';

/** The verdict on one row: what is wrong with it, or what importing it would do. */
export interface RowVerdict {
  rowNumber: number;
  /** As in the file, for the page. */
  name: string;
  /** Never the full ID number outside the person's own page. */
  idNumberMasked: string;
  orgText: string;
  outcome: RowOutcome;
  problems: RowProblem[];
  changedFields: RosterField[];
  /** Valid rows: the record to write. */
  record?: RosterRecord;
  /** The stored person the row was compared with (its version is what the import expects). */
  existing?: Person;
}

export interface PlanContext extends RowContext {
  /** Whether the actor may act in an organization (a stored person's current one must be in scope too). */
  inScope(orgId: string): boolean;
  /** The stored people, by normalized ID number (only those the file names). */
  existing: ReadonlyMap<string, Person>;
}

export interface RosterCounts {
  total: number;
  invalid: number;
  new: number;
  changed: number;
  unchanged: number;
}

function verdictFor(row: RosterRow, context: PlanContext): Omit<RowVerdict, 'rowNumber' | 'name' | 'idNumberMasked' | 'orgText'> {
  const { problems, record } = validateRosterRow(row, context);
  if (!record) return { outcome: 'invalid', problems, changedFields: [] };
  const existing = context.existing.get(record.idNumber);
  if (existing && !context.inScope(existing.orgId)) {
    return { outcome: 'invalid', problems: [{ field: 'idNumber', message: '此人目前登记在您管理范围以外的党组织，请联系其所在党组织或上级党委办理组织关系转接。' }], changedFields: [] };
  }
  const comparison = compareWithPerson(record, existing);
  if (comparison.kind === 'conflict') return { outcome: 'invalid', problems: [comparison.problem], changedFields: [] };
  const changedFields = comparison.kind === 'changed' ? comparison.fields : [];
  return { outcome: comparison.kind, problems: [], changedFields, record, existing };
}

/**
 * The verdict on every row, in file order. Pure: the same rows and context give the same verdicts whatever
 * their order, except that of rows sharing an ID number only the first is considered; later ones are duplicates.
 */
export function planRoster(rows: readonly RosterRow[], context: PlanContext): RowVerdict[] {
  const firstRowOf = new Map<string, number>();
  return rows.map((row) => {
    const rawId = row.values.idNumber?.trim() ?? '';
    const idNumber = normalizeIdNumber(rawId);
    const display = {
      rowNumber: row.rowNumber,
      name: row.values.name?.trim() ?? '',
      idNumberMasked: rawId ? maskIdNumber(idNumber) : '',
      orgText: row.values.org?.trim() ?? '',
    };
    const first = idNumber ? firstRowOf.get(idNumber) : undefined;
    if (first !== undefined) {
      return { ...display, outcome: 'invalid', changedFields: [], problems: [{ field: 'idNumber', message: `身份证号与第 ${first} 行重复，本行不导入。` }] };
    }
    if (idNumber) firstRowOf.set(idNumber, row.rowNumber);
    return { ...display, ...verdictFor(row, context) };
  });
}

export function countVerdicts(verdicts: readonly Pick<RowVerdict, 'outcome'>[]): RosterCounts {
  const counts: RosterCounts = { total: verdicts.length, invalid: 0, new: 0, changed: 0, unchanged: 0 };
  for (const verdict of verdicts) counts[verdict.outcome] += 1;
  return counts;
}

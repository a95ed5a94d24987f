import type { Dated, MembershipStatus, Person } from '../registry/person';
import type { RosterField } from './columns';
import { chineseDate } from './dates';
import type { RosterRecord, RowProblem } from './row';

/** The date the person's current status took effect: the last history entry, when it is that status. */
export function currentStatusDate(person: Pick<Person, 'status' | 'statusHistory'>): string | undefined {
  const last = person.statusHistory.at(-1);
  return last && last.value === person.status ? last.from : undefined;
}

/** Fields a roster row sets on the person record (the roster's columns other than the ID number). */
const PLAIN_FIELDS = ['name', 'gender', 'ethnicity', 'birthDate', 'education', 'unitPost', 'phone', 'email', 'applicationDate'] as const;

export type RowComparison =
  | { kind: 'new' }
  | { kind: 'unchanged' }
  | { kind: 'changed'; fields: RosterField[] }
  | { kind: 'conflict'; problem: RowProblem };

/** What importing the record would change on the stored person (undefined: a new person). Blank cells change nothing. */
export function compareWithPerson(record: RosterRecord, person: Person | undefined): RowComparison {
  if (!person) return { kind: 'new' };
  const fields: RosterField[] = PLAIN_FIELDS.filter((field) => record[field] !== undefined && record[field] !== person[field]);
  if (record.orgId !== person.orgId) fields.push('org');
  const storedDate = currentStatusDate(person);
  if (record.status !== person.status) {
    fields.push('status', 'statusDate');
    const last = person.statusHistory.at(-1);
    if (last && record.statusDate < last.from) {
      return { kind: 'conflict', problem: { field: 'statusDate', message: `状态日期（${chineseDate(record.statusDate)}）早于系统中已登记的最近一次状态变化（${chineseDate(last.from)}），请核对。` } };
    }
  } else if (record.statusDate !== storedDate) {
    fields.push('statusDate');
    const previous = storedDate === undefined ? person.statusHistory.at(-1) : person.statusHistory.at(-2);
    if (previous && record.statusDate < previous.from) {
      return { kind: 'conflict', problem: { field: 'statusDate', message: `状态日期（${chineseDate(record.statusDate)}）早于系统中已登记的上一状态日期（${chineseDate(previous.from)}），请核对。` } };
    }
  }
  return fields.length === 0 ? { kind: 'unchanged' } : { kind: 'changed', fields };
}

const IMPORT_NOTE = '花名册导入';

function newHistory(record: RosterRecord): Dated<MembershipStatus>[] {
  const history: Dated<MembershipStatus>[] = [];
  if (record.applicationDate && record.status !== 'applicant' && record.applicationDate < record.statusDate) {
    history.push({ value: 'applicant', from: record.applicationDate, note: IMPORT_NOTE });
  }
  history.push({ value: record.status, from: record.statusDate, note: IMPORT_NOTE });
  return history;
}

/** A status change is a new history entry; the same status with another date corrects the current entry's date. */
function updatedHistory(record: RosterRecord, person: Person): Dated<MembershipStatus>[] {
  const history = [...person.statusHistory];
  if (record.status !== person.status) return [...history, { value: record.status, from: record.statusDate, note: IMPORT_NOTE }];
  if (record.statusDate === currentStatusDate(person)) return history;
  if (currentStatusDate(person) === undefined) return [...history, { value: record.status, from: record.statusDate, note: IMPORT_NOTE }];
  history[history.length - 1] = { ...history[history.length - 1], from: record.statusDate, note: `${IMPORT_NOTE}（更正日期）` };
  return history;
}

/**
 * The person as the import writes it: a new one (version 1), or the stored one with the row's non-blank
 * values and `version` set to `expectedVersion + 1` (the write is conditional on the stored version).
 */
export function personFromRecord(record: RosterRecord, personId: string, existing: Person | undefined, expectedVersion = existing?.version ?? 0): Person {
  if (!existing) {
    return {
      id: personId, orgId: record.orgId, name: record.name, gender: record.gender, ethnicity: record.ethnicity ?? '', birthDate: record.birthDate,
      idNumber: record.idNumber, education: record.education ?? '', unitPost: record.unitPost ?? '', phone: record.phone ?? '', email: record.email,
      status: record.status, statusHistory: newHistory(record), rightsState: 'normal', rightsHistory: [], exclusions: [],
      applicationDate: record.applicationDate, version: 1,
    };
  }
  const { statusDate: _date, ...values } = record;
  const set = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  return { ...existing, ...set, idNumber: existing.idNumber, statusHistory: updatedHistory(record, existing), version: expectedVersion + 1 };
}

import { chinaDate } from '../../domain/calendar';
import type { OrgTree } from '../../domain/registry/org-tree';
import { loadOrgTree } from '../authorization';
import { MEMBERSHIP_STATUS_LABELS, type Person } from '../../domain/registry/person';
import { currentStatusDate } from '../../domain/roster';
import { GRADE_HISTORY_HEADER, gradeHistoryText } from '../../domain/evaluation/grades';
import { listPersonGrades } from '../../store/evaluations-repo';
import { listPeople } from '../../store/people-repo';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { authorizeRoster, authorizeRosterUse, mayRoster } from './roster-access';
import { rosterCsv, rosterXlsx, type CsvEncoding, type ExtraColumn, type RosterRowValues } from './write-roster-file';

export type RosterFileKind = 'csv' | 'xlsx';

export interface RosterDownload {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES = {
  'csv-utf-8': 'text/csv; charset=utf-8',
  'csv-gb18030': 'text/csv; charset=gb18030',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A person as a roster row. The organization by name, or by id where the name is not unique (so the file imports back). */
export function rosterRowOf(person: Person, tree: OrgTree): RosterRowValues {
  const org = tree.get(person.orgId);
  const uniqueName = org && tree.organizations.filter((o) => o.name === org.name).length === 1;
  return {
    name: person.name, gender: person.gender, ethnicity: person.ethnicity ?? '', birthDate: person.birthDate, idNumber: person.idNumber,
    education: person.education ?? '', unitPost: person.unitPost ?? '', phone: person.phone ?? '', email: person.email ?? '',
    org: uniqueName ? org.name : person.orgId, status: MEMBERSHIP_STATUS_LABELS[person.status],
    statusDate: currentStatusDate(person) ?? person.statusHistory.at(-1)?.from ?? '', applicationDate: person.applicationDate ?? '',
  };
}

async function encode(rows: RosterRowValues[], kind: RosterFileKind, encoding: CsvEncoding, baseName: string, extra?: ExtraColumn): Promise<RosterDownload> {
  if (kind === 'xlsx') return { bytes: await rosterXlsx(rows, undefined, extra), contentType: CONTENT_TYPES.xlsx, fileName: `${baseName}.xlsx` };
  return { bytes: rosterCsv(rows, encoding, extra), contentType: CONTENT_TYPES[`csv-${encoding}`], fileName: `${baseName}.csv` };
}

/** Each person's evaluation history (docs/domain/evaluation.md: grades on the record), read 25 people at a time. */
async function gradeHistories(deps: ServiceDeps, people: readonly Person[]): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0; i < people.length; i += 25) {
    const batch = await Promise.all(people.slice(i, i + 25).map((p) => listPersonGrades(deps.store, p.id)));
    texts.push(...batch.map((grades) => gradeHistoryText(grades)));
  }
  return texts;
}

/** The roster of an organization and everything below it (in the actor's scope), in the import's format. */
export async function exportRoster(deps: ServiceDeps, actor: Actor, orgId: string, kind: RosterFileKind, encoding: CsvEncoding = 'utf-8'): Promise<RosterDownload> {
  authorizeRosterUse(actor, 'roster.export');
  const tree = await loadOrgTree(deps.store);
  const org = tree.get(orgId);
  if (!org) throw new RecordNotFoundError('该党组织');
  authorizeRoster(actor, 'roster.export', orgId, tree);
  const orgIds = tree.subtreeIds(orgId).filter((id) => mayRoster(actor, 'roster.export', id, tree));
  const people = (await Promise.all(orgIds.map((id) => listPeople(deps.store, id)))).flat();
  const grades = { header: GRADE_HISTORY_HEADER, values: await gradeHistories(deps, people) };
  return encode(people.map((person) => rosterRowOf(person, tree)), kind, encoding, `${org.name}花名册-${chinaDate(deps.clock.now())}`, grades);
}

/** The empty template: the header row only (XLSX with the ID number column as text and drop-down lists). */
export async function rosterTemplate(actor: Actor, kind: RosterFileKind, encoding: CsvEncoding = 'utf-8'): Promise<RosterDownload> {
  authorizeRosterUse(actor, 'roster.import');
  return encode([], kind, encoding, '党员花名册模板');
}

import { ID_NUMBER_PROBLEM_MESSAGES, idNumberProblems, normalizeIdNumber } from '../../domain/registry/id-number';
import type { OrgTree } from '../../domain/registry/org-tree';
import { RECORDABLE_STATUSES, type MembershipStatus, type Person } from '../../domain/registry/person';
import { parseForm } from '../../schemas/parse-form';
import { createPersonForm, editPersonForm } from '../../schemas/person-forms';
import { auditPut } from '../../store/audit';
import { changePersonItems, getPerson, getPersonByIdNumber, newPersonId, personPk, putNewPersonItems, sameIdNumber } from '../../store/people-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree, permits } from '../authorization';
import { InputInvalidError, RecordNotFoundError } from '../../errors';
import { checkVersion, commitChange, fieldError, today, type RegistryDeps } from './commit';
import { OrgClosedError, PersonDuplicateError, RegistryVersionConflictError } from './errors';

/**
 * A person's record (docs/domain/organizations-and-people.md). The person id is random (`newPersonId`): it is shown in URLs and JSON, so it must
 * not be computable from the ID number. One ID number is one person through the store's ID-number index, written in
 * the same transaction as the person. The ID number never goes into an audit event, an error detail or a log line.
 */

type Form = Record<string, string | undefined>;

/** The organization people are put in: it exists and is active. */
function checkOrg(tree: OrgTree, orgId: string): void {
  const org = tree.get(orgId);
  if (!org) throw fieldError('orgId', '所属组织不存在。');
  if (org.status !== 'active') throw new OrgClosedError({ detail: `organization ${orgId} is closed` });
}

/** The ID number's problems, alone and against the birth date and gender on the form, as one field message. */
function checkIdNumber(idNumber: string, person: { birthDate: string; gender: '男' | '女' }, onDate: string): void {
  const problems = idNumberProblems(idNumber, person, onDate);
  if (problems.length > 0) throw new InputInvalidError({ idNumber: problems.map((p) => ID_NUMBER_PROBLEM_MESSAGES[p]).join('') });
}

/**
 * The statuses someone may register a new person with in `orgId`: any, for whoever may change a person's status
 * there (committee staff, administrators); else (branch staff) only 入党申请人 — the branch receives applications,
 * while members joining from elsewhere and every later status are the committee's (person.status).
 */
export function creatableStatuses(actor: Actor, orgId: string, tree: OrgTree): MembershipStatus[] {
  return permits(actor, 'person.status', orgId, tree) ? [...RECORDABLE_STATUSES] : ['applicant'];
}

/** The statuses of the 添加人员 form, for the actor's own organization. */
export async function personCreateStatuses(deps: RegistryDeps, actor: Actor): Promise<MembershipStatus[]> {
  return creatableStatuses(actor, actor.orgId, await loadOrgTree(deps.store));
}

export async function createPerson(deps: RegistryDeps, actor: Actor, form: Form): Promise<Person> {
  const tree = await loadOrgTree(deps.store);
  const orgId = form.orgId?.trim() ?? '';
  if (orgId && !tree.get(orgId)) throw fieldError('orgId', '所属组织不存在。');
  authorize(actor, 'person.create', orgId || undefined, tree);
  const input = parseForm(createPersonForm, form);
  checkOrg(tree, input.orgId);
  if (!creatableStatuses(actor, input.orgId, tree).includes(input.status)) {
    throw fieldError('status', '党支部只能登记入党申请人。转入的党员或其他党员状态的人员，请由上级党委登记。');
  }
  const idNumber = normalizeIdNumber(input.idNumber);
  checkIdNumber(idNumber, input, today(deps));
  const { idNumber: _raw, status, statusFrom, ...record } = input;
  const person: Person = {
    ...record, id: newPersonId(), idNumber, status, statusHistory: [{ value: status, from: statusFrom }],
    rightsState: 'normal', rightsHistory: [], exclusions: [], version: 1,
  };
  const at = deps.clock.now().toISOString();
  const details = { name: person.name, orgId: person.orgId, orgName: tree.get(person.orgId)?.name, status, statusFrom };
  try {
    await transactWrite(deps.store, [...putNewPersonItems(deps.store, person), auditPut(deps.store, personPk(person.id), { at, action: 'person.created', actor: actor.id, details })]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    throw await duplicateError(deps, actor, tree, idNumber, error);
  }
  return person;
}

/** The ID number is registered already: the existing person is named only to someone who may see them. */
async function duplicateError(deps: RegistryDeps, actor: Actor, tree: OrgTree, idNumber: string, cause: unknown): Promise<PersonDuplicateError> {
  const existing = await getPersonByIdNumber(deps.store, idNumber);
  const visible = existing && permits(actor, 'person.view', existing.orgId, tree) ? existing.id : undefined;
  return new PersonDuplicateError(visible, { cause });
}

/** The person as the actor may act on them: found, and in scope for `action`. */
export async function loadPerson(deps: RegistryDeps, actor: Actor, personId: string, action: Parameters<typeof authorize>[1]) {
  const tree = await loadOrgTree(deps.store);
  const person = await getPerson(deps.store, personId);
  // Out of scope and missing look the same (403) to someone without the right, so ids reveal nothing.
  if (!person) {
    authorize(actor, action, undefined, tree);
    throw new RecordNotFoundError('该人员');
  }
  authorize(actor, action, person.orgId, tree);
  return { tree, person };
}

const RECORD_FIELDS = ['orgId', 'name', 'gender', 'ethnicity', 'birthDate', 'education', 'unitPost', 'phone', 'email', 'address', 'applicationDate'] as const;

/**
 * Edits the record, the ID number included (not status, rights or exclusions); moving to another organization needs
 * both. A blank or unchanged ID number keeps the stored one; a new one is validated as on creation and moves the
 * ID-number index in the same transaction (a number registered to someone else is refused as a duplicate).
 */
export async function editPerson(deps: RegistryDeps, actor: Actor, personId: string, form: Form): Promise<Person> {
  const { tree, person } = await loadPerson(deps, actor, personId, 'person.edit');
  const orgId = form.orgId?.trim() ?? '';
  if (orgId && orgId !== person.orgId) {
    if (!tree.get(orgId)) throw fieldError('orgId', '所属组织不存在。');
    authorize(actor, 'person.edit', orgId, tree);
  }
  const input = parseForm(editPersonForm, form);
  checkVersion(person, input.version, `edit person ${personId}`);
  if (input.orgId !== person.orgId) checkOrg(tree, input.orgId);
  const idNumber = input.idNumber && !sameIdNumber(input.idNumber, person.idNumber) ? normalizeIdNumber(input.idNumber) : person.idNumber;
  checkIdNumber(idNumber, input, today(deps));
  const { version: _version, idNumber: _typed, ...record } = input;
  const next: Person = { ...person, ...record, idNumber, version: person.version + 1 };
  // Only which fields changed (and the organization, which is not personal data): no values, never the ID number.
  const changed: string[] = RECORD_FIELDS.filter((key) => (person[key] ?? '') !== (next[key] ?? ''));
  const idNumberChanged = idNumber !== person.idNumber;
  if (idNumberChanged) {
    // Whoever may replace the number must be someone who may see it (today the same roles as person.edit).
    authorize(actor, 'person.viewIdNumber', person.orgId, tree);
    changed.push('idNumber');
  }
  if (changed.length === 0) return person;
  const details: Record<string, unknown> = { changed };
  if (next.orgId !== person.orgId) details.org = { before: tree.get(person.orgId)?.name ?? person.orgId, after: tree.get(next.orgId)?.name ?? next.orgId };
  if (next.name !== person.name) details.name = { before: person.name, after: next.name };
  const at = deps.clock.now().toISOString();
  const items = [...changePersonItems(deps.store, person, next), auditPut(deps.store, personPk(personId), { at, action: 'person.edited', actor: actor.id, details })];
  if (!idNumberChanged) {
    await commitChange(deps, items, `edit person ${personId}`);
    return next;
  }
  try {
    await transactWrite(deps.store, items);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    // Items: the record (version), the old number's index item (still this person's), the new one's (not registered).
    if (error.failedAt(2)) throw await duplicateError(deps, actor, tree, idNumber, error);
    throw new RegistryVersionConflictError({ cause: error, detail: `edit person ${personId}: condition failed` });
  }
  return next;
}

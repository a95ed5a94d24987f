import type { Transfer } from '../../domain/transfer/transfer';
import { getTransfer, listPersonTransferIds } from '../../store/transfers-repo';
import { listPersonGrades, type PersonGrade } from '../../store/evaluations-repo';
import { maskIdNumber } from '../../domain/registry/id-number';
import type { Organization } from '../../domain/registry/organization';
import type { OrgTree } from '../../domain/registry/org-tree';
import { exclusionOn, votesOn, type AttendanceExclusion, type Person } from '../../domain/registry/person';
import { listAudit, type AuditEvent } from '../../store/audit';
import { listPeople, personPk } from '../../store/people-repo';
import type { Store } from '../../store/store';
import type { Actor } from '../actor';
import { withActorNames } from '../audit-names';
import { permits } from '../authorization';
import { today, type RegistryDeps } from './commit';
import { loadPerson } from './people';

/** A person as lists show them: the ID number masked, never in full. */
export type PersonSummary = Omit<Person, 'idNumber'> & { idNumberMasked: string; orgName: string; votesToday: boolean; exclusionToday?: AttendanceExclusion };

export function summarize(person: Person, tree: OrgTree, onDate: string): PersonSummary {
  const { idNumber, ...rest } = person;
  return { ...rest, idNumberMasked: maskIdNumber(idNumber), orgName: tree.get(person.orgId)?.name ?? person.orgId, votesToday: votesOn(person, onDate), exclusionToday: exclusionOn(person, onDate) };
}

/** The people of an organization and every organization below it. */
export async function peopleOfSubtree(store: Store, tree: OrgTree, orgId: string): Promise<Person[]> {
  const lists = await Promise.all(tree.subtreeIds(orgId).map((id) => listPeople(store, id)));
  return lists.flat();
}

export interface PersonView {
  person: PersonSummary;
  /** The full ID number: only in the answer to 显示完整证件号码 (revealIdNumber, recorded), never in the view as read. */
  idNumber?: string;
  org?: Organization;
  history: AuditEvent[];
  /** The person's transfers of membership, oldest first (docs/domain/transfer.md). */
  transfers: Transfer[];
  /** The grades of the annual evaluations (民主评议党员), newest year first. */
  grades: PersonGrade[];
  permissions: { edit: boolean; status: boolean; rights: boolean; exclusion: boolean; viewIdNumber: boolean };
}

export async function getPersonView(deps: RegistryDeps, actor: Actor, personId: string): Promise<PersonView> {
  const { tree, person } = await loadPerson(deps, actor, personId, 'person.view');
  const may = (action: Parameters<typeof permits>[1]) => permits(actor, action, person.orgId, tree);
  const permissions = { edit: may('person.edit'), status: may('person.status'), rights: may('person.rights'), exclusion: may('person.exclusion'), viewIdNumber: may('person.viewIdNumber') };
  return {
    person: summarize(person, tree, today(deps)),
    org: tree.get(person.orgId),
    history: await withActorNames(deps, await listAudit(deps.store, personPk(personId))),
    transfers: await personTransfers(deps, personId),
    grades: await listPersonGrades(deps.store, personId),
    permissions,
  };
}

async function personTransfers(deps: RegistryDeps, personId: string): Promise<Transfer[]> {
  const transfers = await Promise.all((await listPersonTransferIds(deps.store, personId)).map((id) => getTransfer(deps.store, id)));
  return transfers.filter((t) => t !== undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

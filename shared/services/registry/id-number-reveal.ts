import { auditPut } from '../../store/audit';
import { personPk } from '../../store/people-repo';
import { transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import type { RegistryDeps } from './commit';
import { loadPerson } from './people';

/**
 * 显示完整证件号码 (docs/domain/organizations-and-people.md): the full ID number, on request only, to those allowed
 * (committee staff and administrators over their subtree), each time recorded in the person's file — who looked and
 * when, never the number itself. Pages and JSON otherwise carry the masked number only.
 */
export async function revealIdNumber(deps: RegistryDeps, actor: Actor, personId: string): Promise<string> {
  const { person } = await loadPerson(deps, actor, personId, 'person.viewIdNumber');
  await transactWrite(deps.store, [auditPut(deps.store, personPk(personId), { at: deps.clock.now().toISOString(), action: 'person.id-number-shown', actor: actor.id })]);
  return person.idNumber;
}

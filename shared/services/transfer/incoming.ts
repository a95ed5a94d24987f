import { normalizeIdNumber } from '../../domain/registry/id-number';
import type { Person } from '../../domain/registry/person';
import { parseForm } from '../../schemas/parse-form';
import { optionalText, requiredText } from '../../schemas/form-fields';
import { auditPut } from '../../store/audit';
import { getPersonByIdNumber, personPk, replacePerson } from '../../store/people-repo';
import { getTransfer, listPersonTransferIds } from '../../store/transfers-repo';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { commitChange } from '../registry/commit';
import { createPerson } from '../registry/people';
import { z } from 'zod';

const letterParticulars = z.object({
  fromOrgName: requiredText('转出组织（介绍信开具单位）', 100),
  letterSerial: optionalText('介绍信编号', 50),
  duesPaidTo: optionalText('党费交至', 20),
});

/**
 * The receiving side registers a member arriving with a letter from outside the system (docs/domain/transfer.md
 * T10): someone already registered under the ID number who left the system earlier (his last transfer went outside,
 * its receipt recorded) is made active again in the receiving organization with the status on the letter; someone
 * registered and still here is refused (he moves by a transfer within the system); anyone else is created from the
 * letter's particulars. Either way the
 * person's history records the letter.
 */
export async function registerIncoming(deps: ServiceDeps, actor: Actor, form: Record<string, string | undefined>): Promise<{ person: Person; reactivated: boolean }> {
  const tree = await loadOrgTree(deps.store);
  const orgId = form.orgId?.trim() ?? '';
  const org = tree.get(orgId);
  if (!org || org.status !== 'active') throw new InputInvalidError({ orgId: '转入组织不存在或已撤销。' });
  authorize(actor, 'transfer.incoming', orgId, tree);
  const letter = parseForm(letterParticulars, form);
  if (form.status !== 'full' && form.status !== 'probationary') throw new InputInvalidError({ status: '组织关系转入的应为正式党员或预备党员。' });
  const at = deps.clock.now().toISOString();
  const details = { fromOrg: letter.fromOrgName, toOrg: org.name, ...(letter.letterSerial ? { serial: letter.letterSerial } : {}), ...(letter.duesPaidTo ? { duesPaidTo: letter.duesPaidTo } : {}) };
  const existing = form.idNumber ? await getPersonByIdNumber(deps.store, normalizeIdNumber(form.idNumber)) : undefined;
  if (existing) {
    // Only someone who left the system (his last transfer went outside and its receipt came back) comes back this way;
    // anyone else registered here moves by a transfer within the system, never by typing his ID number.
    const last = (await Promise.all((await listPersonTransferIds(deps.store, existing.id)).map((id) => getTransfer(deps.store, id)))).filter((t) => t !== undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
    if (last?.status !== 'received') throw new InputInvalidError({ idNumber: `该身份证号的人员已在本系统${tree.get(existing.orgId)?.name ?? ''}登记，请由其所在党组织办理系统内转接。` });
    const from = form.statusFrom?.trim() || at.slice(0, 10);
    const status = form.status;
    const next: Person = {
      ...existing, orgId, status, version: existing.version + 1,
      statusHistory: existing.status === status ? existing.statusHistory : [...existing.statusHistory, { value: status, from, note: '组织关系转入' }],
    };
    await commitChange(deps, [replacePerson(deps.store, next), auditPut(deps.store, personPk(existing.id), { at, action: 'transfer.incoming-registered', actor: actor.id, details: { ...details, reactivated: true } })], `incoming ${existing.id}`);
    return { person: next, reactivated: true };
  }
  const person = await createPerson(deps, actor, form);
  await commitChange(deps, [auditPut(deps.store, personPk(person.id), { at, action: 'transfer.incoming-registered', actor: actor.id, details: { ...details, reactivated: false } })], `incoming ${person.id}`);
  return { person, reactivated: false };
}

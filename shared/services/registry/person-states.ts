import { EXCLUSION_REASON_LABELS, MEMBERSHIP_STATUS_LABELS, RIGHTS_STATE_LABELS, type Person } from '../../domain/registry/person';
import { parseForm } from '../../schemas/parse-form';
import { addExclusionForm, endExclusionForm, personRightsForm, personStatusForm } from '../../schemas/person-forms';
import { auditPut } from '../../store/audit';
import { personPk, replacePerson } from '../../store/people-repo';
import type { Actor } from '../actor';
import { checkVersion, commitChange, fieldError, today, type RegistryDeps } from './commit';
import { loadPerson } from './people';

/**
 * The dated states of a person: membership status (appended to its history), rights (留党察看, rights suspended,
 * and back to normal), and the reasons for leaving a voting member out of "should attend".
 */

type Form = Record<string, string | undefined>;

async function save(deps: RegistryDeps, actor: Actor, next: Person, action: string, details: Record<string, unknown>): Promise<Person> {
  const at = deps.clock.now().toISOString();
  await commitChange(deps, [replacePerson(deps.store, next), auditPut(deps.store, personPk(next.id), { at, action, actor: actor.id, details })], `${action} ${next.id}`);
  return next;
}

/** A dated entry follows the last one and is not in the future. */
function checkDate(from: string, last: string | undefined, onDate: string): void {
  if (from > onDate) throw fieldError('from', '生效日期不能晚于今天。');
  if (last && from < last) throw fieldError('from', `生效日期不能早于上一次变化的日期（${last}）。`);
}

export async function changeMembershipStatus(deps: RegistryDeps, actor: Actor, personId: string, form: Form): Promise<Person> {
  const { person } = await loadPerson(deps, actor, personId, 'person.status');
  const input = parseForm(personStatusForm, form);
  checkVersion(person, input.version, `status ${personId}`);
  // docs/domain/transfer.md T6b: only an arrival registered back (T10) puts a member who left the system on a roster again.
  if (person.status === 'transferred-out') throw fieldError('status', '该同志已转出本系统，不在组织名册中；转回本系统时，请在“组织关系转接”中登记系统外转入。');
  if (input.status === person.status) throw fieldError('status', `该同志当前已是${MEMBERSHIP_STATUS_LABELS[input.status]}。`);
  checkDate(input.from, person.statusHistory.at(-1)?.from, today(deps));
  const entry = { value: input.status, from: input.from, ...(input.note ? { note: input.note } : {}) };
  const next: Person = { ...person, status: input.status, statusHistory: [...person.statusHistory, entry], version: person.version + 1 };
  return save(deps, actor, next, 'person.status-changed', { before: MEMBERSHIP_STATUS_LABELS[person.status], after: MEMBERSHIP_STATUS_LABELS[input.status], effective: input.from, note: input.note });
}

/** Sets or clears (back to 正常) a state that takes away the vote. */
export async function setRightsState(deps: RegistryDeps, actor: Actor, personId: string, form: Form): Promise<Person> {
  const { person } = await loadPerson(deps, actor, personId, 'person.rights');
  const input = parseForm(personRightsForm, form);
  checkVersion(person, input.version, `rights ${personId}`);
  if (input.rightsState === person.rightsState) throw fieldError('rightsState', `该同志当前权利状态已是“${RIGHTS_STATE_LABELS[input.rightsState]}”。`);
  checkDate(input.from, person.rightsHistory.at(-1)?.from, today(deps));
  const entry = { value: input.rightsState, from: input.from, ...(input.note ? { note: input.note } : {}) };
  const next: Person = { ...person, rightsState: input.rightsState, rightsHistory: [...person.rightsHistory, entry], version: person.version + 1 };
  return save(deps, actor, next, 'person.rights-changed', { before: RIGHTS_STATE_LABELS[person.rightsState], after: RIGHTS_STATE_LABELS[input.rightsState], effective: input.from, note: input.note });
}

const overlaps = (a: { from: string; to?: string }, b: { from: string; to?: string }) => a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');

export async function addAttendanceExclusion(deps: RegistryDeps, actor: Actor, personId: string, form: Form): Promise<Person> {
  const { person } = await loadPerson(deps, actor, personId, 'person.exclusion');
  const input = parseForm(addExclusionForm, form);
  checkVersion(person, input.version, `exclusion ${personId}`);
  if (person.exclusions.some((existing) => overlaps(existing, input))) throw fieldError('from', '与已登记的不计入应到会人数情形时间重叠，请先结束原情形。');
  const exclusion = { reason: input.reason, from: input.from, ...(input.to ? { to: input.to } : {}), ...(input.note ? { note: input.note } : {}) };
  const next: Person = { ...person, exclusions: [...person.exclusions, exclusion], version: person.version + 1 };
  return save(deps, actor, next, 'person.exclusion-added', { reason: EXCLUSION_REASON_LABELS[input.reason], effective: input.from, until: input.to, note: input.note });
}

/** Ends an open (or later-ending) exclusion on a date. */
export async function endAttendanceExclusion(deps: RegistryDeps, actor: Actor, personId: string, form: Form): Promise<Person> {
  const { person } = await loadPerson(deps, actor, personId, 'person.exclusion');
  const input = parseForm(endExclusionForm, form);
  checkVersion(person, input.version, `end exclusion ${personId}`);
  const exclusion = person.exclusions[input.index];
  if (!exclusion) throw fieldError('index', '请选择要结束的情形。');
  if (input.to < exclusion.from) throw fieldError('to', `结束日期不能早于开始日期（${exclusion.from}）。`);
  if (exclusion.to && exclusion.to <= input.to) throw fieldError('to', `该情形已于 ${exclusion.to} 结束。`);
  const exclusions = person.exclusions.map((e, i) => (i === input.index ? { ...e, to: input.to } : e));
  const next: Person = { ...person, exclusions, version: person.version + 1 };
  return save(deps, actor, next, 'person.exclusion-ended', { reason: EXCLUSION_REASON_LABELS[exclusion.reason], until: input.to });
}

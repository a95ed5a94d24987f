import { MEMBERSHIP_STATUS_LABELS } from '../../domain/registry/person';
import type { DevelopmentCase } from '../../domain/development/case';
import type { Organization } from '../../domain/registry/organization';
import { listPeople } from '../../store/people-repo';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { subtreeCases } from './dashboard';
import { ruleSetsInStore } from './rule-set-admin';

/** 发展党员案件 of an organization's subtree, and who may have a case opened (people not yet members, no open case). */
export interface CasesView {
  org: Pick<Organization, 'id' | 'name'>;
  orgChoices: Array<Pick<Organization, 'id' | 'name'>>;
  cases: DevelopmentCase[];
  orgNames: Record<string, string>;
  applicants: Array<{ id: string; label: string }>;
  /** The rule-set versions a new case may be opened under, the built-in one first. */
  ruleSetVersions: Array<{ version: string; builtIn: boolean }>;
}

export async function developmentCasesView(deps: Pick<ServiceDeps, 'store' | 'clock'>, actor: Actor, orgId: string = actor.orgId): Promise<CasesView> {
  const { tree, cases, orgNames, org } = await subtreeCases(deps, actor, orgId);
  const withOpenCase = new Set(cases.filter((c) => c.status === 'active').map((c) => c.personId));
  const people = (await Promise.all(Object.keys(orgNames).map((id) => listPeople(deps.store, id)))).flat();
  const applicants = people
    .filter((p) => p.status !== 'full' && p.status !== 'probationary' && !withOpenCase.has(p.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((p) => ({ id: p.id, label: `${p.name}（${orgNames[p.orgId] ?? p.orgId}，${MEMBERSHIP_STATUS_LABELS[p.status]}）` }));
  const orgChoices = tree.organizations.filter((o) => actor.scopeOrgIds.includes(o.id) && o.status === 'active').map(({ id, name }) => ({ id, name }));
  const ruleSetVersions = (await ruleSetsInStore(deps)).map(({ version, builtIn }) => ({ version, builtIn }));
  return { org: { id: org.id, name: org.name }, orgChoices, cases, orgNames, applicants, ruleSetVersions };
}

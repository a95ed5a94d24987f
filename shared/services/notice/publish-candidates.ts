import { orgPickerChoices, type OrgChoice } from '../../domain/registry/org-picker';
import { MEMBERSHIP_STATUS_LABELS } from '../../domain/registry/person';
import { listPeople } from '../../store/people-repo';
import type { PublishCandidate } from '../../ui/pages/publish-form';
import { canActIn, type Actor } from '../actor';
import { loadOrgTree } from '../authorization';
import { APPLICANT_SUBTREE_LIMIT } from '../development-views/cases';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';

/** The 发布公示 picker of one organization of the actor's scope and those below it. */
export interface PublishCandidates {
  org: OrgChoice;
  orgChoices: OrgChoice[];
  /** Name, organization, status only; undefined when the subtree has more than APPLICANT_SUBTREE_LIMIT organizations (choose one below first). */
  candidates?: PublishCandidate[];
}

/** The people of `orgId`'s subtree within the actor's scope, for the 发布公示 picker (an organization outside it: not found). */
export async function publishCandidates({ store }: Pick<ServiceDeps, 'store'>, actor: Actor, orgId: string = actor.orgId): Promise<PublishCandidates> {
  const tree = await loadOrgTree(store);
  const org = tree.get(orgId);
  if (!org || !canActIn(actor, orgId)) throw new RecordNotFoundError('该组织');
  const orgIds = tree.subtreeIds(orgId).filter((id) => canActIn(actor, id));
  const common = { org: { id: org.id, name: org.name }, orgChoices: orgPickerChoices(tree, (id) => canActIn(actor, id), orgId) };
  if (orgIds.length > APPLICANT_SUBTREE_LIMIT) return common;
  const perOrg = await Promise.all(orgIds.map(async (id) => (await listPeople(store, id)).map((person) => ({
    id: person.id,
    name: person.name,
    orgName: tree.get(id)?.name ?? id,
    statusLabel: MEMBERSHIP_STATUS_LABELS[person.status] ?? person.status,
  }))));
  return { ...common, candidates: perOrg.flat().sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN')) };
}

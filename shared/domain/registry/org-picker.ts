import type { Organization } from './organization';
import type { OrgTree } from './org-tree';

/**
 * Above this many organizations in scope, an organization picker lists the way to the organization shown and the
 * organizations directly below it, not every organization (a working committee has thousands:
 * docs/domain/lists-and-counts.md).
 */
export const PICKER_FULL_LIST_LIMIT = 100;

export type OrgChoice = Pick<Organization, 'id' | 'name'>;

/**
 * The choices of an organization picker showing `currentId`: every active organization in scope, in tree order, when
 * there are at most PICKER_FULL_LIST_LIMIT; otherwise those of them above `currentId` (from the top), `currentId`
 * itself and those directly below it.
 */
export function orgPickerChoices(tree: OrgTree, inScope: (orgId: string) => boolean, currentId: string): OrgChoice[] {
  const choosable = (org: Organization) => org.status === 'active' && inScope(org.id);
  const choice = ({ id, name }: Organization): OrgChoice => ({ id, name });
  const all = tree.organizations.filter(choosable);
  if (all.length <= PICKER_FULL_LIST_LIMIT) return all.map(choice);
  const current = tree.get(currentId);
  const way = [...tree.ancestors(currentId).reverse(), ...(current ? [current] : [])];
  return [...way, ...tree.childrenOf(currentId)].filter(choosable).map(choice);
}

import type { OrgTree } from '../../domain/registry/org-tree';
import type { Actor } from '../actor';
import { authorize, permits, PERMISSIONS } from '../authorization';
import { AuthForbiddenError } from '../../errors';

export type RosterAction = 'roster.import' | 'roster.export';

/** Every roster check goes through here (authorization.ts: committee staff and administrators, in their scope). */

/** Whether the actor's role may use the roster pages at all (the upload form, the template): 403 otherwise. */
export function authorizeRosterUse(actor: Actor, action: RosterAction): void {
  if (!PERMISSIONS[action].includes(actor.role)) throw new AuthForbiddenError({ detail: `actor ${actor.id} (${actor.role}) may not ${action}` });
}

/** Import into / export from one organization: 403 unless permitted there. */
export function authorizeRoster(actor: Actor, action: RosterAction, orgId: string, tree: OrgTree): void {
  authorize(actor, action, orgId, tree);
}

/** The same question as a boolean, for the rows of a file (a row outside the scope is a row problem, not a 403). */
export function mayRoster(actor: Actor, action: RosterAction, orgId: string, tree: OrgTree): boolean {
  return permits(actor, action, orgId, tree);
}

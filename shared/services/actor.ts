import type { StaffIdentity } from '../domain/accounts/staff-identity';
import { AuthForbiddenError } from '../errors';

export type { StaffIdentity, StaffRole } from '../domain/accounts/staff-identity';

/**
 * Who is acting: a signed-in staff member with the organizations they may act in. `scopeOrgIds` is computed for
 * each request from the current organization tree (see authorization.ts), never stored with the account.
 */
export interface Actor extends StaffIdentity {
  /** Every organization the actor may act in: admin everything; others their organization's subtree. */
  scopeOrgIds: string[];
}

/** The scope as a set, made once per scope list (a committee over thousands of branches asks it for each record). */
const scopeSets = new WeakMap<readonly string[], ReadonlySet<string>>();

export function canActIn(actor: Actor, orgId: string): boolean {
  let scope = scopeSets.get(actor.scopeOrgIds);
  if (!scope) {
    scope = new Set(actor.scopeOrgIds);
    scopeSets.set(actor.scopeOrgIds, scope);
  }
  return scope.has(orgId);
}

export function authorizeOrg(actor: Actor, orgId: string): void {
  if (!canActIn(actor, orgId)) {
    throw new AuthForbiddenError({ detail: `actor ${actor.id} may not act in organization ${orgId}` });
  }
}

export function authorizeAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AuthForbiddenError({ detail: `actor ${actor.id} is not an administrator` });
}

/** The identity alone (what a session stores). */
export function identityOf(actor: StaffIdentity): StaffIdentity {
  return { id: actor.id, displayName: actor.displayName, role: actor.role, orgId: actor.orgId };
}
